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
