package walk

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hardway/check"
	"hardway/internal/sshlab"
)

func TestSteadinessNeedsTheSameIdentityForTheWindow(t *testing.T) {
	t0 := time.Unix(1000, 0)
	pass := func(id string) check.Result { return check.Result{Pass: true, Identity: id} }
	var st steadiness
	if st.observe(pass("pid 1"), t0, 10*time.Second) {
		t.Fatal("steady after one look")
	}
	if st.observe(pass("pid 1"), t0.Add(9*time.Second), 10*time.Second) {
		t.Fatal("steady before the window")
	}
	// Restarted just before the window closed: start again.
	if st.observe(pass("pid 2"), t0.Add(10*time.Second), 10*time.Second) {
		t.Fatal("steady although the PID changed")
	}
	if st.change != "pid 1 → pid 2" {
		t.Errorf("change = %q", st.change)
	}
	if st.observe(check.Result{}, t0.Add(12*time.Second), 10*time.Second) {
		t.Fatal("steady on a failing look")
	}
	st.observe(pass("pid 3"), t0.Add(14*time.Second), 10*time.Second)
	if !st.observe(pass("pid 3"), t0.Add(24*time.Second), 10*time.Second) {
		t.Fatal("not steady after the window with one PID")
	}
	// A window of 0 believes the first pass.
	var once steadiness
	if !once.observe(pass(""), t0, 0) {
		t.Fatal("settle 0 must pass at once")
	}
	// A run of passes that began by the deadline may finish its window.
	var late steadiness
	late.observe(pass("x"), t0, 10*time.Second)
	if end := late.end(t0, 10*time.Second, 2*time.Second); !end.Equal(t0.Add(12 * time.Second)) {
		t.Errorf("end = %v", end.Sub(t0))
	}
}

// A real supervised process on a real sshd host: the supervisor restarts
// it when it exits, as systemd's Restart=on-failure does, and a stand-in for
// systemctl reports its state, PID and restart count from the supervisor's
// state file. A service that is `active` at almost every look but whose PID
// changes every 1.3 s must fail; one that stays up must pass, and only after
// its window.
func TestCrashLoopingServiceNeverPasses(t *testing.T) {
	l := sshlab.Start(t, 190, []string{"controller-0"})
	dir := l.Dir
	shim := `#!/bin/bash
read pid n < "` + dir + `/svc.state"
state=active; kill -0 "$pid" 2>/dev/null || state=activating
case $1 in
  is-active) echo "$state" ;;
  show) printf 'MainPID=%s\nNRestarts=%s\nId=svc.service\nActiveState=%s\nSubState=running\n' "$pid" "$n" "$state" ;;
esac
`
	if err := os.MkdirAll(filepath.Join(dir, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bin", "systemctl"), []byte(shim), 0o755); err != nil {
		t.Fatal(err)
	}
	chapter := `steps:
  - id: crashy
    on: [controllers]
    run: |
      trap '' HUP; (echo $BASHPID > DIR/sup.pid; n=0; while :; do sleep 1.3 & echo "$! $n" > DIR/svc.state; wait; n=$((n+1)); done) >/dev/null 2>&1 < /dev/null &
      sleep 0.2
    check:
      kind: systemd-active
      run: PATH=DIR/bin:$PATH; systemctl is-active svc
      every: 400ms
      timeout: 4s
      settle: 3s
      params: {units: [svc]}
      pass: [{output: active}]
      fail: [{output: activating}]
  - id: steady
    on: [controllers]
    run: |
      kill $(cat DIR/sup.pid); trap '' HUP; (echo $BASHPID > DIR/sup.pid; sleep 600 & echo "$! 0" > DIR/svc.state; wait) >/dev/null 2>&1 < /dev/null &
      sleep 0.2
    check:
      kind: systemd-active
      run: PATH=DIR/bin:$PATH; systemctl is-active svc
      every: 400ms
      timeout: 4s
      settle: 3s
      params: {units: [svc]}
      pass: [{output: active}]
      fail: [{output: activating}]
`
	tr := labTrack(t, l, strings.ReplaceAll(chapter, "DIR", dir))
	e, rec := newEngine(t, l, tr, t.TempDir())
	t.Cleanup(func() {
		if pid, err := os.ReadFile(filepath.Join(dir, "sup.pid")); err == nil {
			exec.Command("pkill", "-P", strings.TrimSpace(string(pid))).Run()
			exec.Command("kill", strings.TrimSpace(string(pid))).Run()
		}
	})
	rep, err := e.Run(context.Background(), tr.Step("01-test/crashy"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() {
		t.Fatalf("a crash-looping service passed: %+v", rep.Hosts[0].Check)
	}
	passes := 0
	for _, a := range rec.of(EvCheckAttempt, "controller-0") {
		if a.Step == "01-test/crashy" && a.Pass {
			passes++
		}
	}
	if passes == 0 {
		t.Error("no attempt saw the service active: the test does not show what a single look misses")
	}
	if r := rep.Hosts[0].Check; r == nil || r.Pass || (r.Items[0].Reason.Code != check.UnstableChanged && r.Items[0].Reason.Code != check.UnitRestarting) {
		t.Errorf("reason: %+v", r)
	}

	start := time.Now()
	rep, err = e.Run(context.Background(), tr.Step("01-test/steady"), nil)
	if err != nil || !rep.OK() {
		t.Fatalf("a steady service failed: %+v %v", rep.Hosts, err)
	}
	if took := time.Since(start); took < 3*time.Second {
		t.Errorf("passed after %v, before its 3s window", took)
	}
}
