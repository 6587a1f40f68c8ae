package tui

import (
	"strings"
	"testing"

	"hardway/locales"
	"hardway/walk"
)

// A step the learner marked as done by hand is drawn apart from a passed
// one in the step list: ✎ and a ◆ per host, not ✓ and ●.
func TestMarkedStepHasItsOwnGlyph(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 120, 40)
	const passed, marked = "07-bootstrapping-etcd/install-etcd", "07-bootstrapping-etcd/etcd-unit"
	for _, h := range []string{"controller-0", "controller-1", "controller-2"} {
		m.opt.Progress.Set(passed, h, walk.HostState{Status: walk.Passed})
		m.opt.Progress.Set(marked, h, walk.HostState{Status: walk.Marked})
	}
	if mark, dots := m.stepMark(m.opt.Track.Step(passed)); mark != "✓" || dots != "●●●" {
		t.Errorf("passed: %q %q", mark, dots)
	}
	if mark, dots := m.stepMark(m.opt.Track.Step(marked)); mark != "✎" || dots != "◆◆◆" {
		t.Errorf("marked: %q %q", mark, dots)
	}
	gotoStep(t, m, marked)
	if !strings.Contains(screen(m), "✎ etcd-unit") {
		t.Errorf("the step list does not show the mark:\n%s", screen(m))
	}
}
