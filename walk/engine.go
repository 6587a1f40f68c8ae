// Package walk is hardway's engine: it runs a step's commands on its target
// hosts at once through remote, streams what they print as events, checks
// the result with retries, collects diagnostics where the check fails, and
// records progress and a transcript. The command line and the TUI are two
// faces of it.
package walk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	"hardway/check"
	"hardway/locales"
	"hardway/remote"
	"hardway/steps"
)

// Engine runs steps of one track on one lab.
type Engine struct {
	Track *steps.Track
	// Vars fill placeholders: the track's values with the inventory's.
	Vars steps.Vars
	// Host returns a track host with the inventory's address, for the
	// per-host placeholders.
	Host func(name string) steps.Host
	// Exec runs the commands; nil means on the lab's hosts, reached as
	// Targets, Pool and Local say (see NewRehearsal for the other one).
	Exec Executor
	// Targets say how to reach each host, by name.
	Targets map[string]remote.Target
	Pool    *remote.Pool
	Local   *remote.Local

	Progress   *Progress
	Transcript *Transcript
	Redactor   *Redactor

	// Emit receives every event; it must not block for long. It may be
	// called from several goroutines at once.
	Emit func(Event)
	// Cols and Rows size the PTY of step commands.
	Cols, Rows int
	// CheckAttemptTimeout bounds one run of a check command.
	CheckAttemptTimeout time.Duration
	// OnStart, when set, receives each step command's terminal as it
	// starts (and nil when it ends), so a face can type into it and resize
	// it.
	OnStart  func(host string, t Terminal)
	execOnce sync.Once
	// Mirror, when set (http://10.240.0.1:8080), serves the downloads steps
	// declare: the wrapper sends them there; the shown command is unchanged.
	Mirror string
}

// HostReport is a step's outcome on one host.
type HostReport struct {
	Host     string
	Status   Status
	Skip     string // why it was skipped: "login", "yourself", "done_if", "only_if"
	Exit     int
	Err      error
	Check    *check.Result
	Duration time.Duration
}

// StepReport is a step's outcome on all its hosts.
type StepReport struct {
	Step  *steps.Step
	Hosts []HostReport
	// YourTurn marks a step the learner runs themselves whose check does
	// not pass yet: they have not done it (or not right). A walk stops
	// there and asks them to do it, then verify.
	YourTurn bool
}

// OK reports whether every host can move on.
func (r StepReport) OK() bool {
	for _, h := range r.Hosts {
		if !h.Status.OK() {
			return false
		}
	}
	return true
}

// Unreachable reports whether some host could not be reached.
func (r StepReport) Unreachable() bool {
	for _, h := range r.Hosts {
		if h.Status == Unreachable {
			return true
		}
	}
	return false
}

func (e *Engine) emit(ev Event) {
	if e.Emit == nil {
		return
	}
	ev.Time = time.Now()
	if ev.Data != nil {
		ev.Text = string(ev.Data)
	}
	e.Emit(ev)
}

// Select resolves hosts: the selectors' hosts, narrowed to only when given.
func (e *Engine) Select(selectors, only []string) ([]steps.Host, error) {
	hosts, err := e.Track.Resolve(selectors)
	if err != nil {
		return nil, err
	}
	if len(only) == 0 {
		return hosts, nil
	}
	var out []steps.Host
	for _, h := range hosts {
		for _, o := range only {
			if h.Name == o {
				out = append(out, h)
			}
		}
	}
	if len(out) == 0 {
		return nil, locales.Errorf("walk.not_step_hosts", strings.Join(only, ", "), strings.Join(names(hosts), ", "))
	}
	return out, nil
}

func names(hs []steps.Host) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.Name
	}
	return out
}

// executor is what runs the commands.
func (e *Engine) executor() Executor {
	e.execOnce.Do(func() {
		if e.Exec == nil {
			e.Exec = &remoteExec{targets: e.Targets, pool: e.Pool, local: e.Local}
		}
	})
	return e.Exec
}

