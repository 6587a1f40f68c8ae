package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/muesli/cancelreader"
	"golang.org/x/term"

	labpkg "hardway/lab"
	"hardway/remote"
	"hardway/tui"
)

// roomTUI opens the live dashboard. The room's unknown host keys are
// reviewed on the plain terminal first, in one pass (the first check);
// later checks from the dashboard ask nothing: a key that is still unknown
// leaves its host out.
func (a *app) roomTUI(path string, every int) error {
	r, err := readRoom(path)
	if err != nil {
		return err
	}
	first, err := a.checkRoom(path, nil)
	if err != nil {
		return err
	}
	check := func(ctx context.Context) tui.RoomGrid {
		res, err := a.openRoom(r, nil)
		if err != nil {
			return tui.RoomGrid{Err: err.Error()}
		}
		defer res.close()
		// No question on the terminal the UI holds: a key still unknown
		// leaves its host out.
		if err := a.checkLabs(ctx, res, false); err != nil {
			return tui.RoomGrid{Err: err.Error()}
		}
		return a.roomGrid(res)
	}
	firstGrid := a.roomGrid(first)
	m := tui.NewRoom(tui.RoomOptions{
		Title: path, Lang: a.lang, Every: time.Duration(every) * time.Minute, NoColor: a.env.Getenv("NO_COLOR") != "",
		Check: func(ctx context.Context) tui.RoomGrid {
			if g := firstGrid; g.Labs != nil {
				firstGrid = tui.RoomGrid{} // the look taken before the UI opened
				return g
			}
			return check(ctx)
		},
		Shell: func(labName, host string) tea.ExecCommand {
			return &labShell{a: a, room: r, lab: labName, host: host}
		},
	})
	_, err = tea.NewProgram(m, tea.WithContext(a.ctx)).Run()
	return err
}

// roomGrid is the dashboard's view of a room's verdicts.
func (a *app) roomGrid(res *roomResult) tui.RoomGrid {
	var g tui.RoomGrid
	for _, ch := range res.Chapters {
		g.Chapters = append(g.Chapters, tui.RoomChapter{Code: chapterCode(ch), Title: res.titles[ch]})
	}
	plain := *a
	plain.env.Color = false
	for _, run := range res.Labs {
		row := tui.RoomLab{Name: run.Name}
		for _, ch := range res.Chapters {
			c := run.cell(ch)
			cell := tui.RoomCell{Text: plain.cellText(run, c), Kind: tui.RoomNone}
			switch {
			case run.lab == nil:
				cell.Kind = tui.RoomError
			case c == nil:
			case c.Status == roomPassed:
				cell.Kind = tui.RoomPassed
			case c.Status == roomFailed:
				cell.Kind = tui.RoomFailed
			case c.Status == roomUnreachable:
				cell.Kind = tui.RoomUnreachable
			}
			row.Cells = append(row.Cells, cell)
		}
		if run.Error != "" {
			row.Trouble = append(row.Trouble, run.Error)
		}
		for _, c := range run.Chapters {
			if c.Status == roomFailed {
				where := c.Step
				if c.Host != "" {
					where = a.msg("room.step_on_host", c.Step, c.Host)
				}
				row.Trouble = append(row.Trouble, "✗ "+where+": "+c.Reason)
				if row.Hint == "" {
					row.Hint = c.Hint
				}
				if row.ShellHost == "" && c.Host != "" {
					row.ShellHost = c.Host
				}
			}
		}
		for _, h := range sortedKeys(run.Lost) {
			row.Trouble = append(row.Trouble, "⊘ "+a.msg("room.unreachable_host", h)+" "+run.Lost[h])
		}
		g.Labs = append(g.Labs, row)
	}
	return g
}

// labShell is a login shell on one host of a lab, on this terminal: the
// dashboard waits while the instructor looks around, and comes back when
// the shell ends.
type labShell struct {
	a         *app
	room      *roomFile
	lab, host string
	stdin     io.Reader
	stdout    io.Writer
}

func (s *labShell) SetStdin(r io.Reader)  { s.stdin = r }
func (s *labShell) SetStdout(w io.Writer) { s.stdout = w }
func (s *labShell) SetStderr(io.Writer)   {}

func (s *labShell) Run() error {
	var inv string
	for _, l := range s.room.Labs {
		if l.Name == s.lab {
			inv = l.Inventory
		}
	}
	tracks, err := s.a.allTracks()
	if err != nil {
		return err
	}
	state, err := s.a.labState(s.lab, inv)
	if err != nil {
		return err
	}
	l, err := labpkg.Open(labpkg.Options{Inventory: inv, Tracks: tracks, State: state})
	if err != nil {
		return err
	}
	defer l.Close()
	ctx, cancel := context.WithCancel(s.a.ctx)
	defer cancel()
	for _, err := range l.Pool.Connect(ctx, []remote.Target{l.Targets[s.host]}) {
		return err
	}
	cols, rows := 80, 24
	in, _ := s.stdin.(*os.File)
	if out, ok := s.stdout.(*os.File); ok {
		if c, r, err := term.GetSize(int(out.Fd())); err == nil {
			cols, rows = c, r
		}
	}
	if in != nil && term.IsTerminal(int(in.Fd())) {
		old, err := term.MakeRaw(int(in.Fd()))
		if err == nil {
			defer term.Restore(int(in.Fd()), old)
		}
	}
	io.WriteString(s.stdout, s.a.msg("room.shell_opening", s.host, s.lab)+"\r\n")
	t, err := l.Engine.Shell(ctx, s.host, cols, rows, s.stdout)
	if err != nil {
		return err
	}
	// The keys go to the shell until it ends; then the reader is cancelled,
	// so that it takes no key meant for the dashboard.
	reader, err := cancelreader.NewReader(s.stdin)
	if err != nil {
		return err
	}
	go io.Copy(t, reader)
	res := t.Wait()
	reader.Cancel()
	if res.Err != nil && !errors.Is(res.Err, context.Canceled) {
		return res.Err
	}
	return nil
}
