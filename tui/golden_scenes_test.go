package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"

	"hardway/locales"
	"hardway/steps"
	"hardway/walk"
)

// sixHostTrack: six hosts, one step whose check fails alike everywhere
// (same) and one whose failure names each host (own).
func sixHostTrack(t testing.TB) *steps.Track {
	t.Helper()
	var layout strings.Builder
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&layout, "  - name: node-%d\n    address: 10.0.0.%d\n    roles: [nodes]\n", i, i+1)
	}
	check := func(fail string) string {
		return "    check:\n      kind: output\n      run: systemctl is-active kubelet\n      timeout: 0s\n      params: {equals: active}\n" +
			"      pass: [{output: active}]\n      fail: [{output: \"" + fail + "\"}]\n"
	}
	fs := fstest.MapFS{
		"track.yaml": {Data: []byte("id: six\nversion: v1\nhosts:\n" + layout.String() + "chapters: [01-nodes]\n")},
		"01-nodes.yaml": {Data: []byte("steps:\n  - id: same\n    on: [nodes]\n    run: sudo systemctl start kubelet\n" + check("failed") +
			"  - id: own\n    on: [nodes]\n    run: sudo systemctl restart kubelet\n" + check("activating on {{host}}"))},
		"prose/en/01-nodes.md": {Data: []byte("# Nodes\n\n## same: Start the kubelet\n\nStart it on every node.\n\n## own: Restart the kubelet\n\nRestart it on every node.\n")},
	}
	tr, err := steps.LoadTrack(fs, "six")
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// scene puts a model where a golden view shows it.
type scene struct {
	name  string
	track func(testing.TB) *steps.Track
	do    func(t *testing.T, m *Model, w, h int)
}

var scenes = []scene{
	{"explanation-scrolled", classic, func(t *testing.T, m *Model, w, h int) {
		gotoStep(t, m, "07-bootstrapping-etcd/etcd-unit")
		press(m, "ctrl+d", "ctrl+d")
	}},
	{"failure-evidence", classic, func(t *testing.T, m *Model, w, h int) {
		gotoStep(t, m, "07-bootstrapping-etcd/etcd-name")
		press(m, "f", "x")
	}},
	{"six-identical", sixHostTrack, func(t *testing.T, m *Model, w, h int) {
		press(m, "f", "x")
	}},
	{"six-differing", sixHostTrack, func(t *testing.T, m *Model, w, h int) {
		press(m, "down", "f", "x")
	}},
	{"zoom-after-resize", classic, func(t *testing.T, m *Model, w, h int) {
		m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		gotoStep(t, m, "07-bootstrapping-etcd/etcd-unit")
		press(m, "enter")
		m.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
		_ = m.render()
		m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		press(m, "tab", "z")
	}},
}

// Golden views of the screens the issue names, at four sizes in three
// languages (go test ./tui -update rewrites them).
func TestGoldenScenes(t *testing.T) {
	for _, sc := range scenes {
		for _, lang := range locales.All {
			for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}, {200, 60}} {
				w, h := size[0], size[1]
				m := trackRehearsal(t, sc.track(t), lang, w, h)
				sc.do(t, m, w, h)
				got := screen(m)
				name := filepath.Join("testdata", "scenes", fmt.Sprintf("%s-%s-%dx%d.golden", sc.name, lang, w, h))
				if *update {
					os.MkdirAll(filepath.Dir(name), 0o755)
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
}

// Six hosts failing alike read as one group; failing each its own way,
// as six, each with its output beside the expected one, differences marked.
func TestEvidenceGroupsHosts(t *testing.T) {
	m := trackRehearsal(t, sixHostTrack(t), locales.EN, 120, 40)
	press(m, "f")
	if gs := m.groups(); len(gs) != 1 || len(gs[0].hosts) != 6 {
		t.Fatalf("identical outputs: %d groups", len(gs))
	}
	if fl := m.failureLines(); len(fl) != 1 || strings.Count(fl[0], "node-") != 6 {
		t.Errorf("one reason for six hosts is not one line: %q", fl)
	}
	press(m, "x")
	s := screen(m)
	for _, want := range []string{"node-0, node-1, node-2, node-3, node-4, node-5 · same output", "node-5 0", "$ systemctl is-active kubelet", "expected", "✗ failed", "✗ active"} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q:\n%s", want, s)
		}
	}
	press(m, "x", "down", "f")
	gs := m.groups()
	if len(gs) != 6 {
		t.Fatalf("differing outputs: %d groups", len(gs))
	}
	if !strings.Contains(gs[3].output, "activating on node-3") {
		t.Errorf("node-3's output: %q", gs[3].output)
	}
}

// A pane keeps its text: written at 200 columns, shown at 60, zoomed at
// 80, every line is there whole and in order, none mixed with another.
func TestPaneKeepsItsTextThroughResizeAndZoom(t *testing.T) {
	m := rehearsalModel(t, locales.EN, 200, 60)
	gotoStep(t, m, "07-bootstrapping-etcd/etcd-name")
	press(m, "enter")
	p := m.pane("controller-1")
	long := "--initial-advertise-peer-urls https://10.240.0.11:2380 " + strings.Repeat("x", 100) + " end"
	for i := 0; i < 80; i++ {
		fmt.Fprintf(p, "line %02d %s\r\n", i, long)
	}
	_ = m.render()
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 16})
	_ = m.render()
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(m, "tab", "z")
	_ = m.render()
	// Rows are the terminal's own wrapping or the box's (marked ↪): joined
	// again, without the blanks a wrap may fall on, every line is there.
	hist := paneHistory(p)
	squeeze := strings.NewReplacer("\n↪ ", "", "\n", "", " ", "")
	joined := squeeze.Replace(hist)
	for i := 0; i < 80; i++ {
		if !strings.Contains(joined, squeeze.Replace(fmt.Sprintf("line %02d %s", i, long))) {
			t.Fatalf("line %02d is not whole:\n%s", i, hist)
		}
	}
	if !strings.Contains(screen(m), "line 79") || !strings.Contains(screen(m), "↪") {
		t.Errorf("zoom does not show the last line, wrapped:\n%s", screen(m))
	}
	// Page back to the first line.
	for i := 0; i < 200 && !strings.Contains(screen(m), "line 00"); i++ {
		press(m, "pgup")
	}
	if !strings.Contains(screen(m), "line 00") {
		t.Errorf("pgup never reaches the first line")
	}
}

// In a rehearsal of 07/etcd-name each pane shows its own host's name.
func TestEachPaneShowsItsOwnHost(t *testing.T) {
	m := rehearsalModel(t, locales.KO, 80, 24)
	gotoStep(t, m, "07-bootstrapping-etcd/etcd-name")
	press(m, "enter")
	for _, h := range m.hosts() {
		if got := paneHistory(m.pane(h)); !strings.Contains(got, h) {
			t.Errorf("%s's pane:\n%s", h, got)
		}
	}
	_ = walk.Passed
}