// Run runs a step on its hosts (or those of only), then its check.
func (e *Engine) Run(ctx context.Context, s *steps.Step, only []string) (StepReport, error) {
	rep := StepReport{Step: s}
	if s.Manual || len(s.Commands) == 0 {
		hosts, err := e.Select(s.Targets, only)
		if err != nil {
			return rep, err
		}
		if s.Check != nil {
			// The check judges the step where it runs; the step's other
			// hosts are done by hardway or by the learner.
			rep, err := e.Verify(ctx, s, only)
			if err == nil && !rep.OK() && !rep.Unreachable() && s.Yourself {
				// Not done yet, or not right: the learner's turn, not a
				// failure of something hardway ran.
				rep.YourTurn = true
			}
			if err == nil && rep.OK() {
				checked, _ := e.Select(checkSelectors(s), only)
				for _, h := range hosts {
					if !hostIn(checked, h.Name) {
						e.record(s.ID, h.Name, HostState{Status: Skipped, Note: "done by hardway"})
					}
				}
			}
			return rep, err
		}
		reason := "login" // hardway is connected to the host already
		if s.Yourself {
			reason = "yourself"
		}
		for _, h := range hosts {
			if !s.Yourself && e.Progress != nil {
				// A login opens a new shell in the home directory: the
				// tutorial's next commands (git clone, scp'd files) run
				// there, and so do their guards.
				if err := e.Progress.SetVars(h.Name, map[string]string{CwdVar: ""}); err != nil {
					return rep, err
				}
			}
			e.emit(Event{Kind: EvSkipped, Step: s.ID, Host: h.Name, Reason: reason})
			rep.Hosts = append(rep.Hosts, HostReport{Host: h.Name, Status: Skipped})
			note := "done by hardway"
			if s.Yourself {
				note = "yours to run: not run by hardway"
			}
			e.record(s.ID, h.Name, HostState{Status: Skipped, Note: note})
		}
		return rep, nil
	}
	hosts, err := e.Select(s.Targets, only)
	if err != nil {
		return rep, err
	}
	results := onEach(hosts, func(h steps.Host) HostReport { return e.runOnHost(ctx, s, h) })
	rep.Hosts = results
	if s.Check == nil {
		return rep, nil
	}
	// The check runs where the commands succeeded; a check on other hosts
	// (check.on) runs once the commands succeeded everywhere.
	var targets []steps.Host
	if len(s.Check.On) == 0 {
		for i, r := range results {
			// Not where the step does not apply (only_if).
			if r.Status.OK() && r.Skip != "only_if" {
				targets = append(targets, hosts[i])
			}
		}
	} else if rep.OK() {
		if targets, err = e.Select(s.Check.On, nil); err != nil {
			return rep, err
		}
		// A host that ran the commands but is not checked (a loop typed on
		// one node, checked on every node) is done once they succeeded.
		for _, r := range results {
			if !hostIn(targets, r.Host) && r.Skip == "" {
				e.record(s.ID, r.Host, HostState{Status: Done})
			}
		}
	}
	if len(targets) == 0 {
		return rep, nil
	}
	verdicts := e.verifyHosts(ctx, s, targets)
	// Merge: the check's verdict is the step's status on its hosts.
	for _, v := range verdicts {
		found := false
		for i := range rep.Hosts {
			if rep.Hosts[i].Host == v.Host {
				rep.Hosts[i].Status, rep.Hosts[i].Check, rep.Hosts[i].Err = v.Status, v.Check, v.Err
				found = true
			}
		}
		if !found {
			rep.Hosts = append(rep.Hosts, v)
		}
	}
	return rep, nil
}

func hostIn(hosts []steps.Host, name string) bool {
	for _, h := range hosts {
		if h.Name == name {
			return true
		}
	}
	return false
}

