package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The real engine over real sshd hosts drives the model while the learner
// zooms, resizes and switches views: under -race, panes created by engine
// goroutines and read by View must not race (they once did: a fatal
// "concurrent map writes").
func TestLiveStepWhileZoomingAndResizing(t *testing.T) {
	m, l := liveModel(t, 230, "01-test", `steps:
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
`, nil)
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
