package walk

import (
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"

	"hardway/steps"
)

const stagedChapter = `steps:
  - id: haproxy
    on: [controllers]
    run: echo haproxy
    check:
      kind: http
      run: |
        curl -i http://127.0.0.1/healthz
      timeout: 0s
      stages:
        - name: before-apiservers
          until: start-apiservers
          params: {status: 503}
          pass: [{output: "HTTP/1.0 503 Service Unavailable\r\n\r\n"}]
          fail: [{output: "HTTP/1.1 200 OK\r\n\r\nok"}]
        - name: apiservers-running
          params: {status: 200}
          pass: [{output: "HTTP/1.1 200 OK\r\n\r\nok"}]
          fail: [{output: "HTTP/1.0 503 Service Unavailable\r\n\r\n"}]
  - id: start-apiservers
    on: [controllers]
    run: echo start
`

func stagedTrack(t *testing.T) *steps.Track {
	t.Helper()
	fs := fstest.MapFS{
		"track.yaml": {Data: []byte("id: lab\nversion: v1.18.6\nhosts:\n" +
			"  - name: c-1\n    address: 127.0.1.1\n    roles: [controllers]\n" +
			"  - name: c-2\n    address: 127.0.1.2\n    roles: [controllers]\n" +
			"  - name: client\n    address: 127.0.1.3\n    roles: [client]\n" +
			"chapters: [01-lb]\n")},
		"01-lb.yaml": {Data: []byte(stagedChapter)},
	}
	tr, err := steps.LoadTrack(fs, "lab")
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// The stage follows the learner's progress, host by host where the step
// that ends it runs, else once it is done everywhere.
func TestCheckNowFollowsProgress(t *testing.T) {
	tr := stagedTrack(t)
	p, err := OpenProgress(filepath.Join(t.TempDir(), "progress.json"), "lab")
	if err != nil {
		t.Fatal(err)
	}
	s := tr.Step("01-lb/haproxy")
	stage := func(host string) string { return CheckNow(tr, p, s, host).Stage }
	if stage("c-1") != "before-apiservers" || stage("client") != "before-apiservers" {
		t.Fatal("nothing done yet: want the first stage")
	}
	p.Set("01-lb/start-apiservers", "c-1", HostState{Status: Done})
	if stage("c-1") != "apiservers-running" || stage("c-2") != "before-apiservers" {
		t.Errorf("started on c-1 only: c-1 %s, c-2 %s", stage("c-1"), stage("c-2"))
	}
	if stage("client") != "before-apiservers" {
		t.Errorf("a host the step does not run on waits for every host: %s", stage("client"))
	}
	p.Set("01-lb/start-apiservers", "c-2", HostState{Status: Failed})
	if stage("client") != "before-apiservers" {
		t.Errorf("failed on c-2: %s", stage("client"))
	}
	p.Set("01-lb/start-apiservers", "c-2", HostState{Status: Skipped})
	if stage("client") != "apiservers-running" {
		t.Errorf("done everywhere: %s", stage("client"))
	}
}

// Rehearsal plays the sample of the stage reached, and says which.
func TestRehearsalPlaysTheStageReached(t *testing.T) {
	tr := stagedTrack(t)
	p, _ := OpenProgress(filepath.Join(t.TempDir(), "progress.json"), "lab")
	rec := &recorder{}
	r := NewRehearsal(tr, tr.DefaultVars(), p)
	r.Emit = rec.emit
	s := tr.Step("01-lb/haproxy")
	for _, want := range []string{"before-apiservers", "apiservers-running"} {
		rec.events = nil
		rep, err := r.Verify(context.Background(), s, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range rep.Hosts {
			if h.Status != Passed {
				t.Errorf("%s: %s %s", want, h.Host, h.Status)
			}
		}
		v := rec.of(EvCheckVerdict, "c-1")
		if len(v) != 1 || v[0].Stage != want {
			t.Errorf("verdict events %+v, want stage %s", v, want)
		}
		for _, h := range []string{"c-1", "c-2"} {
			p.Set("01-lb/start-apiservers", h, HostState{Status: Done})
		}
	}
}
