package tui

import (
	"context"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"

	"hardway/locales"
)

type nopExec struct{}

func (nopExec) Run() error          { return nil }
func (nopExec) SetStdin(io.Reader)  {}
func (nopExec) SetStdout(io.Writer) {}
func (nopExec) SetStderr(io.Writer) {}

func roomGridFixture() RoomGrid {
	return RoomGrid{
		Chapters: []RoomChapter{{"07", "Bootstrapping the etcd Cluster"}, {"08", "Control plane"}},
		Labs: []RoomLab{
			{Name: "alice", Cells: []RoomCell{{RoomPassed, "✓"}, {RoomPassed, "✓"}}},
			{Name: "bob", Cells: []RoomCell{{RoomPassed, "✓"}, {RoomFailed, "✗ start-services@controller-1"}},
				Trouble: []string{"✗ 08/start-services on controller-1: kube-apiserver: activating (auto-restart)"},
				Hint:    "Read the journal of kube-apiserver.", ShellHost: "controller-1"},
			{Name: "carol", Cells: []RoomCell{{RoomUnreachable, "⊘ controller-2"}, {RoomUnreachable, "⊘ controller-2"}},
				Trouble: []string{"⊘ controller-2 could not be reached: connection refused"}, ShellHost: ""},
		},
	}
}

// The dashboard checks as it opens, shows the grid and the selected lab's
// trouble with its hint, checks again on r (once at a time), and opens a
// shell on the failing host of the selected lab.
func TestRoomDashboard(t *testing.T) {
	var checks atomic.Int32
	var shellOn string
	m := NewRoom(RoomOptions{
		Title: "room.yaml", Lang: locales.EN, NoColor: true,
		Check: func(context.Context) RoomGrid { checks.Add(1); return roomGridFixture() },
		Shell: func(lab, host string) tea.ExecCommand { shellOn = lab + "/" + host; return nopExec{} },
	})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	m.Init()
	if v := m.render(); !strings.Contains(v, "checking every lab") {
		t.Errorf("no checking state:\n%s", v)
	}
	if cmd := m.refresh(); cmd != nil {
		t.Error("a second check started while one runs")
	}
	m.Update(m.check()())
	v := m.render()
	for _, want := range []string{"alice", "✗ start-services@controller-1", "⊘ controller-2", "07", "08", "checked at", "every check passed"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in:\n%s", want, v)
		}
	}
	if lines := strings.Split(v, "\n"); len(lines) != 20 || !strings.Contains(lines[19], "q quit") {
		t.Errorf("%d lines, keys last: %q", len(lines), lines[len(lines)-1])
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	v = m.render()
	if !strings.Contains(v, "▸ \x1b[7mbob") {
		t.Errorf("bob is not marked selected:\n%q", v)
	}
	for _, want := range []string{"▸ ", "kube-apiserver: activating", "Read the journal", "o: a shell on controller-1"} {
		if !strings.Contains(v, want) {
			t.Errorf("bob selected: no %q in:\n%s", want, v)
		}
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'o', Text: "o"})
	if cmd == nil {
		t.Fatal("o opened no shell")
	}
	cmd()
	if shellOn != "bob/controller-1" {
		t.Errorf("shell on %q, want bob/controller-1", shellOn)
	}
	m.Update(roomShellDoneMsg{lab: "bob", host: "controller-1"})
	if !strings.Contains(m.render(), "the shell on controller-1 of bob has ended") {
		t.Error("no word that the shell ended")
	}
	// carol has no failing host: no shell, and it says so.
	m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'o', Text: "o"}); cmd != nil || !strings.Contains(m.render(), "no failing host") {
		t.Errorf("carol: a shell, or no word why not:\n%s", m.render())
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'r', Text: "r"})
	if cmd == nil {
		t.Fatal("r checked nothing")
	}
	m.Update(cmd())
	if checks.Load() != 2 {
		t.Errorf("%d checks, want 2", checks.Load())
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); cmd == nil {
		t.Error("q does not quit")
	}
}
