package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	labpkg "hardway/lab"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"hardway/inventory"
	"hardway/remote"
	"hardway/steps"
	"hardway/walk"
)

// lab is everything needed to run steps on real hosts.
type lab struct {
	inv      *inventory.Inventory
	track    *steps.Track
	targets  map[string]remote.Target
	pool     *remote.Pool
	hostKeys *remote.HostKeys
	engine   *walk.Engine
	state    string
}

// exitUnreachable: a host could not be reached.
const ExitUnreachable = 3

type unreachableError struct{ msg string }

func (e unreachableError) Error() string { return e.msg }

// inventoryPath is --inventory, or hardway.yaml here.
func (a *app) inventoryPath() (string, error) {
	if a.inventoryFlag != "" {
		return a.inventoryFlag, nil
	}
	if _, err := os.Stat(inventory.DefaultFile); err == nil {
		return inventory.DefaultFile, nil
	}
	return "", usage("no inventory: there is no %s here and no --inventory. Write one with `hardway init --track %s`",
		inventory.DefaultFile, a.trackOr(DefaultTrack))
}

func (a *app) trackOr(def string) string {
	if a.trackFlag != "" {
		return a.trackFlag
	}
	return def
}

// stateDir is where progress and transcripts of this inventory live:
// $XDG_STATE_HOME/hardway/<dir>-<hash of the inventory's path>.
func (a *app) stateDir(invPath string) (string, error) {
	if a.stateFlag != "" {
		return a.stateFlag, nil
	}
	abs, err := filepath.Abs(invPath)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	return a.stateSubdir(filepath.Base(filepath.Dir(abs)) + "-" + hex.EncodeToString(sum[:4]))
}

// stateSubdir is $XDG_STATE_HOME/hardway/<name> (~/.local/state by default).
func (a *app) stateSubdir(name string) (string, error) {
	base := a.env.Getenv("XDG_STATE_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "hardway", name), nil
}

// openLab reads the inventory and prepares the engine; it connects nothing yet.
func (a *app) openLab() (*lab, error) {
	path, err := a.inventoryPath()
	if err != nil {
		return nil, err
	}
	tracks, err := a.tracksFor(a.inventoryTrack())
	if err != nil {
		return nil, err
	}
	state, err := a.stateDir(path)
	if err != nil {
		return nil, err
	}
	// --mirror wins over the inventory's mirror: (which the inventory checks).
	mirrorURL, err := a.mirrorFor(nil)
	if err != nil {
		return nil, err
	}
	o := labpkg.Options{Inventory: path, Tracks: tracks, State: state, Mirror: mirrorURL}
	if a.interactive() {
		o.Passphrase = a.askPassphrase
	}
	if c, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil && c > 40 {
		o.Cols = c - 16 // the host prefix
	}
	l, err := labpkg.Open(o)
	if err != nil {
		return nil, usageError{err}
	}
	if a.trackFlag != "" && a.trackFlag != l.Track.ID {
		l.Close()
		return nil, usage("%s is for the %s track, not %s", path, l.Track.ID, a.trackFlag)
	}
	if a.langFlag == "" && l.Inventory.Lang != "" {
		a.lang, _ = parseLang(l.Inventory.Lang)
	}
	return &lab{inv: l.Inventory, track: l.Track, targets: l.Targets, pool: l.Pool, hostKeys: l.HostKeys, engine: l.Engine, state: l.State}, nil
}

func (a *app) interactive() bool {
	f, ok := a.env.Stdin.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (a *app) askPassphrase(file string) ([]byte, error) {
	fmt.Fprintf(a.env.Stderr, "Passphrase for %s: ", file)
	pass, err := term.ReadPassword(int(a.env.Stdin.(*os.File).Fd()))
	fmt.Fprintln(a.env.Stderr)
	return pass, err
}

// connect dials the hosts about to be used, all at once. Unknown host keys
// are shown together for one decision; changed keys and unreachable hosts
// end the run (exit 3) before anything runs.
func (a *app) connect(l *lab, hosts []steps.Host) error {
	var targets []remote.Target
	for _, h := range hosts {
		targets = append(targets, l.targets[h.Name])
	}
	errs := l.pool.Connect(a.ctx, targets)
	var unknown []*remote.UnknownHostError
	var fatal []string
	for _, h := range hosts {
		err := errs[h.Name]
		var u *remote.UnknownHostError
		switch {
		case err == nil:
		case errors.As(err, &u):
			unknown = remote.AppendUnknown(unknown, err) // a jump host's key too
		default:
			fatal = append(fatal, err.Error())
		}
	}
	if len(fatal) > 0 {
		return unreachableError{strings.Join(fatal, "\n")}
	}
	if len(unknown) == 0 {
		return nil
	}
	fmt.Fprintln(a.env.Stderr, a.msg("ui.unknown_hosts", l.hostKeys.WriteFile))
	for _, u := range unknown {
		line := fmt.Sprintf("  %-14s %-22s %s %s", u.Name, u.Address, u.Key.Type(), fingerprint(u))
		if f := u.File(); f != "" && f != l.hostKeys.WriteFile {
			line += "  → " + f // the host's own UserKnownHostsFile
		}
		fmt.Fprintln(a.env.Stderr, line)
	}
	acceptAll := a.acceptNew
	if !acceptAll {
		allowed := true
		for _, u := range unknown {
			if !l.targets[u.Name].AcceptNew {
				allowed = false
			}
		}
		acceptAll = allowed // every one is StrictHostKeyChecking accept-new in ssh_config
	}
	if !acceptAll {
		if !a.interactive() {
			return usage("%s", a.msg("ui.unknown_hosts_noninteractive"))
		}
		if !a.confirm(a.msg("ui.trust_hosts", fmt.Sprint(len(unknown)))) {
			return usage("%s", a.msg("ui.not_trusted"))
		}
	}
	if err := l.hostKeys.Add(unknown...); err != nil {
		return err
	}
	for name, err := range l.pool.Connect(a.ctx, targets) {
		return unreachableError{name + ": " + err.Error()}
	}
	return nil
}

func fingerprint(u *remote.UnknownHostError) string {
	return sshFingerprint(u.Key)
}

// confirm asks a yes/no question on the terminal; no is the default.
func (a *app) confirm(question string) bool {
	fmt.Fprintf(a.env.Stderr, "%s [y/N] ", question)
	var answer string
	fmt.Fscanln(a.env.Stdin, &answer)
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes" || answer == "예" || answer == "네" || answer == "はい"
}