func checkSelectors(s *steps.Step) []string {
	if len(s.Check.On) > 0 {
		return s.Check.On
	}
	return s.Targets
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Verify runs only the step's check (no commands) on its check hosts.
func (e *Engine) Verify(ctx context.Context, s *steps.Step, only []string) (StepReport, error) {
	rep := StepReport{Step: s}
	if s.Check == nil {
		return rep, locales.Errorf("walk.no_check", s.ID)
	}
	hosts, err := e.Select(checkSelectors(s), only)
	if err != nil {
		return rep, err
	}
	rep.Hosts = e.verifyHosts(ctx, s, hosts)
	return rep, nil
}

func (e *Engine) render(text string, h steps.Host) (string, error) {
	host := h
	if e.Host != nil {
		host = e.Host(h.Name)
	}
	return steps.Render(text, e.Vars.ForHost(host))
}

// hostVars are the placeholder values for host h.
func (e *Engine) hostVars(h steps.Host) steps.Vars {
	host := h
	if e.Host != nil {
		host = e.Host(h.Name)
	}
	return e.Vars.ForHost(host)
}

func (e *Engine) carried(host string) map[string]string {
	if e.Progress == nil {
		return nil
	}
	return e.Progress.Vars(host)
}

// runOnHost runs the step's blocks on one host and records the outcome.
func (e *Engine) runOnHost(ctx context.Context, s *steps.Step, h steps.Host) HostReport {
	rep := HostReport{Host: h.Name}
	fail := func(status Status, err error) HostReport {
		rep.Status, rep.Err = status, err
		if status == Unreachable {
			e.emit(Event{Kind: EvHostLost, Step: s.ID, Host: h.Name, Err: err.Error()})
		}
		e.record(s.ID, h.Name, HostState{Status: status, Exit: rep.Exit, Note: errString(err)})
		return rep
	}
	x := e.executor()
	var blocks []string
	for _, c := range s.Commands {
		b, err := e.render(c, h)
		if err != nil {
			return fail(Failed, err)
		}
		blocks = append(blocks, b)
	}
	carried := e.carried(h.Name)
	// Guards, in order: only_if must succeed for the step to apply here;
	// done_if succeeding means its effect is already in place.
	for _, g := range []struct {
		kind, cmd   string
		skipOnExit0 bool
		note        string
	}{
		{"only_if", s.OnlyIf, false, "not for this host"},
		{"done_if", s.DoneIf, true, "already done"},
	} {
		if g.cmd == "" {
			continue
		}
		cond, err := e.render(g.cmd, h)
		if err != nil {
			return fail(Failed, err)
		}
		out := newCapped(outputHead, checkTail)
		res := x.Command(ctx, Request{Step: s, Host: h, Kind: g.kind, Script: wrapCheck(carried, cond), Vars: e.hostVars(h)}, out)
		e.writeRecord(s.ID, h.Name, g.kind, cond, out.String(), res)
		if res.Err != nil {
			return fail(Unreachable, res.Err)
		}
		if (res.Exit == 0) == g.skipOnExit0 {
			e.emit(Event{Kind: EvSkipped, Step: s.ID, Host: h.Name, Reason: g.kind})
			rep.Status, rep.Skip = Skipped, g.kind
			e.record(s.ID, h.Name, HostState{Status: Skipped, Note: g.note})
			return rep
		}
	}
	// A step that defines variables or changes directory reports them back
	// (one more short session); the others leave the shell as it was.
	wantVars := len(s.Defines) > 0 || changesDir(blocks)
	script := wrapMirrored(carried, blocks, s.Defines, wantVars, e.Mirror, e.downloads(s, h))
	shown := strings.Join(blocks, "\n")
	e.emit(Event{Kind: EvStarted, Step: s.ID, Host: h.Name, Command: shown})
	out := newEventWriter(e, s.ID, h.Name)
	var onStart func(Terminal)
	if e.OnStart != nil {
		onStart = func(t Terminal) { e.OnStart(h.Name, t) }
	}
	res := x.Step(ctx, Request{Step: s, Host: h, Kind: "run", Script: script, WantVars: wantVars, Defines: s.Defines, Vars: e.hostVars(h)},
		e.Cols, e.Rows, out, onStart)
	rep.Exit, rep.Duration = res.Exit, res.Duration
	// The transcript gets the run's output, and the faces the exit, once
	// the secrets it defined are known: a block that prints the token it
	// just read (echo ${DASHBOARD_LOGIN_TOKEN}) must not leave it in what
	// is written down (a face that writes events down holds a step's output
	// until its exit event).
	exited := false
	record := func() {
		if !exited {
			exited = true
			e.emit(Event{Kind: EvExited, Step: s.ID, Host: h.Name, Exit: res.Exit, Signal: res.Signal, Duration: res.Duration, Err: errString(res.Err)})
		}
		e.writeRecord(s.ID, h.Name, "run", shown, out.String(), res.Result)
	}
	switch {
	case res.Err != nil:
		record()
		return fail(Unreachable, res.Err)
	case ctx.Err() != nil:
		record()
		return fail(Failed, errors.New("cancelled"))
	case res.Exit != 0:
		record()
		// Why a command failed is often in a journal or a file listing:
		// the same diagnostics as a failed check.
		e.diagnose(ctx, s, h)
		return fail(Failed, fmt.Errorf("exit status %d", res.Exit))
	}
	if wantVars && !x.Replays() {
		vars, err := res.Vars, res.VarsErr
		if err != nil {
			record()
			return fail(Unreachable, err)
		}
		for k, v := range vars {
			if SecretName(k) && e.Redactor != nil {
				e.Redactor.Add(v)
			}
		}
		record()
		if e.Progress != nil {
			if err := e.Progress.SetVars(h.Name, vars); err != nil {
				return fail(Failed, err)
			}
		}
	} else {
		record()
	}
	rep.Status = Done
	if s.Check == nil {
		e.record(s.ID, h.Name, HostState{Status: Done})
	}
	return rep
}

// verifyHosts runs the check on each host until it passes or times out.
// Each host's verdict is told as soon as it is known, except for a check
// that compares hosts (distinct:): its verdicts wait for every host.
func (e *Engine) verifyHosts(ctx context.Context, s *steps.Step, hosts []steps.Host) []HostReport {
	defer e.afterChecks(s.ID)
	if s.Check.Distinct == "" {
		return onEach(hosts, func(h steps.Host) HostReport { return e.tell(ctx, s, h, e.judgeHost(ctx, s, h)) })
	}
	judged := onEach(hosts, func(h steps.Host) judgement { return e.judgeHost(ctx, s, h) })
	e.compareHosts(s, judged)
	byHost := map[string]judgement{}
	for _, j := range judged {
		byHost[j.rep.Host] = j
	}
	return onEach(hosts, func(h steps.Host) HostReport { return e.tell(ctx, s, h, byHost[h.Name]) })
}

// onEach runs f on every host at once and returns the results in host order.
func onEach[T any](hosts []steps.Host, f func(steps.Host) T) []T {
	out := make([]T, len(hosts))
	var wg sync.WaitGroup
	for i, h := range hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = f(h)
		}()
	}
	wg.Wait()
	return out
}

