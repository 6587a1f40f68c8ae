package walk

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"hardway/check"
	"hardway/content"
	"hardway/internal/sshlab"
	"hardway/locales"
	"hardway/steps"
)

// Each host prints an id: controller-0 and controller-1 the same (clones),
// controller-2 its own; then every host its own; then controller-0 none.
const distinctChapter = `steps:
  - id: clones
    on: [controllers]
    run: "true"
    check:
      kind: output
      run: if [ "$HARDWAY_LAB_HOST" = controller-2 ]; then echo id-own; else echo id-clone; fi
      timeout: 0s
      params: {exit: 0}
      distinct: '^(?P<id>id-\S+)$'
      pass: [{output: "id-{{host}}"}]
      fail: [{output: id-clone}]
    diagnostics:
      - echo "firmware of $HARDWAY_LAB_HOST"
  - id: own
    on: [controllers]
    run: "true"
    check:
      kind: output
      run: echo "id-$HARDWAY_LAB_HOST"
      timeout: 0s
      params: {exit: 0}
      distinct: '^(?P<id>id-\S+)$'
      pass: [{output: "id-{{host}}"}]
      fail: [{output: id-clone}]
  - id: none
    on: [controllers]
    run: "true"
    check:
      kind: output
      run: if [ "$HARDWAY_LAB_HOST" = controller-0 ]; then echo no id here; else echo "id-$HARDWAY_LAB_HOST"; fi
      timeout: 0s
      params: {exit: 0}
      distinct: '^(?P<id>id-\S+)$'
      pass: [{output: "id-{{host}}"}]
      fail: [{output: id-clone}]
`

func TestDistinctFailsHostsThatShareAValue(t *testing.T) {
	l := sshlab.Start(t, 230, []string{"controller-0", "controller-1", "controller-2"})
	tr := labTrack(t, l, distinctChapter)
	state := t.TempDir()
	e, rec := newEngine(t, l, tr, state)
	rep, err := e.Run(context.Background(), tr.Step("01-test/clones"), nil)
	if err != nil || rep.OK() {
		t.Fatalf("clones passed: %+v %v", rep, err)
	}
	wantStatus := map[string]Status{"controller-0": Failed, "controller-1": Failed, "controller-2": Passed}
	for _, h := range rep.Hosts {
		if h.Status != wantStatus[h.Host] {
			t.Errorf("%s reported %s, want %s", h.Host, h.Status, wantStatus[h.Host])
		}
		if st := e.Progress.Get("01-test/clones", h.Host); st.Status != wantStatus[h.Host] {
			t.Errorf("%s recorded %+v, want %s", h.Host, st, wantStatus[h.Host])
		}
	}
	// Each host's one verdict comes once every host was judged, and names
	// the other host and the value; the host with its own passes.
	rec.mu.Lock()
	events := append([]Event(nil), rec.events...)
	rec.mu.Unlock()
	lastAttempt, firstVerdict := -1, len(events)
	for i, ev := range events {
		switch {
		case ev.Kind == EvCheckAttempt:
			lastAttempt = i
			if !ev.Pass {
				t.Errorf("%s failed its own look: %+v", ev.Host, ev.Result)
			}
		case ev.Kind == EvCheckVerdict && i < firstVerdict:
			firstVerdict = i
		}
	}
	if lastAttempt > firstVerdict {
		t.Errorf("a verdict (event %d) came before every host was judged (event %d)", firstVerdict, lastAttempt)
	}
	for host, want := range map[string]check.Item{
		"controller-0": {Subject: "id", Reason: check.Reason{Code: check.DistinctShared, Args: []string{"controller-1", "id-clone"}}},
		"controller-1": {Subject: "id", Reason: check.Reason{Code: check.DistinctShared, Args: []string{"controller-0", "id-clone"}}},
		"controller-2": {Subject: "id", OK: true, Reason: check.Reason{Code: check.DistinctOwn, Args: []string{"id-own"}}},
	} {
		v := rec.of(EvCheckVerdict, host)
		if len(v) != 1 || v[0].Pass != want.OK || v[0].Result == nil {
			t.Fatalf("%s: verdicts %+v", host, v)
		}
		items := v[0].Result.Items
		if got := items[len(items)-1]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %+v, want %+v", host, got, want)
		}
		if !strings.Contains(v[0].Text, "id-") {
			t.Errorf("%s: the verdict carries %q, not the output it judged", host, v[0].Text)
		}
	}
	if got := locales.Reason(locales.EN, string(check.DistinctShared), "controller-1", "id-clone"); got != "same as controller-1: id-clone" {
		t.Errorf("the reason reads %q", got)
	}
	// Diagnostics where the comparison failed, none where it passed.
	if d := rec.of(EvDiagnostic, "controller-0"); len(d) != 1 || !strings.Contains(d[0].Text, "firmware of controller-0") {
		t.Errorf("controller-0 diagnostics: %+v", d)
	}
	if d := rec.of(EvDiagnostic, "controller-2"); len(d) != 0 {
		t.Errorf("controller-2 passed, yet diagnostics: %+v", d)
	}
	// The transcript records the comparison, what every host showed.
	compared := map[string]Record{}
	for _, r := range transcriptRecords(t, filepath.Join(state, "transcript.jsonl")) {
		if r.Kind == "compare" {
			compared[r.Host] = r
		}
	}
	for host, exit := range map[string]int{"controller-0": 1, "controller-1": 1, "controller-2": 0} {
		r, ok := compared[host]
		if !ok || r.Exit != exit || r.Command != `distinct: ^(?P<id>id-\S+)$` ||
			r.Output != "controller-0: id-clone\ncontroller-1: id-clone\ncontroller-2: id-own\n" {
			t.Errorf("%s: compare record %+v (found %v), want exit %d", host, r, ok, exit)
		}
		// The host's verdict, for a record (export) that would otherwise
		// judge its output again alone.
		if r.Verdict == nil || r.Verdict.Pass != (exit == 0) || r.Verdict.Pass != (wantStatus[host] == Passed) {
			t.Errorf("%s: compare record's verdict %+v", host, r.Verdict)
		}
	}
}

