package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"hardway/locales"
	"hardway/walk"
)

// With a download mirror, the command box of a step that declares
// downloads says so under "Runs on:"; other steps and labs without a
// mirror have no such line.
func TestCommandBoxMarksMirroredDownloads(t *testing.T) {
	for _, mirror := range []string{"http://10.240.0.1:8080", ""} {
		tr := classic(t)
		prog, err := walk.OpenProgress(filepath.Join(t.TempDir(), "progress.json"), tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		e := &walk.Engine{Track: tr, Vars: tr.DefaultVars(), Progress: prog, Mirror: mirror}
		m := New(Options{Track: tr, Engine: e, Progress: prog, Vars: tr.DefaultVars(), Lang: locales.EN, NoColor: true})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		gotoStep(t, m, "07-bootstrapping-etcd/download-etcd")
		mark := "⇣ downloads from the mirror http://10.240.0.1:8080"
		if got := strings.Contains(screen(m), mark); got != (mirror != "") {
			t.Errorf("mirror %q: mark shown %v:\n%s", mirror, got, screen(m))
		}
		gotoStep(t, m, "07-bootstrapping-etcd/install-etcd")
		if strings.Contains(screen(m), "⇣ downloads") {
			t.Errorf("a step without downloads is marked:\n%s", screen(m))
		}
	}
}