// judgement is a host's check before its verdict is told: the report,
// and the command and output the verdict shows as its evidence.
type judgement struct {
	rep              HostReport
	cmd, text, stage string
	// told: the check could not be judged (no connection, a check that
	// cannot be built), and the report says so already.
	told bool
}

// judgeHost runs the check on one host until it passes, settles or times
// out, and judges the last output; tell reports the verdict.
func (e *Engine) judgeHost(ctx context.Context, s *steps.Step, h steps.Host) judgement {
	rep := HostReport{Host: h.Name}
	c := CheckNow(e.Track, e.Progress, s, h.Name)
	host := h
	if e.Host != nil {
		host = e.Host(h.Name)
	}
	k, err := c.Build(e.Vars.ForHost(host))
	if err != nil {
		rep.Status, rep.Err = Failed, err
		e.record(s.ID, h.Name, HostState{Status: Failed, Note: err.Error()})
		return judgement{rep: rep, told: true}
	}
	cmd, err := e.render(c.Run, h)
	if err != nil {
		rep.Status, rep.Err = Failed, err
		return judgement{rep: rep, told: true}
	}
	x := e.executor()
	if p, isProber := k.(check.Prober); isProber {
		cmd = strings.TrimRight(cmd, "\n") + "\n" + p.Probe()
	}
	perAttempt := e.CheckAttemptTimeout
	if perAttempt == 0 {
		perAttempt = 20 * time.Second
	}
	interval := c.Interval
	if interval <= 0 {
		interval = time.Second
	}
	timeout, settle := c.Timeout, c.Settle
	if x.Replays() {
		// A recorded output does not change: one look.
		timeout, settle = 0, 0
	}
	deadline := time.Now().Add(timeout)
	var last check.Result
	lastText := ""
	var steady steadiness
	stable := false
	prevText := ""
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, perAttempt)
		buf := newCapped(outputHead, checkTail)
		res := x.Command(actx, Request{Step: s, Host: h, Kind: "check", Script: wrapCheck(e.carried(h.Name), cmd), Check: c, Vars: e.hostVars(h)}, buf)
		cancel()
		text := buf.String()
		lastText = text
		// A check retried 15 times prints the same thing 15 times: the
		// transcript keeps it once.
		recorded := text
		if attempt > 1 && text == prevText {
			recorded = fmt.Sprintf("[same output as attempt %d]", attempt-1)
		}
		prevText = text
		e.writeRecord(s.ID, h.Name, "check", cmd, recorded, res)
		if res.Err != nil {
			rep.Status, rep.Err = Unreachable, res.Err
			e.emit(Event{Kind: EvHostLost, Step: s.ID, Host: h.Name, Err: res.Err.Error()})
			e.record(s.ID, h.Name, HostState{Status: Unreachable, Note: res.Err.Error()})
			return judgement{rep: rep, told: true}
		}
		last = k.Evaluate(check.Output{Text: text, Exit: res.Exit})
		now := time.Now()
		stable = steady.observe(last, now, settle)
		e.emit(Event{Kind: EvCheckAttempt, Step: s.ID, Host: h.Name, Attempt: attempt, Pass: last.Pass, Settling: last.Pass && !stable,
			Settle: settle, Result: &last, Exit: res.Exit, Stage: c.Stage, Command: cmd, Data: []byte(e.Redactor.Redact(text))})
		if stable || ctx.Err() != nil || now.Add(interval).After(steady.end(deadline, settle, interval)) {
			break
		}
		select {
		case <-time.After(interval):
		case <-ctx.Done():
		}
	}
	if last.Pass && !stable {
		// It passed, but did not keep passing unchanged for the window:
		// a service systemd restarts, an API server between two crashes.
		last = check.UnstableResult(settle, steady.change)
	}
	rep.Check = &last
	return judgement{rep: rep, cmd: cmd, text: lastText, stage: c.Stage}
}

