package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Fast-forward in a rehearsal: --through runs from the first step not yet
// passed to the end of the chapter, and nothing when all of it passed;
// reset forgets a chapter, which then runs again, alone.
func TestFastForwardRehearsal(t *testing.T) {
	state := t.TempDir()
	hw := func(args ...string) result {
		return run(t, "", nil, append([]string{"--state", state, "--rehearsal"}, args...)...)
	}
	r := hw("run", "--through", "02-client-tools")
	if r.code != 0 || !strings.Contains(r.stdout, "Will run") || !strings.Contains(r.stdout, "01-prerequisites/verify-sdk") ||
		!strings.Contains(r.stdout, "02-client-tools/verify-kubectl") || strings.Contains(r.stdout, "03-compute-resources/") {
		t.Fatalf("--through 02: %+v", r)
	}
	if r := hw("run", "--through", "02"); r.code != 0 || !strings.Contains(r.stdout, "Nothing to run") {
		t.Errorf("again: %+v", r)
	}
	r = hw("status", "02", "--json")
	var st statusJSON
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil || len(st.Chapters) != 1 {
		t.Fatalf("status 02 --json: %v %+v", err, r)
	}
	for _, s := range st.Chapters[0].Steps {
		if !s.Passed {
			t.Errorf("%s not passed after the fast-forward: %+v", s.ID, s)
		}
	}
	if r := hw("reset", "02"); r.code != ExitUsage || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("reset without a terminal or --yes must not forget: %+v", r)
	}
	if r := hw("reset", "02", "--yes"); r.code != 0 || !strings.Contains(r.stdout, "the hosts were not touched") {
		t.Fatalf("reset 02: %+v", r)
	}
	r = hw("run", "--through", "02")
	if r.code != 0 || strings.Contains(r.stdout, "01-prerequisites/") || !strings.Contains(r.stdout, "02-client-tools/verify-kubectl") {
		t.Errorf("after reset 02, only 02 runs: %+v", r)
	}
	// A range, and several arguments, in the order given.
	r = hw("run", "01/region..01/zone", "02/verify-kubectl")
	if r.code != 0 || strings.Contains(r.stdout, "01-prerequisites/auth-login") ||
		strings.Index(r.stdout, "01-prerequisites/zone") > strings.Index(r.stdout, "02-client-tools/verify-kubectl") {
		t.Errorf("range and step: %+v", r)
	}
	if r := hw("run", "02..01"); r.code != ExitUsage {
		t.Errorf("a range backwards: %+v", r)
	}
	if r := hw("reset", "--all", "--yes"); r.code != 0 {
		t.Errorf("reset --all: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(state, "progress.json")); !os.IsNotExist(err) {
		t.Errorf("reset --all left the progress: %v", err)
	}
}

// A step the learner runs themselves stops the fast-forward with "your
// turn" (exit 4); the steps after it do not run. Once it is done, the next
// fast-forward starts there.
func TestFastForwardStopsAtYourTurn(t *testing.T) {
	root := t.TempDir()
	marker := filepath.Join(root, "did-it")
	files := map[string]string{
		"track.yaml": "id: ff\nversion: v1\nhosts:\n  - name: ws\n    roles: [workstation]\n    local: true\nchapters: [01-one, 02-two]\n",
		"01-one.yaml": `steps:
  - id: first
    on: [ws]
    run: |
      echo first
  - id: by-hand
    on: [ws]
    manual: true
    yourself: true
    run: |
      touch did-it
    check:
      kind: output
      run: test -f ` + marker + ` && echo yes
      timeout: 0s
      params: {equals: "yes"}
      pass: [{output: "yes\n"}]
      fail: [{output: "", exit: 1}]
  - id: after
    on: [ws]
    run: |
      echo after
`,
		"02-two.yaml": "steps:\n  - id: last\n    on: [ws]\n    run: |\n      echo last\n",
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["prose/"+lang+"/track.md"] = "# FF\n"
		files["prose/"+lang+"/01-one.md"] = "# One\n\n## first: first\n\nWhy.\n\n## by-hand: by hand\n\nWhy.\n\n### hint\n\nTouch it.\n\n## after: after\n\nWhy.\n"
		files["prose/"+lang+"/02-two.md"] = "# Two\n\n## last: last\n\nWhy.\n"
	}
	content := filepath.Join(root, "content")
	for name, body := range files {
		p := filepath.Join(content, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	inv := filepath.Join(root, "hardway.yaml")
	os.WriteFile(inv, []byte("track: ff\n"), 0o644)
	hw := func(args ...string) result {
		return run(t, "", nil, append([]string{"--content", content, "--inventory", inv, "--state", filepath.Join(root, "state")}, args...)...)
	}
	r := hw("run", "--through", "02", "--yes")
	if r.code != ExitYourTurn || !strings.Contains(r.stdout, "your turn") || !strings.Contains(r.stdout, "yours to run") {
		t.Fatalf("--through 02 must stop at by-hand: %+v", r)
	}
	if strings.Contains(r.stdout, "| after") || strings.Contains(r.stdout, "| last") {
		t.Errorf("a step after the learner's ran:\n%s", r.stdout)
	}
	os.WriteFile(marker, nil, 0o644)
	r = hw("run", "--through", "02", "--yes")
	if r.code != 0 || strings.Contains(r.stdout, "01-one/first") || !strings.Contains(r.stdout, "02-two/last") {
		t.Errorf("once done, the walk goes on from by-hand: %+v", r)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := run(t, "", nil, args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "hardway ") || !strings.Contains(r.stdout, "go1.") {
			t.Errorf("%v: %+v", args, r)
		}
	}
}