func TestDistinctPassesHostsWithTheirOwnValues(t *testing.T) {
	l := sshlab.Start(t, 233, []string{"controller-0", "controller-1"})
	tr := labTrack(t, l, distinctChapter)
	e, rec := newEngine(t, l, tr, t.TempDir())
	ctx := context.Background()
	rep, err := e.Run(ctx, tr.Step("01-test/own"), nil)
	if err != nil || !rep.OK() {
		t.Fatalf("own values failed: %+v %v", rep, err)
	}
	for _, h := range l.Hosts {
		v := rec.of(EvCheckVerdict, h.Name)
		if len(v) != 1 || !v[0].Pass {
			t.Fatalf("%s: %+v", h.Name, v)
		}
		last := v[0].Result.Items[len(v[0].Result.Items)-1]
		if last.Reason.Code != check.DistinctOwn || last.Reason.Args[0] != "id-"+h.Name {
			t.Errorf("%s: %+v", h.Name, last)
		}
		if st := e.Progress.Get("01-test/own", h.Name); st.Status != Passed {
			t.Errorf("%s: %+v", h.Name, st)
		}
	}
	// A host whose output has no value fails with its own reason; the other
	// has nobody to share with.
	rep, err = e.Verify(ctx, tr.Step("01-test/none"), nil)
	if err != nil || rep.OK() {
		t.Fatalf("a host without a value passed: %+v %v", rep, err)
	}
	for _, h := range rep.Hosts {
		switch h.Host {
		case "controller-0":
			f := h.Check.Failures()
			if h.Status != Failed || len(f) != 1 || f[0].Reason.Code != check.DistinctNone {
				t.Errorf("controller-0: %s %+v", h.Status, h.Check)
			}
		case "controller-1":
			if h.Status != Passed {
				t.Errorf("controller-1: %s %+v", h.Status, h.Check)
			}
		}
	}
}

func kubeadmTrack(t *testing.T) *steps.Track {
	t.Helper()
	sub, err := fs.Sub(content.FS, "kubeadm")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := steps.LoadTrack(sub, "content/kubeadm")
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// A rehearsal of kubeadm's server requirements plays each node's own
// interfaces and product_uuid, and passes; a played failure is two clones.
func TestRehearsalOfKubeadmRequirements(t *testing.T) {
	tr := kubeadmTrack(t)
	p, err := OpenProgress(filepath.Join(t.TempDir(), "progress.json"), tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	e := NewRehearsal(tr, tr.DefaultVars(), p)
	e.Emit = rec.emit
	ctx := context.Background()
	for _, s := range tr.Chapter("01-server-requirements").Steps {
		rep, err := e.Run(ctx, s, nil)
		if err != nil || !rep.OK() || len(rep.Hosts) != 2 {
			t.Fatalf("%s: %+v %v", s.ID, rep, err)
		}
	}
	for step, shows := range map[string]string{"ip-link": "link/ether ", "product-uuid": "-"} {
		id := "01-server-requirements/" + step
		seen := map[string]bool{}
		for _, h := range []string{"ip-10-1-1-10", "ip-10-1-1-20"} {
			var v []Event
			for _, ev := range rec.of(EvCheckVerdict, h) {
				if ev.Step == id {
					v = append(v, ev)
				}
			}
			if len(v) != 1 || !v[0].Pass || !strings.Contains(v[0].Text, shows) {
				t.Fatalf("%s on %s: %+v", id, h, v)
			}
			seen[v[0].Text] = true
			if st := p.Get(id, h); st.Status != Passed {
				t.Errorf("%s on %s: %+v", id, h, st)
			}
		}
		if len(seen) != 2 {
			t.Errorf("%s: both nodes played the same output", id)
		}
		// The first failing sample: both nodes print the same value.
		e.PlayFailure(id)
		rep, err := e.Verify(ctx, tr.Step(id), nil)
		if err != nil || rep.OK() {
			t.Fatalf("%s: a played failure passed: %+v %v", id, rep, err)
		}
		for i, h := range rep.Hosts {
			other := rep.Hosts[1-i].Host
			f := h.Check.Failures()
			if h.Status != Failed || len(f) != 1 || f[0].Reason.Code != check.DistinctShared || f[0].Reason.Args[0] != other {
				t.Errorf("%s on %s: %s %+v, want the same value as %s", id, h.Host, h.Status, h.Check, other)
			}
		}
	}
}

// A verdict in the transcript quotes no secret, as its output does not.
func TestTranscriptVerdictIsRedacted(t *testing.T) {
	red := &Redactor{}
	red.Add("s3cr3t-token-value")
	path := filepath.Join(t.TempDir(), "transcript.jsonl")
	verdict := &check.Result{Items: []check.Item{{Subject: "id", Reason: check.Reason{Code: check.DistinctShared, Args: []string{"n-2", "s3cr3t-token-value"}}}}}
	if err := OpenTranscript(path, red).Write(Record{Kind: "compare", Output: "n-1: s3cr3t-token-value\n", Verdict: verdict}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "s3cr3t") || !strings.Contains(string(data), `"verdict"`) {
		t.Errorf("transcript: %s", data)
	}
	if verdict.Items[0].Reason.Args[1] != "s3cr3t-token-value" {
		t.Error("redacting the record changed the engine's verdict")
	}
}
