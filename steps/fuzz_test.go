package steps_test

import (
	"testing"
	"testing/fstest"

	"hardway/steps"
)

// The loaders take hand-written files: whatever they hold, loading returns a
// track and/or errors, never a panic.

func mapFS(chapter, prose string) fstest.MapFS {
	fs := fstest.MapFS{}
	for name, body := range goodTrack {
		fs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	fs["01-one.yaml"] = &fstest.MapFile{Data: []byte(chapter)}
	fs["prose/en/01-one.md"] = &fstest.MapFile{Data: []byte(prose)}
	return fs
}

func FuzzLoadChapter(f *testing.F) {
	f.Add(goodTrack["01-one.yaml"])
	f.Add("steps:\n  - id: a\n    on: [c-0]\n    run: [x, y]\n")
	f.Add("steps:\n  - id: a\n    on: [c-0]\n    check:\n      kind: etcd-members\n      run: x\n      params: {members: [{name: a}]}\n      pass: [{output: x}]\n")
	f.Add("steps: {}\n")
	f.Add("- - - :\n")
	f.Add("steps:\n  - &a {id: x}\n  - *a\n")
	f.Add(distinctTrack["01-one.yaml"])
	f.Add("steps:\n  - id: a\n    on: [c-0]\n    check: {kind: output, run: x, params: {exit: 0}, distinct: '(a)(b'}\n")
	f.Add("steps:\n  - id: a\n    on: [c-0]\n    check:\n      distinct:\n")
	f.Fuzz(func(t *testing.T, chapter string) {
		tr, err := steps.LoadTrack(mapFS(chapter, goodTrack["prose/en/01-one.md"]), "fuzz")
		if tr == nil && err == nil {
			t.Fatal("no track and no error")
		}
		if tr != nil {
			for _, s := range tr.Steps() {
				if s.Check != nil {
					// Building the check must not panic either.
					_, _ = s.Check.Build(tr.DefaultVars())
					if d, err := s.Check.Comparison(); (d != nil || err != nil) && s.Check.DistinctLine == 0 {
						t.Fatalf("distinct: without its line")
					}
				}
			}
		}
	})
}

func FuzzLoadProse(f *testing.F) {
	f.Add(goodTrack["prose/en/01-one.md"])
	f.Add("# T\n```\n## hello: in code\n```\n## hello: real\nbody\n### hint\nh\n")
	f.Add("## hello\n### hint\n")
	f.Add("### hint\n# a\n# b\n")
	f.Fuzz(func(t *testing.T, prose string) {
		tr, err := steps.LoadTrack(mapFS(goodTrack["01-one.yaml"], prose), "fuzz")
		if tr == nil {
			t.Fatalf("the track.yaml is fine, yet no track: %v", err)
		}
		for _, e := range steps.Lint(tr) {
			if e.File == "" {
				t.Fatalf("a problem without a file: %v", e)
			}
		}
	})
}

// A variant's chapter file edits its base's chapter: whatever it holds,
// resolving returns errors, never a panic, and the base is left as it was.
func FuzzLoadVariantChapter(f *testing.F) {
	f.Add("replace:\n  - id: hello\n    on: [c-0]\n    run: echo hi\n")
	f.Add("insert:\n  - after: hello\n    steps:\n      - id: two\n        on: [c-0]\n        run: x\n")
	f.Add("insert:\n  - before: nope\n    steps: [{id: hello}]\ndrop: [hello, hello]\n")
	f.Add("steps: []\nreplace: []\n")
	f.Add("drop: [hello]\ninsert:\n  - after: hello\n    steps: []\n")
	f.Add("steps:\n  - id: a\n    on: [c-0]\n    check:\n      kind: output\n      run: x\n      stages:\n        - {name: a, until: hello, params: {exit: 0}}\n        - {name: b, params: {exit: 1}}\n")
	f.Fuzz(func(t *testing.T, chapter string) {
		fsys := fstest.MapFS{
			"base/track.yaml":            &fstest.MapFile{Data: []byte(goodTrack["track.yaml"])},
			"base/01-one.yaml":           &fstest.MapFile{Data: []byte(goodTrack["01-one.yaml"])},
			"base/prose/en/01-one.md":    &fstest.MapFile{Data: []byte(goodTrack["prose/en/01-one.md"])},
			"variant/track.yaml":         &fstest.MapFile{Data: []byte("id: variant\nbase: mini\n")},
			"variant/01-one.yaml":        &fstest.MapFile{Data: []byte(chapter)},
			"variant/prose/en/01-one.md": &fstest.MapFile{Data: []byte("# One\n")},
		}
		tracks, _ := steps.LoadAll(fsys, "fuzz")
		for _, tr := range tracks {
			if tr.ID == "mini" && len(tr.Steps()) > 0 && tr.Steps()[0].Chapter.Track != tr {
				t.Fatal("the variant changed its base")
			}
			for _, s := range tr.Steps() {
				if s.Check != nil {
					for i := range s.Check.Stages {
						_, _ = s.Check.InStage(i).Build(tr.DefaultVars())
					}
				}
			}
			_ = steps.Lint(tr)
		}
	})
}
