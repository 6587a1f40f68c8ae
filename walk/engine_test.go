package walk

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"hardway/internal/sshlab"
	"hardway/remote"
	"hardway/steps"
)

// labTrack is a small track whose hosts are the lab's, with one chapter of
// the given steps YAML. Prose is not needed by the engine.
func labTrack(t testing.TB, l *sshlab.Lab, chapter string) *steps.Track {
	t.Helper()
	var hosts strings.Builder
	hosts.WriteString("  - name: workstation\n    roles: [workstation]\n    local: true\n")
	for _, h := range l.Hosts {
		role := "controllers"
		if strings.HasPrefix(h.Name, "worker") {
			role = "workers"
		}
		hosts.WriteString("  - name: " + h.Name + "\n    address: " + h.Addr + "\n    roles: [" + role + "]\n")
	}
	fs := fstest.MapFS{
		"track.yaml":   {Data: []byte("id: lab\nversion: v1.15.3\nhosts:\n" + hosts.String() + "vars:\n  greeting: hello\nchapters: [01-test]\n")},
		"01-test.yaml": {Data: []byte(chapter)},
	}
	tr, err := steps.LoadTrack(fs, "lab")
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

type recorder struct {
	mu     sync.Mutex
	events []Event
}

func (r *recorder) emit(e Event) { r.mu.Lock(); r.events = append(r.events, e); r.mu.Unlock() }

func (r *recorder) of(kind EventKind, host string) []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Event
	for _, e := range r.events {
		if e.Kind == kind && (host == "" || e.Host == host) {
			out = append(out, e)
		}
	}
	return out
}

func (r *recorder) output(host string) string {
	var b strings.Builder
	for _, e := range r.of(EvOutput, host) {
		b.Write(e.Data)
	}
	return b.String()
}

