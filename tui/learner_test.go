package tui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hardway/locales"
	"hardway/walk"
)

// At 80x24, in every language, on every screen: the header names the
// track, chapter, step, language and mode; the footer shows ? and q.
func TestSmallScreenKeepsHeaderAndHelpAndQuit(t *testing.T) {
	for _, lang := range locales.All {
		m := rehearsalModel(t, lang, 80, 24)
		gotoStep(t, m, "07-bootstrapping-etcd/verify-members")
		check := func(what string) {
			t.Helper()
			lines := strings.Split(screen(m), "\n")
			head, foot := lines[0], lines[len(lines)-1]
			for _, want := range []string{"classic", "07", "verify-members", lang.Name(), m.t("tui.mode_rehearsal")} {
				if !strings.Contains(head, want) {
					t.Errorf("%s %s: header lacks %q: %q", lang, what, want, head)
				}
			}
			if !strings.Contains(foot, "? ") || !strings.Contains(foot, "q ") {
				t.Errorf("%s %s: footer lacks ? or q: %q", lang, what, foot)
			}
		}
		check("idle")
		press(m, "f")
		check("failure")
		press(m, "x")
		check("evidence")
		press(m, "x", "?")
		check("help")
		press(m, "esc", "z")
		check("zoom")
		press(m, "z", "t")
		check("lab")
	}
}

// ? lists every key, also those a rehearsal cannot use, and scrolls to
// the last one.
func TestHelpListsEveryKeyAndScrolls(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 80, 24)
	press(m, "?")
	var all strings.Builder
	for range 10 {
		all.WriteString(screen(m))
		press(m, "ctrl+d")
	}
	for _, g := range m.keys.FullHelp() {
		for _, b := range g {
			if !strings.Contains(all.String(), b.Help().Desc) {
				t.Errorf("help never shows %q", b.Help().Desc)
			}
		}
	}
	if m.view != "help" {
		t.Error("scrolling closed the help")
	}
}

// ctrl+d reaches the last sentence of 07/etcd-unit's explanation at 80x24.
func TestCtrlDReachesTheLastSentence(t *testing.T) {
	for _, lang := range locales.All {
		m := rehearsalModel(t, lang, 80, 24)
		gotoStep(t, m, "07-bootstrapping-etcd/etcd-unit")
		rendered := m.prose.render(m.current().Prose[lang].Body, 78) // the box at 80 columns
		last := strings.TrimSpace(ansi.Strip(rendered[len(rendered)-1]))
		if strings.Contains(screen(m), last) {
			t.Fatalf("%s: the test needs an explanation longer than its box", lang)
		}
		if !strings.Contains(screen(m), "▼ ctrl+d") {
			t.Errorf("%s: no scroll mark:\n%s", lang, screen(m))
		}
		for i := 0; i < 20 && !strings.Contains(screen(m), last); i++ {
			press(m, "ctrl+d")
		}
		if !strings.Contains(screen(m), last) {
			t.Errorf("%s: ctrl+d never shows %q:\n%s", lang, last, screen(m))
		}
	}
}

// The command box wraps a long line, marked, and e shows all of it.
func TestCommandIsNeverCut(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 80, 24)
	gotoStep(t, m, "07-bootstrapping-etcd/download-etcd")
	press(m, "e")
	s := screen(m)
	if !strings.Contains(s, "↪") || !strings.Contains(s, "etcd-v3.4.0-linux-") || !strings.Contains(s, "↪ amd64.tar.gz") {
		t.Errorf("expanded command:\n%s", s)
	}
	gotoStep(t, m, "07-bootstrapping-etcd/etcd-unit")
	press(m, "e")
	var seen strings.Builder
	for range 10 {
		seen.WriteString(screen(m))
		press(m, "ctrl+d")
	}
	if !strings.Contains(seen.String(), "WantedBy=multi-user.target") {
		t.Errorf("the heredoc's last lines never show")
	}
}

// / finds a step by part of its id or its title in any language.
func TestFinderJumps(t *testing.T) {
	m := rehearsalModel(t, locales.JA, 80, 24)
	press(m, "/")
	for _, r := range "etcd-unit" {
		press(m, string(r))
	}
	if !strings.Contains(screen(m), "07/etcd-unit") {
		t.Errorf("finder:\n%s", screen(m))
	}
	press(m, "enter")
	if m.current().ID != "07-bootstrapping-etcd/etcd-unit" || m.finder != nil {
		t.Errorf("jumped to %s", m.current().ID)
	}
	// A Korean title finds its step from a Japanese UI.
	ko := m.steps[m.sel].Prose[locales.KO].Title
	gotoStep(t, m, "04-certificate-authority/certificate-authority")
	press(m, "/")
	for _, r := range ko {
		press(m, string(r))
	}
	press(m, "enter")
	if m.current().ID != "07-bootstrapping-etcd/etcd-unit" {
		t.Errorf("by Korean title %q: %s", ko, m.current().ID)
	}
}

