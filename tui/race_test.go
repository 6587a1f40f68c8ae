package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"

	"hardway/internal/sshlab"
	"hardway/locales"
	"hardway/remote"
	"hardway/steps"
	"hardway/walk"
)

// The real engine over real sshd hosts drives the model while the learner
// zooms, resizes and switches views: under -race, panes created by engine
// goroutines and read by View must not race (they once did: a fatal
// "concurrent map writes").
func TestLiveStepWhileZoomingAndResizing(t *testing.T) {
	l := sshlab.Start(t, 230, []string{"controller-0", "controller-1", "controller-2"})
	var hosts strings.Builder
	for _, h := range l.Hosts {
		hosts.WriteString("  - name: " + h.Name + "\n    address: " + h.Addr + "\n    roles: [controllers]\n")
	}
	fs := fstest.MapFS{
		"track.yaml": {Data: []byte("id: lab\nversion: v1\nhosts:\n" + hosts.String() + "chapters: [01-test]\n")},
		"01-test.yaml": {Data: []byte(`steps:
  - id: chatty
    on: [controllers]
    run: |
      for i in $(seq 1 40); do echo "line $i on $(hostname)"; sleep 0.01; done
    check:
      kind: output
      run: echo ok
      timeout: 0s
      params: {equals: ok}
      pass: [{output: ok}]
      fail: [{output: no}]
`)},
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
	m.agreed = true // the host list was confirmed
	_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter started nothing")
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	sizes := [][2]int{{80, 24}, {200, 60}, {120, 40}}
	for i := 0; ; i++ {
		select {
		case msg := <-done:
			m.Update(msg)
			if m.report == nil || !m.report.OK() {
				t.Fatalf("the step did not pass: %+v %s", m.report, m.err)
			}
			for _, h := range l.Hosts {
				if got := paneHistory(m.pane(h.Name)); !strings.Contains(got, "line 40 on") || !strings.Contains(got, "line 1 on") {
					t.Errorf("%s's pane lacks its output:\n%s", h.Name, got)
				}
			}
			return
		default:
		}
		sz := sizes[i%len(sizes)]
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		press(m, "z")
		press(m, "tab")
		press(m, "t")
		press(m, "t")
		_ = m.render()
		m.Update(tickMsg(time.Now()))
		time.Sleep(2 * time.Millisecond)
	}
}
