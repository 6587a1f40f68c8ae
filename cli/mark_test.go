package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMarkAStepDoneByHand(t *testing.T) {
	_, args, state := failingLab(t, 226)
	progress := func() map[string]map[string]struct{ Status, Note string } {
		t.Helper()
		var prog struct {
			Steps map[string]map[string]struct{ Status, Note string }
		}
		data, err := os.ReadFile(filepath.Join(state, "progress.json"))
		if err != nil {
			return nil
		}
		if err := json.Unmarshal(data, &prog); err != nil {
			t.Fatal(err)
		}
		return prog.Steps
	}

	// A host the step does not run on is refused, and the step's hosts named.
	r := run(t, "", nil, args("mark", "01/tools", "--host", "node-9")...)
	if r.code != 2 || !strings.Contains(r.stderr, "node-9 is not a host of 01-c/tools (its hosts: node-0, node-1)") {
		t.Errorf("unknown host: %+v", r)
	}
	if progress() != nil {
		t.Errorf("a refused mark wrote progress: %v", progress())
	}

	r = run(t, "", nil, args("mark", "01/tools", "--host", "node-0", "--note", "installed from the distribution")...)
	if r.code != 0 || !strings.Contains(r.stdout, "01-c/tools: recorded as done by hand on node-0") {
		t.Fatalf("mark: %+v", r)
	}
	if st := progress()["01-c/tools"]["node-0"]; st.Status != "marked" || st.Note != "installed from the distribution" {
		t.Errorf("progress: %+v", st)
	}
	// Shown apart from passed: in status, in steps, in steps --json.
	r = run(t, "", nil, args("status")...)
	if !strings.Contains(r.stdout, "node-0 ✎ done by hand  node-1 · not run") {
		t.Errorf("status:\n%s", r.stdout)
	}
	r = run(t, "", nil, args("steps")...)
	if !strings.Contains(r.stdout, "✎ done by hand: node-0  · not run: node-1") {
		t.Errorf("steps:\n%s", r.stdout)
	}
	r = run(t, "", nil, args("steps", "--json")...)
	var doc stepsJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Chapters[0].Steps[3].Progress; got["node-0"] != "marked" || len(got) != 1 {
		t.Errorf("steps --json progress of %s: %v", doc.Chapters[0].Steps[3].ID, got)
	}
	// The transcript keeps the mark.
	data, _ := os.ReadFile(filepath.Join(state, "transcript.jsonl"))
	if !strings.Contains(string(data), `"step":"01-c/tools","host":"node-0","kind":"mark"`) ||
		!strings.Contains(string(data), "installed from the distribution") {
		t.Errorf("transcript:\n%s", data)
	}

	// --undo removes it where there is one.
	r = run(t, "", nil, args("mark", "01/tools", "--undo")...)
	if r.code != 0 || !strings.Contains(r.stdout, "01-c/tools: the mark is removed on node-0") ||
		!strings.Contains(r.stdout, "01-c/tools: not marked on node-1, nothing to undo") {
		t.Errorf("undo: %+v", r)
	}
	if st, ok := progress()["01-c/tools"]["node-0"]; ok {
		t.Errorf("after undo: %+v", st)
	}

	// Marked on every host, in Korean; a verify that passes makes it passed.
	r = run(t, "", nil, args("mark", "01/tools", "--lang", "ko")...)
	if r.code != 0 || !strings.Contains(r.stdout, "01-c/tools: node-0, node-1에서 직접 완료한 것으로 기록했습니다") {
		t.Errorf("mark in Korean: %+v", r)
	}
	if r := run(t, "", nil, args("verify", "01/tools")...); r.code != 0 {
		t.Fatalf("verify: %+v", r)
	}
	for _, h := range []string{"node-0", "node-1"} {
		if st := progress()["01-c/tools"][h]; st.Status != "passed" {
			t.Errorf("%s after a passing verify: %+v", h, st)
		}
	}
	// A pass is not turned into a mark.
	r = run(t, "", nil, args("mark", "01/tools")...)
	if r.code != 0 || !strings.Contains(r.stdout, "01-c/tools: already passed on node-0, node-1, left as it is") {
		t.Errorf("mark over a pass: %+v", r)
	}
	if st := progress()["01-c/tools"]["node-0"]; st.Status != "passed" {
		t.Errorf("a mark replaced a pass: %+v", st)
	}
}
