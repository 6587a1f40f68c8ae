package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"

	"hardway/internal/sshlab"
	"hardway/locales"
	"hardway/remote"
	"hardway/steps"
	"hardway/walk"
)

// With the real engine over real sshd hosts, a failing check shows what it
// ran and saw, the expected sample beside it and the differing lines, for
// the hosts as one group when they printed the same (golden view).
func TestLiveFailureShowsEvidence(t *testing.T) {
	l := sshlab.Start(t, 231, []string{"controller-0", "controller-1", "controller-2"})
	var hosts strings.Builder
	for _, h := range l.Hosts {
		hosts.WriteString("  - name: " + h.Name + "\n    address: " + h.Addr + "\n    roles: [controllers]\n")
	}
	fs := fstest.MapFS{
		"track.yaml": {Data: []byte("id: lab\nversion: v1\nhosts:\n" + hosts.String() + "chapters: [07-etcd]\n")},
		"07-etcd.yaml": {Data: []byte(`steps:
  - id: verify-members
    on: [controllers]
    run: echo listing members
    check:
      kind: output
      run: printf 'etcd-0, started\netcd-1, unstarted\netcd-2, started\n'
      timeout: 0s
      params: {contains: ["etcd-1, started"]}
      pass: [{output: "etcd-0, started\netcd-1, started\netcd-2, started\n"}]
      fail: [{output: "etcd-0, started\n"}]
`)},
		"prose/en/07-etcd.md": {Data: []byte("# etcd\n\n## verify-members: Check the members\n\nAll three members must be started.\n")},
	}
	tr, err := steps.LoadTrack(fs, "lab")
	if err != nil {
		t.Fatal(err)
	}
	targets := map[string]remote.Target{}
	for _, h := range l.Hosts {
		targets[h.Name] = remote.Target{Name: h.Name, Host: h.Addr, Port: h.Port, User: l.User, IdentityFiles: []string{l.ClientKeyFile}}
	}
	pool := remote.NewPool(remote.Options{HostKeys: &remote.HostKeys{Files: []string{l.KnownHostsFile}}, Auth: &remote.Auth{NoAgent: true}})
	t.Cleanup(pool.Close)
	prog, err := walk.OpenProgress(filepath.Join(t.TempDir(), "progress.json"), "lab")
	if err != nil {
		t.Fatal(err)
	}
	e := &walk.Engine{Track: tr, Vars: tr.DefaultVars(), Targets: targets, Pool: pool, Progress: prog, Cols: 80, Rows: 10}
	m := New(Options{Track: tr, Engine: e, Progress: prog, Vars: tr.DefaultVars(), Lang: locales.EN, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	press(m, "enter", "y") // confirm the host list, run, check
	if m.report == nil || m.report.OK() {
		t.Fatalf("the check passed: %+v %s", m.report, m.err)
	}
	for _, h := range m.hosts() {
		if got := paneHistory(m.pane(h)); !strings.Contains(got, "etcd-1, unstarted") {
			t.Errorf("%s's pane lacks what the check saw:\n%s", h, got)
		}
	}
	press(m, "x")
	got := screen(m)
	for _, want := range []string{"controller-0, controller-1, controller-2 · same output", "✗ etcd-1, started", "✗ etcd-1, unstarted", "  etcd-0, started"} {
		if !strings.Contains(got, want) {
			t.Errorf("the evidence lacks %q:\n%s", want, got)
		}
	}
	name := filepath.Join("testdata", "live-evidence-en-120x40.golden")
	if *update {
		os.WriteFile(name, []byte(got), 0o644)
	} else if want, err := os.ReadFile(name); err != nil || got != string(want) {
		t.Errorf("%s differs (go test ./tui -update to accept):\n%s", name, got)
	}
}
