package tui

import (
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

// liveModel is the UI over the real engine on three test sshd controllers,
// with a one-chapter track of the given steps (and prose files), at 120x40.
func liveModel(t *testing.T, base int, chapter, steps_ string, extra fstest.MapFS) (*Model, *sshlab.Lab) {
	t.Helper()
	l := sshlab.Start(t, base, []string{"controller-0", "controller-1", "controller-2"})
	var hosts strings.Builder
	for _, h := range l.Hosts {
		hosts.WriteString("  - name: " + h.Name + "\n    address: " + h.Addr + "\n    roles: [controllers]\n")
	}
	fs := fstest.MapFS{
		"track.yaml":      {Data: []byte("id: lab\nversion: v1\nhosts:\n" + hosts.String() + "chapters: [" + chapter + "]\n")},
		chapter + ".yaml": {Data: []byte(steps_)},
	}
	for k, v := range extra {
		fs[k] = v
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
	return m, l
}
