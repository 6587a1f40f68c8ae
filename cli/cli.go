// Package cli is hardway's command line: it parses flags, loads the content
// and prints what the steps package and the checks say. It holds no tutorial
// or verification logic of its own.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"hardway/content"
	"hardway/inventory"
	"hardway/locales"
	"hardway/steps"
)

// Exit codes, the contract scripts rely on.
const (
	ExitOK          = 0
	ExitCheckFailed = 1
	ExitUsage       = 2
)

// Env is what a run of the command line sees of the world; tests fill it in.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Color is true when Stdout is a terminal and NO_COLOR is unset.
	Color bool
}

// app is the state shared by the subcommands of one run.
type app struct {
	ctx        context.Context
	env        Env
	lang       locales.Lang
	langFlag   string
	contentDir string
	trackFlag  string
	own        []*steps.Track // from --content

	inventoryFlag string
	stateFlag     string
	acceptNew     bool
	mirrorFlag    string // --mirror: wins over the inventory's mirror:
	rehearsal     bool   // --rehearsal: play the recorded outputs, contact no host
	widthFlag     int    // --width: lay text out in this many columns
}

// usageError makes Main exit 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usage(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// checkFailed makes Main exit 1 without printing anything more.
var errCheckFailed = errors.New("check failed")

// errYourTurn makes Main exit 4: a walk stopped at a step the learner runs
// themselves and has not done yet. Nothing failed.
var errYourTurn = errors.New("your turn")

// ExitYourTurn: the walk waits for the learner to do a step by hand.
const ExitYourTurn = 4

// Main runs the command line and returns the exit code.
func Main(args []string, env Env) int {
	return MainContext(context.Background(), args, env)
}

// MainContext is Main with a context whose end cancels running commands
// (Ctrl-C): they are interrupted on their hosts, and the run reports it.
func MainContext(ctx context.Context, args []string, env Env) int {
	a := &app{ctx: ctx, env: env}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.Execute()
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errCheckFailed):
		return ExitCheckFailed
	case errors.Is(err, errYourTurn):
		return ExitYourTurn
	}
	var lintErr lintFailed
	if errors.As(err, &lintErr) {
		return ExitCheckFailed
	}
	var unreachable unreachableError
	if errors.As(err, &unreachable) {
		fmt.Fprintln(env.Stderr, "hardway:", locales.Localize(a.lang, err))
		return ExitUnreachable
	}
	fmt.Fprintln(env.Stderr, "hardway:", locales.Localize(a.lang, err))
	return ExitUsage
}

// OSEnv is the real environment.
func OSEnv() Env {
	color := false
	if fi, err := os.Stdout.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		color = os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	}
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Color: color}
}

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "hardway", // its words are help.cmd.hardway.* in locales, as every command's
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return a.setup()
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.stdoutIsTerminal() {
				return a.runTUI()
			}
			return a.overview()
		},
	}
	root.PersistentFlags().StringVar(&a.langFlag, "lang", "", "language: en, ko or ja (default: from LC_ALL, LC_MESSAGES, LANG)")
	root.PersistentFlags().StringVar(&a.contentDir, "content", "", "load tracks from this directory as well (a track there replaces the embedded one of the same id)")
	root.PersistentFlags().StringVar(&a.trackFlag, "track", "", "the track to use (default: the inventory's, else classic)")
	root.PersistentFlags().StringVar(&a.inventoryFlag, "inventory", "", "the lab's inventory (default: ./hardway.yaml)")
	root.PersistentFlags().StringVar(&a.mirrorFlag, "mirror", "", "a download mirror (http://HOST:PORT, as hardway mirror serve prints it): the steps' downloads come from it (default: the inventory's mirror:)")
	root.PersistentFlags().BoolVar(&a.rehearsal, "rehearsal", false, "walk the tutorial's recorded outputs instead of your hosts: nothing runs, no host is contacted (the default without an inventory)")
	root.PersistentFlags().StringVar(&a.stateFlag, "state", "", "where progress and transcripts are kept (default: $XDG_STATE_HOME/hardway/...)")
	root.PersistentFlags().IntVar(&a.widthFlag, "width", 0, "the width to lay text out in, in columns (default: the terminal's, else $COLUMNS, else 80)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(a.tracksCommand(), a.stepsCommand(), a.showCommand(), a.checkCommand(), a.lintCommand(),
		a.initCommand(), a.runCommand(), a.verifyCommand(), a.statusCommand(), a.markCommand(), a.mirrorCommand())
	a.addInstructorCommands(root)
	a.installHelp(root)
	return root
}

