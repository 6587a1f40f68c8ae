package cli

import (
	labpkg "hardway/lab"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/term"

	"hardway/locales"
	"hardway/steps"
	"hardway/tui"
)

// stdoutIsTerminal: the UI needs one; otherwise hardway prints the overview.
func (a *app) stdoutIsTerminal() bool {
	f, ok := a.env.Stdout.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// runTUI opens the terminal UI: on the lab of the inventory, or in
// rehearsal when there is none.
func (a *app) runTUI() error {
	opt, cleanup, err := a.tuiOptions()
	if err != nil {
		return err
	}
	defer cleanup()
	p := tea.NewProgram(tui.New(opt), tea.WithContext(a.ctx))
	_, err = p.Run()
	return err
}

func (a *app) tuiOptions() (tui.Options, func(), error) {
	noColor := a.env.Getenv("NO_COLOR") != ""
	if _, err := a.inventoryPath(); err == nil {
		l, err := a.openLab()
		if err != nil {
			return tui.Options{}, nil, err
		}
		var remote []steps.Host
		for _, h := range l.track.Hosts {
			if !h.Local {
				remote = append(remote, h)
			}
		}
		// Host keys are reviewed here, on the plain terminal, before the UI.
		if err := a.connect(l, a.hostsToConnectFirst(l, remote)); err != nil {
			if _, unreachable := err.(unreachableError); !unreachable {
				return tui.Options{}, nil, err
			}
			a.env.Stderr.Write([]byte(err.Error() + "\n"))
			time.Sleep(2 * time.Second) // let the learner read it before the UI covers it
		}
		e := l.engine
		return tui.Options{
			Track: l.track, Engine: e, Progress: e.Progress, Vars: e.Vars, Lang: a.lang,
			HostState: func(h string) string {
				if t := l.targets[h]; t.Local {
					return locales.Msg(a.lang, "tui.local")
				}
				if l.pool.Connected(h) {
					return locales.Msg(a.lang, "tui.connected")
				}
				return locales.Msg(a.lang, "tui.disconnected")
			},
			NoColor: noColor,
		}, l.pool.Close, nil
	}
	l, err := a.openRehearsal()
	if err != nil {
		return tui.Options{}, nil, err
	}
	e := l.engine
	return tui.Options{Track: l.track, Engine: e, Progress: e.Progress, Vars: e.Vars, Lang: a.lang, Rehearsal: true, NoColor: noColor}, func() {}, nil
}

// rehearsalState keeps a rehearsal's progress apart from any lab's.
func (a *app) rehearsalState(track string) (string, error) {
	if a.stateFlag != "" {
		return a.stateFlag, nil
	}
	return a.stateSubdir("rehearsal-" + track)
}

// openRehearsal is a lab with no hosts: the rehearsal engine, with the
// rehearsal's own progress and transcript.
func (a *app) openRehearsal() (*lab, error) {
	t, err := a.track()
	if err != nil {
		return nil, err
	}
	state, err := a.rehearsalState(t.ID)
	if err != nil {
		return nil, err
	}
	l, err := labpkg.Rehearsal(t, state)
	if err != nil {
		return nil, usageError{err}
	}
	return &lab{track: l.Track, engine: l.Engine, state: l.State}, nil
}
