package walk

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"hardway/remote"
	"hardway/steps"
)

func transcriptRecords(t *testing.T, path string) []Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20) // outputs are bounded, but not small
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("transcript line %q: %v", sc.Text(), err)
		}
		out = append(out, r)
	}
	return out
}

// A mark is saved, counts as done for the stages that wait on the step,
// keeps a pass that was verified, and is undone without touching anything
// that is not a mark.
func TestMarkByHand(t *testing.T) {
	tr := stagedTrack(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "progress.json")
	p, err := OpenProgress(path, "lab")
	if err != nil {
		t.Fatal(err)
	}
	tx := OpenTranscript(filepath.Join(dir, "transcript.jsonl"), &Redactor{})
	const step = "01-lb/start-apiservers"
	p.Set(step, "c-2", HostState{Status: Passed})
	marked, kept, err := MarkByHand(p, tx, step, []string{"c-1", "c-2"}, "started by hand with systemctl")
	if err != nil {
		t.Fatal(err)
	}
	if len(marked) != 1 || marked[0] != "c-1" || len(kept) != 1 || kept[0] != "c-2" {
		t.Fatalf("marked %v, kept %v", marked, kept)
	}

	// From disk, as the next run of hardway sees it.
	p, err = OpenProgress(path, "lab")
	if err != nil {
		t.Fatal(err)
	}
	if st := p.Get(step, "c-1"); st.Status != Marked || st.Note != "started by hand with systemctl" || !st.Status.OK() {
		t.Errorf("c-1: %+v, want a mark that counts as done", st)
	}
	if st := p.Get(step, "c-2"); st.Status != Passed {
		t.Errorf("c-2: %+v, want the verified pass kept", st)
	}
	if !StepDone(tr, p, step, "client") {
		t.Error("marked on c-1, passed on c-2: the step is done as the client sees it")
	}
	if got := CheckNow(tr, p, tr.Step("01-lb/haproxy"), "client").Stage; got != "apiservers-running" {
		t.Errorf("stage %s: a mark moves the stages on", got)
	}

	removed, err := UnmarkByHand(p, tx, step, []string{"c-1", "c-2"})
	if err != nil || len(removed) != 1 || removed[0] != "c-1" {
		t.Fatalf("undo removed %v, %v", removed, err)
	}
	p, _ = OpenProgress(path, "lab")
	if st := p.Get(step, "c-1"); st.Status != NotRun {
		t.Errorf("c-1 after undo: %+v", st)
	}
	if st := p.Get(step, "c-2"); st.Status != Passed {
		t.Errorf("undo touched a pass: %+v", st)
	}

	recs := transcriptRecords(t, tx.Path())
	if len(recs) != 2 || recs[0].Kind != "mark" || recs[0].Host != "c-1" || recs[0].Step != step ||
		recs[0].Output != "started by hand with systemctl" || recs[1].Kind != "unmark" {
		t.Errorf("transcript: %+v", recs)
	}
}

// A check that passes later turns a mark into a pass.
func TestVerifyTurnsAMarkIntoAPass(t *testing.T) {
	fs := fstest.MapFS{
		"track.yaml": {Data: []byte("id: lab\nversion: v1\nhosts:\n  - name: workstation\n    roles: [workstation]\n    local: true\nchapters: [01-c]\n")},
		"01-c.yaml": {Data: []byte("steps:\n  - id: tools\n    on: [workstation]\n    run: echo install\n    check:\n      kind: output\n" +
			"      run: echo ok\n      timeout: 0s\n      params: {equals: ok}\n      pass: [{output: ok}]\n      fail: [{output: no}]\n")},
	}
	tr, err := steps.LoadTrack(fs, "lab")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p, err := OpenProgress(filepath.Join(dir, "progress.json"), "lab")
	if err != nil {
		t.Fatal(err)
	}
	red := &Redactor{}
	tx := OpenTranscript(filepath.Join(dir, "transcript.jsonl"), red)
	e := &Engine{Track: tr, Vars: tr.DefaultVars(), Targets: map[string]remote.Target{"workstation": {Name: "workstation", Local: true}},
		Local: &remote.Local{Name: "workstation", Dir: dir}, Progress: p, Transcript: tx, Redactor: red}
	s := tr.Step("01-c/tools")
	if _, _, err := MarkByHand(p, tx, s.ID, []string{"workstation"}, ""); err != nil {
		t.Fatal(err)
	}
	rep, err := e.Verify(context.Background(), s, nil)
	if err != nil || !rep.OK() {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	if st := p.Get(s.ID, "workstation").Status; st != Passed {
		t.Errorf("after a passing verify: %s, want passed", st)
	}
}