// setup picks the language and loads the content; every subcommand needs both.
func (a *app) setup() error {
	getenv := a.env.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	// With no --track, the inventory's track (when there is one) is the default.
	lang, err := locales.Detect(a.langFlag, getenv)
	if err != nil {
		return usageError{err}
	}
	a.lang = lang
	if a.contentDir != "" {
		own, err := loadDir(a.contentDir)
		if err != nil {
			return usageError{err}
		}
		a.own = own
	}
	return nil
}

// allTracks is every track: the embedded ones and --content's. Loading all
// the embedded content takes a tenth of a second, so commands that need one
// track load only that one (trackByID).
func (a *app) allTracks() ([]*steps.Track, error) {
	tracks, err := embeddedTracks()
	if err != nil {
		// The embedded content is tested; failing here is a build bug.
		return nil, fmt.Errorf("embedded content: %w", err)
	}
	return mergeTracks(tracks, a.own), nil
}

// tracksFor returns just the track with this id when there is one (loading
// only it), else every track, so that an unknown id gets suggestions.
func (a *app) tracksFor(id string) ([]*steps.Track, error) {
	for _, t := range a.own {
		if t.ID == id {
			return []*steps.Track{t}, nil
		}
	}
	if t, err := embeddedTrack(id); err == nil && t != nil {
		return []*steps.Track{t}, nil
	}
	return a.allTracks()
}

func loadDir(dir string) ([]*steps.Track, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", dir)
	}
	// A variant there may build on an embedded track.
	return steps.LoadAllWith(os.DirFS(dir), strings.TrimSuffix(dir, "/"), embeddedTrack)
}

// mergeTracks lets a track from disk replace the embedded one of the same id.
func mergeTracks(base, own []*steps.Track) []*steps.Track {
	out := append([]*steps.Track{}, base...)
	for _, t := range own {
		replaced := false
		for i, b := range out {
			if b.ID == t.ID {
				out[i], replaced = t, true
			}
		}
		if !replaced {
			out = append(out, t)
		}
	}
	return out
}

// DefaultTrack is the track hardway opens when none is named.
const DefaultTrack = "classic"

func (a *app) track() (*steps.Track, error) {
	id := a.trackFlag
	if id == "" {
		id = a.inventoryTrack()
	}
	if id == "" {
		id = DefaultTrack
	}
	tracks, err := a.tracksFor(id)
	if err != nil {
		return nil, err
	}
	t, err := steps.FindTrack(tracks, id)
	if err != nil {
		return nil, usageError{err}
	}
	return t, nil
}

// msg is the UI string key in the run's language.
func (a *app) msg(key string, args ...string) string { return locales.Msg(a.lang, key, args...) }

func (a *app) printf(format string, args ...any) { fmt.Fprintf(a.env.Stdout, format, args...) }

func parseLang(s string) (locales.Lang, error) { return locales.Parse(s) }

// inventoryTrack is the track the lab's inventory names, or "".
func (a *app) inventoryTrack() string {
	path := a.inventoryFlag
	if path == "" {
		path = inventory.DefaultFile
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	inv, err := inventory.Parse(path, data)
	if err != nil {
		return ""
	}
	return inv.Track
}

// embeddedTracks loads the embedded content once per process: it never
// changes, and nothing modifies a loaded track.
var embeddedTracks = sync.OnceValues(func() ([]*steps.Track, error) {
	return steps.LoadAll(content.FS, "content")
})

var (
	oneTrackMu sync.Mutex
	oneTrack   = map[string]*steps.Track{}
)

// embeddedTrack loads one embedded track (nil when there is none of that id).
func embeddedTrack(id string) (*steps.Track, error) {
	oneTrackMu.Lock()
	t, ok := oneTrack[id]
	oneTrackMu.Unlock()
	if ok {
		return t, nil
	}
	if !validTrackDir(id) {
		return nil, nil
	}
	sub, err := fs.Sub(content.FS, id)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(sub, steps.TrackFile); err != nil {
		return nil, nil
	}
	t, err = steps.LoadTrack(sub, "content/"+id)
	if err != nil {
		return nil, err
	}
	// A variant is built on its base, itself loaded the same way.
	if err := steps.ResolveVariants([]*steps.Track{t}, embeddedTrack); err != nil {
		return nil, err
	}
	oneTrackMu.Lock()
	oneTrack[id] = t
	oneTrackMu.Unlock()
	return t, nil
}

func validTrackDir(id string) bool {
	return id != "" && !strings.ContainsAny(id, "/.\\")
}
