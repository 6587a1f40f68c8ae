package walk

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hardway/internal/sshlab"
)

// A step the learner runs themselves is their turn until its check passes:
// not a failure, and nothing is run for them. A login is hardway's to do; a
// command to read (journalctl) is the learner's.
func TestManualStepsAreTheLearnersTurn(t *testing.T) {
	l := sshlab.Start(t, 196, []string{"controller-0"})
	key := filepath.Join(l.Dir, "id_test.pub")
	tr := labTrack(t, l, strings.ReplaceAll(`steps:
  - id: login
    on: [controllers]
    manual: true
    run: |
      ssh root@controller-0
  - id: logs
    on: [controllers]
    manual: true
    run: |
      journalctl -u etcd
  - id: keygen
    on: [controllers]
    yourself: true
    run: |
      touch KEY
    check:
      kind: output
      run: ls KEY
      timeout: 0s
      params: {exit: 0}
      pass: [{exit: 0, output: KEY}]
      fail: [{exit: 2, output: "ls: cannot access 'KEY': No such file or directory"}]
`, "KEY", key))
	e, rec := newEngine(t, l, tr, t.TempDir())
	ctx := context.Background()
	// The learner's shell on the host was elsewhere; a login starts over in
	// the home directory, where the tutorial's next commands and their
	// guards run (a second run of chapter 02 must not clone inside the clone).
	if err := e.Progress.SetVars("controller-0", map[string]string{CwdVar: l.Dir}); err != nil {
		t.Fatal(err)
	}
	for step, reason := range map[string]string{"login": "login", "logs": "yourself"} {
		rep, err := e.Run(ctx, tr.Step("01-test/"+step), nil)
		if err != nil || !rep.OK() || rep.YourTurn {
			t.Fatalf("%s: %+v %v", step, rep, err)
		}
		var got []string
		for _, ev := range rec.of(EvSkipped, "controller-0") {
			if ev.Step == "01-test/"+step {
				got = append(got, ev.Reason)
			}
		}
		if len(got) != 1 || got[0] != reason {
			t.Errorf("%s: skipped because %v, want %s", step, got, reason)
		}
	}
	if dir := e.Progress.Vars("controller-0")[CwdVar]; dir != "" {
		t.Errorf("after a login the carried directory is %q, want the home directory", dir)
	}
	rep, err := e.Run(ctx, tr.Step("01-test/keygen"), nil)
	if err != nil || rep.OK() || !rep.YourTurn {
		t.Fatalf("keygen not done yet must be the learner's turn: %+v %v", rep, err)
	}
	if _, err := os.Stat(key); err == nil {
		t.Fatal("hardway ran a step that is the learner's")
	}
	if len(rec.of(EvStarted, "controller-0")) != 0 {
		t.Error("a manual step was started")
	}
	if err := os.WriteFile(key, []byte("ssh-ed25519 AAAA test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err = e.Run(ctx, tr.Step("01-test/keygen"), nil)
	if err != nil || !rep.OK() || rep.YourTurn {
		t.Fatalf("done by the learner: %+v %v", rep, err)
	}
}
