package steps_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"hardway/content"
	"hardway/steps"
)

// The fidelity test: with the tutorial's default values, the command blocks
// of a chapter, in order, are the tutorial's blocks byte for byte. The
// expected blocks live in testdata/fidelity/<track>/<chapter>.txt, copied
// from the tutorial (commands only), each after a "#### block" line.

func readBlocks(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	cur := -1
	for _, line := range strings.SplitAfter(string(data), "\n") {
		switch {
		case strings.TrimRight(line, "\n") == "#### block":
			blocks = append(blocks, "")
			cur = len(blocks) - 1
		case cur < 0: // header comments
		default:
			blocks[cur] += line
		}
	}
	return blocks
}

// trackBlocks are the chapter's tutorial blocks as hardway shows them: every
// run block, and the check commands marked tutorial: true.
func trackBlocks(t *testing.T, ch *steps.Chapter) []string {
	t.Helper()
	vars := ch.Track.DefaultVars()
	var out []string
	for _, s := range ch.Steps {
		if s.Extra {
			continue // hardway's own step, not the tutorial's
		}
		hosts, err := s.TargetHosts()
		if err != nil {
			t.Fatal(err)
		}
		hv := vars.ForHost(hosts[0])
		for _, c := range s.Commands {
			r, err := steps.Render(c, hv)
			if err != nil {
				t.Fatalf("%s: %v", s.ID, err)
			}
			out = append(out, r)
		}
		if s.Check != nil && s.Check.Tutorial {
			r, err := steps.Render(s.Check.Run, hv)
			if err != nil {
				t.Fatalf("%s: %v", s.ID, err)
			}
			out = append(out, r)
		}
	}
	return out
}

func TestFidelity(t *testing.T) {
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/fidelity/*/*.txt")
	if len(files) == 0 {
		t.Fatal("no fidelity data")
	}
	for _, f := range files {
		trackID := filepath.Base(filepath.Dir(f))
		slug := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(trackID+"/"+slug, func(t *testing.T) {
			tr, err := steps.FindTrack(tracks, trackID)
			if err != nil {
				t.Fatal(err)
			}
			ch := tr.Chapter(slug)
			if ch == nil {
				t.Fatalf("track %s has no chapter %s", trackID, slug)
			}
			want := readBlocks(t, f)
			got := trackBlocks(t, ch)
			for i := 0; i < max(len(want), len(got)); i++ {
				switch {
				case i >= len(got):
					t.Errorf("tutorial block %d is missing from the track:\n%s", i+1, want[i])
				case i >= len(want):
					t.Errorf("track block %d is not in the tutorial:\n%s", i+1, got[i])
				case got[i] != want[i]:
					t.Errorf("block %d differs from the tutorial:\n%s", i+1, firstDifference(want[i], got[i]))
				}
			}
		})
	}
}

// firstDifference shows the first line where two blocks differ.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + "\n  tutorial: " + quote(w) + "\n  track:    " + quote(g)
		}
	}
	return "(same lines, different line ends)"
}

func quote(s string) string { return "«" + s + "»" }

// Every chapter that has steps, in every track (variants included), has its
// fidelity data: no tutorial block goes unchecked.
func TestFidelityCoversEveryChapter(t *testing.T) {
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range tracks {
		for _, ch := range tr.Chapters {
			if len(ch.Steps) == 0 {
				continue
			}
			f := filepath.Join("testdata", "fidelity", tr.ID, ch.Slug+".txt")
			if _, err := os.Stat(f); err != nil {
				t.Errorf("%s/%s has %d steps but no %s", tr.ID, ch.Slug, len(ch.Steps), f)
			}
		}
	}
}