func newEngine(t testing.TB, l *sshlab.Lab, tr *steps.Track, state string) (*Engine, *recorder) {
	t.Helper()
	targets := map[string]remote.Target{"workstation": {Name: "workstation", Local: true}}
	for _, h := range l.Hosts {
		targets[h.Name] = remote.Target{Name: h.Name, Host: h.Addr, Port: h.Port, User: l.User, IdentityFiles: []string{l.ClientKeyFile}}
	}
	pool := remote.NewPool(remote.Options{HostKeys: &remote.HostKeys{Files: []string{l.KnownHostsFile}}, Auth: &remote.Auth{NoAgent: true}})
	t.Cleanup(pool.Close)
	prog, err := OpenProgress(filepath.Join(state, "progress.json"), tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	red := &Redactor{}
	rec := &recorder{}
	e := &Engine{Track: tr, Vars: tr.DefaultVars(), Targets: targets, Pool: pool, Local: &remote.Local{Name: "workstation", Dir: state},
		Progress: prog, Transcript: OpenTranscript(filepath.Join(state, "transcript.jsonl"), red), Redactor: red, Emit: rec.emit, Cols: 100, Rows: 30}
	return e, rec
}

const carryChapter = `steps:
  - id: set
    on: [controllers]
    defines: [WHO, QUOTED]
    run: |
      WHO=$(echo "$HARDWAY_LAB_HOST")
      QUOTED="it's a \"test\" with spaces"
  - id: use
    on: [controllers]
    run: |
      echo "I am ${WHO}; ${QUOTED}; {{greeting}} from {{host}} at {{host.address}}"
    check:
      kind: output
      run: echo "$WHO"
      params:
        equals: "{{host}}"
      pass: [{output: controller-0}]
      fail: [{output: controller-1}]
`

func TestCarriedVariablesAcrossStepsAndRestarts(t *testing.T) {
	l := sshlab.Start(t, 110, []string{"controller-0", "controller-1"})
	tr := labTrack(t, l, carryChapter)
	state := t.TempDir()
	e, rec := newEngine(t, l, tr, state)
	ctx := context.Background()
	rep, err := e.Run(ctx, tr.Step("01-test/set"), nil)
	if err != nil || !rep.OK() {
		t.Fatalf("set: %+v %v", rep, err)
	}
	rep, err = e.Run(ctx, tr.Step("01-test/use"), nil)
	if err != nil || !rep.OK() {
		t.Fatalf("use: %+v %v", rep, err)
	}
	for _, h := range l.Hosts {
		want := "I am " + h.Name + `; it's a "test" with spaces; hello from ` + h.Name + " at " + h.Addr
		if out := rec.output(h.Name); !strings.Contains(out, want) {
			t.Errorf("%s printed %q, want %q", h.Name, out, want)
		}
		if st := e.Progress.Get("01-test/use", h.Name); st.Status != Passed {
			t.Errorf("%s: %+v, want passed", h.Name, st)
		}
		if st := e.Progress.Get("01-test/set", h.Name); st.Status != Done {
			t.Errorf("%s: set is %+v, want done (it has no check)", h.Name, st)
		}
	}
	// A new hardway (a restart) on the same state still has the variables.
	e2, rec2 := newEngine(t, l, tr, state)
	if rep, err := e2.Verify(ctx, tr.Step("01-test/use"), []string{"controller-1"}); err != nil || !rep.OK() {
		t.Fatalf("verify after restart: %+v %v", rep, err)
	}
	if v := rec2.of(EvCheckVerdict, "controller-1"); len(v) != 1 || !v[0].Pass {
		t.Errorf("verdicts: %+v", v)
	}
}

func TestCheckRetriesUntilItPasses(t *testing.T) {
	l := sshlab.Start(t, 120, []string{"controller-0"})
	tr := labTrack(t, l, strings.ReplaceAll(`steps:
  - id: slow-start
    on: [controllers]
    run: |
      rm -f MARK; trap '' HUP; (sleep 1.5; touch MARK) >/dev/null 2>&1 < /dev/null &
    check:
      kind: output
      run: test -e MARK && echo ready || echo waiting
      every: 300ms
      timeout: 20s
      params: {equals: ready}
      pass: [{output: ready}]
      fail: [{output: waiting}]
`, "MARK", filepath.Join(l.Dir, "ready")))
	e, rec := newEngine(t, l, tr, t.TempDir())
	rep, err := e.Run(context.Background(), tr.Step("01-test/slow-start"), nil)
	if err != nil || !rep.OK() {
		a := rec.of(EvCheckAttempt, "")
		t.Fatalf("%+v %v\nrun output %q\nlast attempt %q", rep, err, rec.output("controller-0"), a[len(a)-1].Text)
	}
	attempts := rec.of(EvCheckAttempt, "controller-0")
	if len(attempts) < 2 || attempts[0].Pass || !attempts[len(attempts)-1].Pass {
		t.Errorf("attempts: %d, first pass=%v", len(attempts), attempts[0].Pass)
	}
}

func TestFailedCheckCollectsDiagnosticsAndIsNotPassed(t *testing.T) {
	l := sshlab.Start(t, 130, []string{"controller-0", "controller-1"})
	tr := labTrack(t, l, `steps:
  - id: half
    on: [controllers]
    run: |
      echo state-$HARDWAY_LAB_HOST
    check:
      kind: systemd-active
      run: if [ "$HARDWAY_LAB_HOST" = controller-1 ]; then echo failed; else echo active; fi
      every: 100ms
      timeout: 300ms
      settle: 300ms
      params: {units: [etcd]}
      pass: [{output: active}]
      fail: [{output: failed}]
    diagnostics:
      - echo "journal of $HARDWAY_LAB_HOST"
`)
	e, rec := newEngine(t, l, tr, t.TempDir())
	rep, err := e.Run(context.Background(), tr.Step("01-test/half"), nil)
	if err != nil || rep.OK() {
		t.Fatalf("%+v %v", rep, err)
	}
	if st := e.Progress.Get("01-test/half", "controller-1"); st.Status != Failed {
		t.Errorf("controller-1: %+v", st)
	}
	if st := e.Progress.Get("01-test/half", "controller-0"); st.Status != Passed {
		t.Errorf("controller-0: %+v", st)
	}
	d := rec.of(EvDiagnostic, "")
	if len(d) != 2 || d[0].Host != "controller-1" || !strings.Contains(d[0].Text, "journal of controller-1") {
		t.Fatalf("diagnostics: %+v", d)
	}
	// The unit the check watches: its journal, which the step did not ask for.
	if d[1].Command != "journalctl -u etcd -n 50 --no-pager" {
		t.Errorf("second diagnostic: %q", d[1].Command)
	}
}

// A step whose command fails gets its diagnostics too: the check never
// runs, and the reason is usually in a journal or a listing.
func TestFailedCommandCollectsDiagnostics(t *testing.T) {
	l := sshlab.Start(t, 135, []string{"controller-0"})
	tr := labTrack(t, l, `steps:
  - id: start
    on: [controllers]
    run: |
      echo "Job for containerd.service failed because the control process exited with error code."; exit 1
    check:
      kind: systemd-active
      run: systemctl is-active containerd
      params: {units: [containerd]}
      pass: [{output: active}]
      fail: [{output: failed}]
    diagnostics:
      - echo "status of $HARDWAY_LAB_HOST"
      - journalctl -u containerd --no-pager
`)
	e, rec := newEngine(t, l, tr, t.TempDir())
	rep, err := e.Run(context.Background(), tr.Step("01-test/start"), nil)
	if err != nil || rep.OK() {
		t.Fatalf("%+v %v", rep, err)
	}
	var cmds []string
	for _, d := range rec.of(EvDiagnostic, "controller-0") {
		cmds = append(cmds, d.Command)
	}
	// The step's own journal command covers containerd: no second one.
	if strings.Join(cmds, "|") != "echo \"status of $HARDWAY_LAB_HOST\"|journalctl -u containerd --no-pager" {
		t.Errorf("diagnostics after a failed command: %q", cmds)
	}
	if len(rec.of(EvCheckAttempt, "")) != 0 {
		t.Error("the check ran after the command failed")
	}
}

func TestDoneIfSkipsAStepThatCannotRunTwice(t *testing.T) {
	l := sshlab.Start(t, 140, []string{"controller-0"})
	tr := labTrack(t, l, strings.ReplaceAll(`steps:
  - id: link
    on: [controllers]
    done_if: test -L LINK
    run: |
      ln -s /etc/hostname LINK
`, "LINK", filepath.Join(l.Dir, "link")))
	e, rec := newEngine(t, l, tr, t.TempDir())
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if rep, err := e.Run(ctx, tr.Step("01-test/link"), nil); err != nil || !rep.OK() {
			t.Fatalf("run %d: %+v %v", i, rep, err)
		}
	}
	if n := len(rec.of(EvStarted, "")); n != 1 {
		t.Errorf("the step ran %d times, want once", n)
	}
	if s := rec.of(EvSkipped, ""); len(s) != 1 || s[0].Reason != "done_if" {
		t.Errorf("skipped: %+v", s)
	}
}

