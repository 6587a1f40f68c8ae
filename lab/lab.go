// Package lab opens a lab: from an inventory and the tracks hardway has, it
// builds the engine with its SSH pool, progress, transcript and redactor,
// or a rehearsal engine with its own progress. The command line, the TUI
// and tests get their engines here, the same way.
package lab

import (
	"fmt"
	"path/filepath"

	"hardway/inventory"
	"hardway/remote"
	"hardway/steps"
	"hardway/walk"
)

// Options say which lab to open and how.
type Options struct {
	Inventory string         // hardway.yaml
	Tracks    []*steps.Track // the tracks the inventory may name
	State     string         // where progress and the transcript live
	// Mirror, when set, wins over the inventory's mirror: (already checked).
	Mirror string
	// Passphrase asks for an identity file's passphrase; nil: never ask.
	Passphrase func(file string) ([]byte, error)
	// Cols and Rows size the terminals of step commands.
	Cols, Rows int
}

// Lab is an opened lab.
type Lab struct {
	Inventory *inventory.Inventory
	Track     *steps.Track
	Targets   map[string]remote.Target
	Pool      *remote.Pool // nil in a rehearsal
	HostKeys  *remote.HostKeys
	Engine    *walk.Engine
	State     string
}

// Close ends the lab's connections.
func (l *Lab) Close() {
	if l.Pool != nil {
		l.Pool.Close()
	}
}

// ConfigError is a mistake in the inventory or what it names (exit 2).
type ConfigError struct{ Err error }

func (e ConfigError) Error() string { return e.Err.Error() }
func (e ConfigError) Unwrap() error { return e.Err }

// Open reads the inventory and builds the engine for its hosts. It dials
// nothing: hosts are connected when a step needs them.
func Open(o Options) (*Lab, error) {
	inv, t, err := inventory.Load(o.Inventory, o.Tracks)
	if err != nil {
		return nil, ConfigError{err}
	}
	cfg, err := remote.LoadSSHConfig(inv.SSHConfigFiles()...)
	if err != nil {
		return nil, ConfigError{err}
	}
	targets, err := inv.Targets(t, cfg)
	if err != nil {
		return nil, ConfigError{err}
	}
	prog, err := walk.OpenProgress(filepath.Join(o.State, "progress.json"), t.ID)
	if err != nil {
		return nil, ConfigError{err}
	}
	red := Redactor(prog, inv)
	known := inv.KnownHostsFiles()
	hk := &remote.HostKeys{Files: known, WriteFile: known[0]}
	pool := remote.NewPool(remote.Options{HostKeys: hk, Auth: &remote.Auth{Passphrase: o.Passphrase}})
	mirrorURL := o.Mirror
	if mirrorURL == "" {
		mirrorURL = inv.Mirror
	}
	cols, rows := o.Cols, o.Rows
	if cols <= 0 {
		cols = 120
	}
	if rows <= 0 {
		rows = 40
	}
	e := &walk.Engine{
		Track: t, Vars: inv.Placeholders(t), Host: func(n string) steps.Host { return inv.TrackHost(t, n) },
		Targets: targets, Pool: pool, Local: &remote.Local{Name: "workstation", Dir: inv.WorkDir()},
		Progress: prog, Transcript: walk.OpenTranscript(filepath.Join(o.State, "transcript.jsonl"), red), Redactor: red,
		Cols: cols, Rows: rows, Mirror: mirrorURL,
	}
	return &Lab{Inventory: inv, Track: t, Targets: targets, Pool: pool, HostKeys: hk, Engine: e, State: o.State}, nil
}

// Rehearsal opens a lab with no hosts: the rehearsal engine for track t,
// with the rehearsal's own progress and transcript in state.
func Rehearsal(t *steps.Track, state string) (*Lab, error) {
	prog, err := walk.OpenProgress(filepath.Join(state, "progress.json"), t.ID)
	if err != nil {
		return nil, ConfigError{err}
	}
	red := &walk.Redactor{}
	e := walk.NewRehearsal(t, t.DefaultVars(), prog)
	e.Transcript = walk.OpenTranscript(filepath.Join(state, "transcript.jsonl"), red)
	e.Redactor = red
	return &Lab{Track: t, Engine: e, State: state}, nil
}

// Redactor knows the lab's secrets: carried values and inventory values
// whose names say they are secrets (ENCRYPTION_KEY, join_token).
func Redactor(prog *walk.Progress, inv *inventory.Inventory) *walk.Redactor {
	red := &walk.Redactor{}
	if prog != nil {
		for _, h := range prog.Hosts() {
			for k, v := range prog.Vars(h) {
				if walk.SecretName(k) {
					red.Add(v)
				}
			}
		}
	}
	if inv != nil {
		for k, v := range inv.Vars {
			if walk.SecretName(k) {
				red.Add(v)
			}
		}
	}
	return red
}

// String names the lab for messages.
func (l *Lab) String() string {
	if l.Inventory == nil {
		return fmt.Sprintf("rehearsal of %s", l.Track.ID)
	}
	return fmt.Sprintf("%s (%s)", l.Inventory.File, l.Track.ID)
}