// tell reports a host's verdict (an event, the progress) and collects the
// diagnostics where it failed.
func (e *Engine) tell(ctx context.Context, s *steps.Step, h steps.Host, j judgement) HostReport {
	rep := j.rep
	if j.told {
		return rep
	}
	last := rep.Check
	// The verdict carries the last output it judged, so a face can show
	// the evidence beside it.
	e.emit(Event{Kind: EvCheckVerdict, Step: s.ID, Host: h.Name, Pass: last.Pass, Result: last, Stage: j.stage,
		Command: j.cmd, Data: []byte(e.Redactor.Redact(j.text))})
	if last.Pass {
		rep.Status = Passed
		e.record(s.ID, h.Name, HostState{Status: Passed})
		return rep
	}
	rep.Status = Failed
	e.record(s.ID, h.Name, HostState{Status: Failed, Note: "check failed"})
	e.diagnose(ctx, s, h)
	return rep
}

// diagnose collects the step's diagnostics from a failing host, and the
// journal of every unit its check watches that they do not already read.
func (e *Engine) diagnose(ctx context.Context, s *steps.Step, h steps.Host) {
	for _, d := range e.diagnostics(s, h) {
		cmd, err := e.render(d, h)
		if err != nil {
			continue
		}
		dctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		buf := newCapped(outputHead, checkTail)
		res := e.executor().Command(dctx, Request{Step: s, Host: h, Kind: "diagnostic", Script: wrapCheck(e.carried(h.Name), cmd), Vars: e.hostVars(h)}, buf)
		cancel()
		e.writeRecord(s.ID, h.Name, "diagnostic", cmd, buf.String(), res)
		text := buf.String()
		if e.Redactor != nil {
			text = e.Redactor.Redact(text)
		}
		e.emit(Event{Kind: EvDiagnostic, Step: s.ID, Host: h.Name, Command: cmd, Data: []byte(text), Exit: res.Exit})
		if res.Err != nil {
			return
		}
	}
}