func TestTranscriptHasNoSecrets(t *testing.T) {
	l := sshlab.Start(t, 150, []string{"controller-0"})
	keyData, _ := os.ReadFile(l.ClientKeyFile)
	tr := labTrack(t, l, `steps:
  - id: key
    on: [controllers]
    defines: [ENCRYPTION_KEY]
    run: |
      ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
      cat `+l.ClientKeyFile+`
      cat <<EOF
      - secret: ${ENCRYPTION_KEY}
      EOF
  - id: echo
    on: [controllers]
    run: |
      echo "the key is ${ENCRYPTION_KEY}"
  - id: token
    on: [controllers]
    defines: [DASHBOARD_LOGIN_TOKEN]
    run: |
      DASHBOARD_LOGIN_TOKEN=eyJ$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
      echo ${DASHBOARD_LOGIN_TOKEN}
`)
	state := t.TempDir()
	e, rec := newEngine(t, l, tr, state)
	ctx := context.Background()
	for _, id := range []string{"01-test/key", "01-test/echo", "01-test/token"} {
		if rep, err := e.Run(ctx, tr.Step(id), nil); err != nil || !rep.OK() {
			t.Fatalf("%s: %+v %v", id, rep, err)
		}
	}
	key := e.Progress.Vars("controller-0")["ENCRYPTION_KEY"]
	if len(key) < 40 {
		t.Fatalf("ENCRYPTION_KEY not carried: %q", key)
	}
	// The learner's pane shows what the command printed...
	if !strings.Contains(rec.output("controller-0"), "PRIVATE KEY") {
		t.Fatal("the key was not printed at all; the test proves nothing")
	}
	// ...but the transcript keeps no secret.
	data, err := os.ReadFile(filepath.Join(state, "transcript.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Split(string(keyData), "\n")[1] // a line of the key's base64
	// A step that prints the secret it defines, as the dashboard chapter does.
	token := e.Progress.Vars("controller-0")["DASHBOARD_LOGIN_TOKEN"]
	if len(token) < 20 || !strings.Contains(rec.output("controller-0"), token) {
		t.Fatalf("the token was not printed: %q", token)
	}
	for _, secret := range []string{body, key, token} {
		if strings.Contains(string(data), secret) || strings.Contains(string(data), jsonEscape(secret)) {
			t.Errorf("the transcript contains a secret %q", secret[:10])
		}
	}
	if !strings.Contains(string(data), Redacted) {
		t.Error("nothing was redacted")
	}
	// The progress file holds the key (it is the learner's state) but only
	// the learner may read it.
	fi, _ := os.Stat(filepath.Join(state, "progress.json"))
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("progress.json mode %v", fi.Mode().Perm())
	}
}

func jsonEscape(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

func TestWorkstationStepsRunLocally(t *testing.T) {
	l := sshlab.Start(t, 160, []string{"controller-0"})
	tr := labTrack(t, l, `steps:
  - id: local
    on: [workstation]
    defines: [PUBLIC]
    run: |
      PUBLIC=203.0.113.7; [ -t 1 ] && echo "on a terminal in $(pwd)"
  - id: use
    on: [workstation]
    run: |
      echo "public is $PUBLIC"
`)
	state := t.TempDir()
	e, rec := newEngine(t, l, tr, state)
	for _, id := range []string{"01-test/local", "01-test/use"} {
		if rep, err := e.Run(context.Background(), tr.Step(id), nil); err != nil || !rep.OK() {
			t.Fatalf("%s: %+v %v", id, rep, err)
		}
	}
	out := rec.output("workstation")
	if !strings.Contains(out, "on a terminal in "+state) || !strings.Contains(out, "public is 203.0.113.7") {
		t.Errorf("workstation output %q", out)
	}
}

func TestUnreachableHostIsReportedAndOthersRun(t *testing.T) {
	l := sshlab.Start(t, 170, []string{"controller-0", "controller-1"})
	l.Host("controller-1").Stop()
	tr := labTrack(t, l, `steps:
  - id: hi
    on: [controllers]
    run: |
      echo hi from $HARDWAY_LAB_HOST
`)
	e, rec := newEngine(t, l, tr, t.TempDir())
	e.Pool = remote.NewPool(remote.Options{HostKeys: &remote.HostKeys{Files: []string{l.KnownHostsFile}}, Auth: &remote.Auth{NoAgent: true}, HandshakeRetries: 1})
	rep, _ := e.Run(context.Background(), tr.Step("01-test/hi"), nil)
	if !rep.Unreachable() || rep.OK() {
		t.Fatalf("%+v", rep)
	}
	if !strings.Contains(rec.output("controller-0"), "hi from controller-0") {
		t.Error("controller-0 did not run")
	}
	if lost := rec.of(EvHostLost, "controller-1"); len(lost) != 1 {
		t.Errorf("host lost events: %+v", lost)
	}
	if st := e.Progress.Get("01-test/hi", "controller-1"); st.Status != Unreachable {
		t.Errorf("controller-1: %+v", st)
	}
}

func TestOnlyIfRunsAStepWhereItApplies(t *testing.T) {
	l := sshlab.Start(t, 175, []string{"controller-0", "controller-1"})
	tr := labTrack(t, l, `steps:
  - id: variant
    on: [controllers]
    only_if: '[ "$HARDWAY_LAB_HOST" = controller-1 ]'
    run: |
      echo variant ran
    check:
      kind: output
      run: echo ok
      params: {equals: ok}
      pass: [{output: ok}]
      fail: [{output: no}]
`)
	e, rec := newEngine(t, l, tr, t.TempDir())
	rep, err := e.Run(context.Background(), tr.Step("01-test/variant"), nil)
	if err != nil || !rep.OK() {
		t.Fatalf("%+v %v", rep, err)
	}
	if strings.Contains(rec.output("controller-0"), "variant ran") || !strings.Contains(rec.output("controller-1"), "variant ran") {
		t.Errorf("outputs: %q %q", rec.output("controller-0"), rec.output("controller-1"))
	}
	if v := rec.of(EvCheckVerdict, ""); len(v) != 1 || v[0].Host != "controller-1" {
		t.Errorf("the check ran on %+v, want only controller-1", v)
	}
	if st := e.Progress.Get("01-test/variant", "controller-0"); st.Status != Skipped {
		t.Errorf("controller-0: %+v", st)
	}
}

// The working directory and exported variables carry over, as in the
// learner's shell: a cd in one step, relative paths and envsubst in the next.
func TestWorkingDirectoryAndExportsCarryOver(t *testing.T) {
	l := sshlab.Start(t, 185, []string{"controller-0"})
	dir := filepath.Join(l.Dir, "project")
	tr := labTrack(t, l, strings.ReplaceAll(`steps:
  - id: enter
    on: [controllers]
    defines: [GREETING]
    run: |
      mkdir -p DIR && cd DIR && echo data > file.txt
      export GREETING=hello
  - id: use
    on: [controllers]
    run: |
      echo "in $(pwd): $(cat file.txt), $(env | grep ^GREETING=)"
`, "DIR", dir))
	e, rec := newEngine(t, l, tr, t.TempDir())
	for _, id := range []string{"01-test/enter", "01-test/use"} {
		if rep, err := e.Run(context.Background(), tr.Step(id), nil); err != nil || !rep.OK() {
			t.Fatalf("%s: %+v %v", id, rep, err)
		}
	}
	if want := "in " + dir + ": data, GREETING=hello"; !strings.Contains(rec.output("controller-0"), want) {
		t.Errorf("output %q, want %q", rec.output("controller-0"), want)
	}
}

// A loop typed on one host and checked on others (the binary install's
// ssh/scp loops): the typing host is done once the commands succeed, the
// checked hosts by their verdicts; a manual step with a check elsewhere is
// done where it was shown once the check passes.
func TestStepCheckedOnOtherHostsIsDoneEverywhere(t *testing.T) {
	l := sshlab.Start(t, 187, []string{"controller-0", "worker-0"})
	tr := labTrack(t, l, `steps:
  - id: loop
    on: [controller-0]
    run: echo copied
    check:
      kind: output
      on: [workers]
      run: echo here
      timeout: 0s
      params: {equals: here}
      pass: [{output: here}]
      fail: [{output: gone}]
  - id: by-hand
    on: [controller-0]
    manual: true
    run: ssh worker-0 touch /tmp/x
    check:
      kind: output
      on: [workers]
      run: echo here
      timeout: 0s
      params: {equals: here}
      pass: [{output: here}]
      fail: [{output: gone}]
`)
	e, _ := newEngine(t, l, tr, t.TempDir())
	for _, id := range []string{"01-test/loop", "01-test/by-hand"} {
		rep, err := e.Run(context.Background(), tr.Step(id), nil)
		if err != nil || !rep.OK() {
			t.Fatalf("%s: %+v %v", id, rep, err)
		}
		for _, h := range []string{"controller-0", "worker-0"} {
			if st := e.Progress.Get(id, h).Status; !st.OK() {
				t.Errorf("%s on %s: %q, want done", id, h, st)
			}
		}
	}
}
