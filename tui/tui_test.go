package tui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"hardway/content"
	"hardway/locales"
	"hardway/remote"
	"hardway/steps"
	"hardway/walk"
)

var update = flag.Bool("update", false, "rewrite the golden views")

func classic(t testing.TB) *steps.Track { return embeddedTrack(t, "classic") }

func embeddedTrack(t testing.TB, id string) *steps.Track {
	t.Helper()
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := steps.FindTrack(tracks, id)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func rehearsalModel(t testing.TB, lang locales.Lang, w, h int) *Model {
	return trackRehearsal(t, classic(t), lang, w, h)
}

// trackRehearsal is a model rehearsing tr, with progress of its own.
func trackRehearsal(t testing.TB, tr *steps.Track, lang locales.Lang, w, h int) *Model {
	t.Helper()
	prog, err := walk.OpenProgress(filepath.Join(t.TempDir(), "progress.json"), tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := walk.NewRehearsal(tr, tr.DefaultVars(), prog)
	m := New(Options{Track: tr, Engine: r, Progress: prog, Vars: tr.DefaultVars(), Lang: lang, Rehearsal: true, NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func press(m *Model, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab}
		case "down":
			msg = tea.KeyPressMsg{Code: tea.KeyDown}
		case "up":
			msg = tea.KeyPressMsg{Code: tea.KeyUp}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "pgup":
			msg = tea.KeyPressMsg{Code: tea.KeyPgUp}
		case "ctrl+d", "ctrl+u":
			msg = tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
		case "backspace":
			msg = tea.KeyPressMsg{Code: tea.KeyBackspace}
		default:
			r := []rune(k)[0]
			msg = tea.KeyPressMsg{Code: r, Text: k}
		}
		_, cmd := m.Update(msg)
		// Commands from keys run a step: run them to the end, as the
		// program would, and deliver their result.
		if cmd != nil {
			if done, ok := cmd().(stepDoneMsg); ok {
				m.Update(done)
			}
		}
	}
}

func screen(m *Model) string { return ansi.Strip(m.render()) }

func gotoStep(t testing.TB, m *Model, id string) {
	t.Helper()
	for i, s := range m.steps {
		if s.ID == id {
			m.move(i)
			return
		}
	}
	t.Fatalf("no step %s", id)
}

func TestNavigationAndAdvance(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 120, 40)
	if m.current().ID != m.steps[0].ID {
		t.Fatalf("a new walk starts at the first step, not %s", m.current().ID)
	}
	gotoStep(t, m, "07-bootstrapping-etcd/start-etcd")
	press(m, "n")
	if m.current().ID != "07-bootstrapping-etcd/start-etcd" {
		t.Fatal("advanced past a step that has not passed")
	}
	press(m, "enter")
	if !m.report.OK() {
		t.Fatalf("rehearsal of start-etcd: %+v", m.report)
	}
	if !strings.Contains(screen(m), "passed on every host") {
		t.Errorf("no pass message:\n%s", screen(m))
	}
	press(m, "n")
	if m.current().ID != "07-bootstrapping-etcd/verify-members" {
		t.Fatalf("n did not advance: %s", m.current().ID)
	}
	press(m, "up", "up")
	if m.current().ID != "07-bootstrapping-etcd/etcd-unit" {
		t.Errorf("up: %s", m.current().ID)
	}
}

func TestFailureShowsWhatWhereAndWhy(t *testing.T) {
	m := rehearsalModel(t, locales.KO, 120, 40)
	gotoStep(t, m, "07-bootstrapping-etcd/verify-members")
	press(m, "f") // rehearse a failure: the first failing sample
	s := screen(m)
	if m.report.OK() {
		t.Fatal("a failing sample passed")
	}
	for _, want := range []string{"통과하지 못했습니다", "controller-0", "controller-2", "검증에 실패하면:", "d 진단 정보"} {
		if !strings.Contains(s, want) {
			t.Errorf("the failure screen lacks %q:\n%s", want, s)
		}
	}
	if st := m.opt.Progress.Get("07-bootstrapping-etcd/verify-members", "controller-1").Status; st != walk.Failed {
		t.Errorf("recorded %q", st)
	}
	press(m, "n")
	if m.current().ID != "07-bootstrapping-etcd/verify-members" {
		t.Error("advanced past a failed step")
	}
	press(m, "d")
	if !strings.Contains(screen(m), "rehearsal: on a real host") {
		t.Errorf("diagnostics view:\n%s", screen(m))
	}
	// Retrying the check (v) passes with the recorded passing output.
	press(m, "v")
	if !m.report.OK() {
		t.Errorf("verify after the failure: %+v", m.report)
	}
	// A skip is recorded, not hidden.
	gotoStep(t, m, "07-bootstrapping-etcd/install-etcd")
	press(m, "s")
	if st := m.opt.Progress.Get("07-bootstrapping-etcd/install-etcd", "controller-0").Status; st != walk.Skipped {
		t.Errorf("skip recorded as %q", st)
	}
	if m.current().ID != "07-bootstrapping-etcd/copy-certificates" {
		t.Errorf("after skip: %s", m.current().ID)
	}
}

func TestLanguageSwitchKeepsEverything(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 120, 40)
	gotoStep(t, m, "08-bootstrapping-kubernetes-controllers/start-services")
	press(m, "enter", "tab")
	before := m.pane("controller-1").String()
	for _, want := range []struct {
		lang  locales.Lang
		probe *unicode.RangeTable
	}{{locales.KO, unicode.Hangul}, {locales.JA, unicode.Katakana}, {locales.EN, nil}} {
		press(m, "L")
		if m.lang != want.lang {
			t.Fatalf("language %s, want %s", m.lang, want.lang)
		}
		s := screen(m)
		if want.probe != nil && !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(want.probe, r) }) {
			t.Errorf("%s screen has no %s text", want.lang, want.lang.Name())
		}
		if m.current().ID != "08-bootstrapping-kubernetes-controllers/start-services" || m.focused() != "controller-1" || !m.report.OK() {
			t.Errorf("switching language lost the step, focus or verdict")
		}
		if m.pane("controller-1").String() != before {
			t.Error("switching language changed a pane")
		}
	}
}