// A chapter with nothing to run is reachable and shows its explanation;
// siblings' numbers differ.
func TestEveryChapterIsReachable(t *testing.T) {
	m := trackRehearsal(t, embeddedTrack(t, "onprem"), locales.EN, 120, 40)
	gotoStep(t, m, m.steps[0].ID)
	press(m, "up")
	if m.bare == nil || !strings.HasPrefix(m.bare.Slug, "01") {
		t.Fatalf("chapter 01 is not reachable: %v", m.bare)
	}
	s := screen(m)
	if !strings.Contains(s, m.t("tui.nothing_to_run")) {
		t.Errorf("chapter page:\n%s", s)
	}
	press(m, "enter")
	if m.report != nil || !strings.Contains(screen(m), m.t("tui.nothing_to_run")) {
		t.Error("enter on a chapter without steps ran something")
	}
	press(m, "n")
	if m.bare != nil || m.current().ID != m.steps[0].ID {
		t.Errorf("n from chapter 01: %s", m.current().ID)
	}
	b := trackRehearsal(t, embeddedTrack(t, "binary"), locales.EN, 120, 40)
	if s := screen(b); !strings.Contains(s, "06.1 ") || !strings.Contains(s, "06.2 ") {
		t.Errorf("binary chapters are not told apart:\n%s", s)
	}
}

// Relaunching opens the step the learner was on, even one not yet run.
func TestRelaunchReturnsToTheStepTheLearnerWasOn(t *testing.T) {
	tr := classic(t)
	path := filepath.Join(t.TempDir(), "progress.json")
	open := func() *Model {
		prog, err := walk.OpenProgress(path, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		m := New(Options{Track: tr, Engine: walk.NewRehearsal(tr, tr.DefaultVars(), prog), Progress: prog, Vars: tr.DefaultVars(), Lang: locales.EN, Rehearsal: true, NoColor: true})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		return m
	}
	m := open()
	press(m, "/")
	for _, r := range "verify-members" {
		press(m, string(r))
	}
	press(m, "enter", "up")
	if m.current().ID != "07-bootstrapping-etcd/start-etcd" {
		t.Fatalf("at %s", m.current().ID)
	}
	if again := open(); again.current().ID != "07-bootstrapping-etcd/start-etcd" {
		t.Errorf("relaunched at %s", again.current().ID)
	}
}

// Keys that cannot act say why, in the status line.
func TestKeysSayWhyNot(t *testing.T) {
	m := rehearsalModel(t, locales.KO, 80, 24)
	gotoStep(t, m, "07-bootstrapping-etcd/start-etcd")
	for _, c := range []struct{ key, want string }{
		{"n", "controller-0, controller-1, controller-2"},
		{"o", m.t("tui.shell_rehearsal")[:20]},
		{"i", m.t("tui.input_rehearsal")[:20]},
	} {
		press(m, c.key)
		s := strings.ReplaceAll(screen(m), "\n", "")
		if !strings.Contains(s, c.want) {
			t.Errorf("%s says nothing (%q):\n%s", c.key, c.want, screen(m))
		}
		if m.current().ID != "07-bootstrapping-etcd/start-etcd" || m.input {
			t.Errorf("%s acted", c.key)
		}
	}
}

// A step the learner does themselves reads as their turn, never passed.
func TestManualStepIsYourTurn(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 120, 40)
	for _, s := range m.steps {
		if s.Yourself && s.Check == nil {
			gotoStep(t, m, s.ID)
			press(m, "enter")
			got := screen(m)
			if !strings.Contains(got, m.t("tui.your_turn")) || strings.Contains(got, m.t("tui.passed")) {
				t.Errorf("%s:\n%s", s.ID, got)
			}
			return
		}
	}
	t.Skip("no step of the learner's own without a check in classic")
}

// A failure on a screen too small for the hint shows the hint whole or not
// at all (x has it): never its heading with nothing under it.
func TestNoHintHeadingWithoutItsText(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
		for _, lang := range []locales.Lang{locales.EN, locales.KO, locales.JA} {
			m := rehearsalModel(t, lang, size[0], size[1])
			gotoStep(t, m, "07-bootstrapping-etcd/verify-members")
			press(m, "f")
			rows := strings.Split(screen(m), "\n")
			heading := locales.Msg(lang, "ui.hint")
			for i, r := range rows {
				if strings.TrimSpace(r) != heading && !strings.HasSuffix(strings.TrimSpace(r), heading) {
					continue
				}
				next := ""
				if i+1 < len(rows) {
					next = strings.TrimSpace(rows[i+1])
				}
				if next == "" || strings.Contains(next, locales.Msg(lang, "tui.failed_keys_x")[:8]) {
					t.Errorf("%dx%d %s: the hint's heading %q stands alone:\n%s", size[0], size[1], lang, heading, screen(m))
				}
			}
		}
	}
}

// A failure status cut to fit says so: the last row kept ends in "…", and
// x shows the rest (here the Korean reason is longer than 80x24 allows).
func TestCutStatusIsMarked(t *testing.T) {
	m := rehearsalModel(t, locales.KO, 80, 24)
	gotoStep(t, m, "07-bootstrapping-etcd/verify-members")
	press(m, "f")
	rows := strings.Split(screen(m), "\n")
	keys := []rune(locales.Msg(locales.KO, "tui.failed_keys_x"))[:6]
	for i, r := range rows {
		if i > 0 && strings.HasPrefix(strings.TrimSpace(r), string(keys)) {
			if above := strings.TrimSpace(rows[i-1]); !strings.HasSuffix(above, "…") {
				t.Fatalf("the row above the keys does not mark the cut: %q\n%s", above, screen(m))
			}
			return
		}
	}
	t.Fatalf("no keys row on the failure screen:\n%s", screen(m))
}
