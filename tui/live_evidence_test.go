package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// With the real engine over real sshd hosts, a failing check shows what it
// ran and saw, the expected sample beside it and the differing lines, for
// the hosts as one group when they printed the same (golden view).
func TestLiveFailureShowsEvidence(t *testing.T) {
	m, _ := liveModel(t, 231, "07-etcd", `steps:
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
`, fstest.MapFS{
		"prose/en/07-etcd.md": {Data: []byte("# etcd\n\n## verify-members: Check the members\n\nAll three members must be started.\n")},
	})
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