func (e *Engine) record(step, host string, st HostState) {
	if e.Progress != nil {
		e.Progress.Set(step, host, st)
	}
}

func (e *Engine) writeRecord(step, host, kind, cmd, out string, res remote.Result) {
	if e.Transcript == nil {
		return
	}
	e.Transcript.Write(Record{Time: time.Now().UTC(), Step: step, Host: host, Kind: kind, Command: cmd, Output: out,
		Exit: res.Exit, Signal: res.Signal, Error: errString(res.Err), DurationMS: res.Duration.Milliseconds()})
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// eventWriter turns a command's output into events and keeps a bounded
// copy for the transcript.
type eventWriter struct {
	e          *Engine
	step, host string
	all        *capped
}

func newEventWriter(e *Engine, step, host string) *eventWriter {
	return &eventWriter{e: e, step: step, host: host, all: newCapped(outputHead, transcriptTail)}
}

func (w *eventWriter) Write(p []byte) (int, error) {
	w.all.Write(p)
	w.e.emit(Event{Kind: EvOutput, Step: w.step, Host: w.host, Data: append([]byte(nil), p...)})
	return len(p), nil
}

func (w *eventWriter) String() string { return w.all.String() }

// Shell opens an interactive login shell on a host, in a terminal of
// cols x rows, its output written to out. The caller types into it.
func (e *Engine) Shell(ctx context.Context, host string, cols, rows int, out io.Writer) (Terminal, error) {
	return e.executor().Shell(ctx, host, cols, rows, out)
}

var cdRE = regexp.MustCompile(`(^|[\s;&|({])(cd|pushd|popd)(\s|;|$)`)

// changesDir reports whether a step may leave the shell in another directory.
func changesDir(blocks []string) bool {
	for _, b := range blocks {
		if cdRE.MatchString(b) {
			return true
		}
	}
	return false
}

// diagnostics are the commands diagnose runs: the step's own, then a
// journal for each unit of its systemd check that none of them reads.
func (e *Engine) diagnostics(s *steps.Step, h steps.Host) []string {
	out := append([]string(nil), s.Diagnostics...)
	c := CheckNow(e.Track, e.Progress, s, h.Name)
	if c == nil || c.Kind != "systemd-active" {
		return out
	}
	host := h
	if e.Host != nil {
		host = e.Host(h.Name)
	}
	k, err := c.Build(e.Vars.ForHost(host))
	if err != nil {
		return out
	}
	sd, ok := k.(*check.SystemdActive)
	if !ok {
		return out
	}
	for _, u := range sd.Units {
		if !journalRead(out, u) {
			out = append(out, "journalctl -u "+u+" -n 50 --no-pager")
		}
	}
	return out
}

// journalRead reports whether one of the commands already reads the
// unit's journal.
func journalRead(cmds []string, unit string) bool {
	for _, c := range cmds {
		if strings.Contains(c, "journalctl") && regexp.MustCompile(`-u\s+`+regexp.QuoteMeta(unit)+`\b`).MatchString(c) {
			return true
		}
	}
	return false
}

// Skip records that the learner skipped a step on hosts: it counts as done
// for moving on, and says so.
func (e *Engine) Skip(stepID string, hosts []string) {
	for _, h := range hosts {
		e.record(stepID, h, HostState{Status: Skipped, Note: "skipped by the learner"})
		e.emit(Event{Kind: EvSkipped, Step: stepID, Host: h, Reason: "learner"})
	}
}
