package steps_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hardway/steps"
)

func lintDir(t *testing.T, dir string) []string {
	t.Helper()
	tracks, err := steps.LoadAll(os.DirFS(dir), dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tr := range tracks {
		for _, e := range steps.Lint(tr) {
			out = append(out, e.Error())
		}
	}
	return out
}

// Editing one English step section makes lint report its Korean and
// Japanese sections stale, at their file:line, until they are marked
// reviewed; re-wrapping the English changes nothing.
func TestEditedEnglishMakesTranslationsStale(t *testing.T) {
	dir := writeTrack(t, goodTrack)
	// A track without marks is not failed for it (an instructor's older
	// track), but lint --stale would list its sections.
	if got := lintDir(t, dir); len(got) != 0 {
		t.Fatalf("unmarked track: %v", got)
	}
	tracks, _ := steps.LoadAll(os.DirFS(dir), dir)
	if n, err := steps.MarkReviewed(tracks[0]); err != nil || n != 2 {
		t.Fatalf("MarkReviewed: %d, %v", n, err)
	}
	if got := lintDir(t, dir); len(got) != 0 {
		t.Fatalf("after marking: %v", got)
	}
	ko, _ := os.ReadFile(filepath.Join(dir, "prose/ko/01-one.md"))
	if !strings.Contains(string(ko), "## hello: 인사\n<!-- en: ") {
		t.Fatalf("no mark under the heading:\n%s", ko)
	}

	en := filepath.Join(dir, "prose/en/01-one.md")
	write := func(body string) {
		if err := os.WriteFile(en, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# One\n\n## hello: Say  hello\n\nWhy.\n\n\n### hint\n\n  Look.\n")
	if got := lintDir(t, dir); len(got) != 0 {
		t.Fatalf("white space is not a change: %v", got)
	}
	write("# One\n\n## hello: Say hello\n\nWhy, and what it prints.\n\n### hint\n\nLook here.\n")
	got := strings.Join(lintDir(t, dir), "\n")
	for _, want := range []string{
		dir + "/prose/ko/01-one.md:3: step hello: the 한국어 section is stale: it was written from English revision ",
		dir + "/prose/ja/01-one.md:3: step hello: the 日本語 section is stale",
		"the English (" + dir + "/prose/en/01-one.md:3) is now ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lint does not say %q:\n%s", want, got)
		}
	}

	tracks, _ = steps.LoadAll(os.DirFS(dir), dir)
	if n, err := steps.MarkReviewed(tracks[0]); err != nil || n != 2 {
		t.Fatalf("MarkReviewed after review: %d, %v", n, err)
	}
	if got := lintDir(t, dir); len(got) != 0 {
		t.Fatalf("after review: %v", got)
	}
	// The mark was replaced, not added again, and the text is as it was.
	ko, _ = os.ReadFile(filepath.Join(dir, "prose/ko/01-one.md"))
	if strings.Count(string(ko), "<!-- en:") != 1 || !strings.Contains(string(ko), "이유.\n\n### hint\n\n보세요.") {
		t.Errorf("after two reviews:\n%s", ko)
	}
	// A section added later without a mark is reported once the track
	// records marks.
	tracks, _ = steps.LoadAll(os.DirFS(dir), dir)
	if len(steps.StaleSections(tracks[0])) != 0 {
		t.Error("StaleSections after review")
	}
	if err := os.WriteFile(filepath.Join(dir, "prose/ja/01-one.md"), []byte("# 一\n\n## hello: 挨拶する\n\n理由。\n\n### hint\n\n見てください。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lintDir(t, dir), "\n"); !strings.Contains(got, "/prose/ja/01-one.md:3: step hello: the 日本語 section does not record the English revision") {
		t.Errorf("an unmarked section in a marked track:\n%s", got)
	}
}

// The embedded tracks: adding a sentence to three English sections of
// classic makes their ko and ja sections stale, and only those (onprem,
// which inherits them, leaves them to classic).
func TestEmbeddedTranslationsGoStale(t *testing.T) {
	root := t.TempDir()
	if err := os.CopyFS(root, os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, "classic/prose/en/07-bootstrapping-etcd.md")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "\n### hint\n", "\nA sentence added to the English.\n\n### hint\n", 3)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	tracks, err := steps.LoadAll(os.DirFS(root), root)
	if err != nil {
		t.Fatal(err)
	}
	var stale []string
	for _, tr := range tracks {
		for _, s := range steps.StaleSections(tr) {
			stale = append(stale, tr.ID+" "+s.Step.ID+" "+string(s.Lang))
		}
	}
	if len(stale) != 6 || !strings.Contains(strings.Join(stale, ","), "classic 07-bootstrapping-etcd/download-etcd ko") {
		t.Errorf("stale sections: %v", stale)
	}
}