// fakeProc records what is typed into it.
type fakeProc struct {
	mu  sync.Mutex
	got strings.Builder
}

func (f *fakeProc) Write(b []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.got.Write(b)
}
func (f *fakeProc) Resize(int, int) error { return nil }
func (f *fakeProc) Interrupt()            {}
func (f *fakeProc) Wait() remote.Result   { return remote.Result{} }
func (f *fakeProc) typed() string         { f.mu.Lock(); defer f.mu.Unlock(); return f.got.String() }

func TestSynchronizedInputToASubset(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 120, 40)
	gotoStep(t, m, "07-bootstrapping-etcd/start-etcd")
	procs := map[string]*fakeProc{}
	for _, h := range m.hosts() {
		procs[h] = &fakeProc{}
		m.procs.set(h, procs[h])
	}
	// Focused pane only.
	press(m, "i", "y", "enter", "esc")
	if procs["controller-0"].typed() != "y\r" || procs["controller-1"].typed() != "" {
		t.Fatalf("focused typing: %q %q", procs["controller-0"].typed(), procs["controller-1"].typed())
	}
	// Panes 1 and 3 only: controller-1 gets nothing.
	press(m, "1", "3", "i", "o", "k", "esc")
	if procs["controller-0"].typed() != "y\rok" || procs["controller-2"].typed() != "ok" || procs["controller-1"].typed() != "" {
		t.Errorf("subset: %q %q %q", procs["controller-0"].typed(), procs["controller-1"].typed(), procs["controller-2"].typed())
	}
	// The receiving panes are marked.
	s := screen(m)
	if strings.Count(s, "⇄") != 2 {
		t.Errorf("marked panes: %d\n%s", strings.Count(s, "⇄"), s)
	}
	// a toggles all, then none.
	press(m, "a")
	if len(m.syncSet) != 3 {
		t.Errorf("sync all: %v", m.syncSet)
	}
	press(m, "a")
	if len(m.syncSet) != 0 {
		t.Errorf("sync none: %v", m.syncSet)
	}
}

func TestZoomTopologyHelpAndQuit(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 120, 40)
	gotoStep(t, m, "07-bootstrapping-etcd/start-etcd")
	press(m, "tab", "z")
	s := screen(m)
	if !strings.Contains(s, "▶ controller-1") || strings.Contains(s, "controller-2 ") {
		t.Errorf("zoom:\n%s", s)
	}
	press(m, "z", "t")
	s = screen(m)
	for _, want := range []string{"workstation", "controllers", "workers", "[controller-0", "[worker-2"} {
		if !strings.Contains(s, want) {
			t.Errorf("topology lacks %q", want)
		}
	}
	press(m, "t", "?")
	if !strings.Contains(screen(m), "rehearse a failure") {
		t.Error("help screen")
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil {
		t.Fatal("q did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q did not quit")
	}
	// While a step runs, quitting asks first.
	m.phase = running
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd != nil || m.confirm != "quit" {
		t.Error("quit while running did not ask")
	}
	press(m, "x")
	if m.confirm != "" {
		t.Error("the question did not go away")
	}
}

// Rehearsal through chapters 07 and 08, step by step, as a newcomer would.
func TestRehearsalWalkThroughChapter08(t *testing.T) {
	m := rehearsalModel(t, locales.JA, 100, 30)
	gotoStep(t, m, "07-bootstrapping-etcd/login")
	for m.current().Chapter.Slug <= "08-bootstrapping-kubernetes-controllers" {
		id := m.current().ID
		press(m, "enter")
		if m.report == nil || !m.report.OK() {
			t.Fatalf("%s: %+v %s", id, m.report, m.err)
		}
		press(m, "n")
		if m.current().ID == id {
			break // the last step
		}
	}
	if m.current().Chapter.Slug != "09-bootstrapping-kubernetes-workers" && m.current().ID != "08-bootstrapping-kubernetes-controllers/verify-version" {
		t.Errorf("ended at %s", m.current().ID)
	}
	for _, s := range m.opt.Track.Chapter("08-bootstrapping-kubernetes-controllers").Steps {
		hosts, _ := m.opt.Engine.Select(s.Targets, nil)
		for _, h := range hosts {
			if st := m.opt.Progress.Get(s.ID, h.Name).Status; !st.OK() {
				t.Errorf("%s on %s: %q", s.ID, h.Name, st)
			}
		}
	}
}

func TestResumeWhereTheLearnerLeftOff(t *testing.T) {
	tr := classic(t)
	dir := t.TempDir()
	prog, _ := walk.OpenProgress(filepath.Join(dir, "progress.json"), tr.ID)
	for _, s := range tr.Steps() {
		if s.ID == "07-bootstrapping-etcd/internal-ip" {
			break
		}
		hosts, _ := tr.Resolve(s.Targets)
		for _, h := range hosts {
			prog.Set(s.ID, h.Name, walk.HostState{Status: walk.Done})
		}
	}
	r := walk.NewRehearsal(tr, tr.DefaultVars(), prog)
	m := New(Options{Track: tr, Engine: r, Progress: prog, Vars: tr.DefaultVars(), Lang: locales.EN, Rehearsal: true})
	if m.current().ID != "07-bootstrapping-etcd/internal-ip" {
		t.Errorf("resumed at %s", m.current().ID)
	}
}

func TestLayoutFitsEverySize(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}, {60, 16}} {
		m := rehearsalModel(t, locales.KO, size[0], size[1])
		gotoStep(t, m, "08-bootstrapping-kubernetes-controllers/api-server-unit")
		press(m, "enter")
		lines := strings.Split(screen(m), "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != size[0] {
				t.Errorf("%v: line %d is %d wide: %q", size, i, w, l)
				break
			}
		}
	}
}

// Golden views, ANSI stripped, at 120x40 and 80x24 in each language.
func TestGoldenViews(t *testing.T) {
	for _, lang := range locales.All {
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			name := filepath.Join("testdata", fmt.Sprintf("%s-%dx%d.golden", lang, size[0], size[1]))
			m := rehearsalModel(t, lang, size[0], size[1])
			gotoStep(t, m, "08-bootstrapping-kubernetes-controllers/verify-componentstatuses")
			press(m, "enter")
			got := screen(m)
			if *update {
				os.MkdirAll("testdata", 0o755)
				os.WriteFile(name, []byte(got), 0o644)
				continue
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (go test ./tui -update writes it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs (go test ./tui -update to accept):\n%s", name, got)
			}
		}
	}
}

// Every track, walked end to end in rehearsal: every step runs
// and passes with its recorded output, variants and checks with stages
// included (a stage follows the rehearsal's own progress).
func TestRehearsalWalksEveryTrack(t *testing.T) {
	for _, id := range []string{"classic", "current", "onprem", "binary", "kubeadm"} {
		t.Run(id, func(t *testing.T) {
			tr := embeddedTrack(t, id)
			m := trackRehearsal(t, tr, locales.KO, 100, 30)
			all := tr.Steps()
			gotoStep(t, m, all[0].ID)
			for range all {
				for m.bare != nil {
					press(m, "n") // a chapter with nothing to run: read, go on
				}
				id := m.current().ID
				press(m, "enter")
				if m.report == nil || !m.report.OK() {
					t.Fatalf("%s: %+v %v", id, m.report, m.err)
				}
				press(m, "n")
				if m.bare == nil && m.current().ID == id {
					break
				}
			}
			if last := all[len(all)-1].ID; m.current().ID != last {
				t.Errorf("ended at %s, want %s", m.current().ID, last)
			}
		})
	}
}

// A variant's step whose check has stages: the command box names the
// stages, and the stage judged follows the progress.
func TestGoldenStagedCheckInAVariant(t *testing.T) {
	m := trackRehearsal(t, embeddedTrack(t, "onprem"), locales.KO, 120, 40)
	prog := m.opt.Progress
	gotoStep(t, m, "08-bootstrapping-kubernetes-controllers/verify-haproxy")
	press(m, "enter")
	if m.checkStage != "before-apiservers" {
		t.Errorf("stage %q before the API servers start", m.checkStage)
	}
	got := screen(m)
	name := filepath.Join("testdata", "onprem-ko-120x40.golden")
	if *update {
		os.WriteFile(name, []byte(got), 0o644)
	} else if want, err := os.ReadFile(name); err != nil || got != string(want) {
		t.Errorf("%s differs (go test ./tui -update to accept):\n%s", name, got)
	}
	for _, h := range []string{"k8s-controller-1", "k8s-controller-2", "k8s-controller-3"} {
		prog.Set("08-bootstrapping-kubernetes-controllers/start-services", h, walk.HostState{Status: walk.Done})
	}
	press(m, "v")
	if m.checkStage != "apiservers-running" || m.report == nil || !m.report.OK() {
		t.Errorf("after start-services: stage %q, report %+v", m.checkStage, m.report)
	}
}
