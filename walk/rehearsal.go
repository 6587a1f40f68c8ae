package walk

import (
	"context"
	"fmt"
	"strings"
	"time"

	"hardway/steps"
)

// Walker runs and verifies steps: the Engine on real hosts, Rehearsal
// without any.
type Walker interface {
	Run(ctx context.Context, s *steps.Step, only []string) (StepReport, error)
	Verify(ctx context.Context, s *steps.Step, only []string) (StepReport, error)
	Select(selectors, only []string) ([]steps.Host, error)
	SetEmit(func(Event))
}

// SetEmit sets where events go.
func (e *Engine) SetEmit(f func(Event)) { e.Emit = f }

// Rehearsal plays a step without executing anything: each host's pane shows
// the command, then the check's recorded sample output, and the check judges
// that sample for real. It lets a newcomer walk the whole tutorial on any
// machine, and shows what a failure looks like on demand.
type Rehearsal struct {
	Track    *steps.Track
	Vars     steps.Vars
	Progress *Progress
	Emit     func(Event)
	// Fail makes the next check play a failing sample instead of a passing one.
	Fail bool
	// Pace between the lines played into the panes, for a natural feel; 0 in tests.
	Pace time.Duration
}

// SetEmit sets where events go.
func (r *Rehearsal) SetEmit(f func(Event)) { r.Emit = f }

// Select resolves hosts as the engine does.
func (r *Rehearsal) Select(selectors, only []string) ([]steps.Host, error) {
	e := Engine{Track: r.Track}
	return e.Select(selectors, only)
}

func (r *Rehearsal) emit(ev Event) {
	if r.Emit != nil {
		ev.Time = time.Now()
		if ev.Data != nil {
			ev.Text = string(ev.Data)
		}
		r.Emit(ev)
	}
}

func (r *Rehearsal) play(ctx context.Context, step, host, text string) {
	for _, line := range strings.SplitAfter(text, "\n") {
		if line == "" || ctx.Err() != nil {
			continue
		}
		r.emit(Event{Kind: EvOutput, Step: step, Host: host, Data: []byte(strings.ReplaceAll(line, "\n", "\r\n"))})
		if r.Pace > 0 {
			time.Sleep(r.Pace)
		}
	}
}

const (
	dim   = "\x1b[2m"
	bold  = "\x1b[1m"
	reset = "\x1b[0m"
)

// Run shows the step's commands on its hosts, then rehearses its check.
func (r *Rehearsal) Run(ctx context.Context, s *steps.Step, only []string) (StepReport, error) {
	rep := StepReport{Step: s}
	hosts, err := r.Select(s.Targets, only)
	if err != nil {
		return rep, err
	}
	if s.Manual && s.Check != nil {
		// As the engine does: the check judges the step where it runs.
		v, err := r.Verify(ctx, s, only)
		if err == nil && v.OK() {
			checked, _ := r.Select(s.Check.On, only)
			for _, h := range hosts {
				if len(s.Check.On) > 0 && !hostIn(checked, h.Name) {
					r.record(s.ID, h.Name, Skipped)
				}
			}
		}
		return v, err
	}
	for _, h := range hosts {
		if s.Manual {
			reason := "login"
			if s.Yourself {
				reason = "yourself"
			}
			r.emit(Event{Kind: EvSkipped, Step: s.ID, Host: h.Name, Reason: reason})
			rep.Hosts = append(rep.Hosts, HostReport{Host: h.Name, Status: Skipped})
			r.record(s.ID, h.Name, Skipped)
			continue
		}
		vars := r.Vars.ForHost(h)
		var shown []string
		for _, c := range s.Commands {
			rc, _ := steps.Render(c, vars)
			shown = append(shown, rc)
		}
		// The face shows the command (EvStarted); nothing ran, so no output.
		r.emit(Event{Kind: EvStarted, Step: s.ID, Host: h.Name, Command: strings.Join(shown, "\n")})
		r.emit(Event{Kind: EvExited, Step: s.ID, Host: h.Name})
		rep.Hosts = append(rep.Hosts, HostReport{Host: h.Name, Status: Done})
		if s.Check == nil || len(s.Check.On) > 0 {
			// Without a check, or checked on other hosts: done here. (A
			// host that is also a check host gets the verdict below.)
			r.record(s.ID, h.Name, Done)
		}
	}
	if s.Check == nil {
		return rep, nil
	}
	v, err := r.Verify(ctx, s, only)
	if err != nil {
		return rep, err
	}
	for _, hv := range v.Hosts {
		merged := false
		for i := range rep.Hosts {
			if rep.Hosts[i].Host == hv.Host {
				rep.Hosts[i] = hv
				merged = true
			}
		}
		if !merged {
			rep.Hosts = append(rep.Hosts, hv)
		}
	}
	return rep, nil
}

// Verify plays the check's sample on each check host and judges it.
func (r *Rehearsal) Verify(ctx context.Context, s *steps.Step, only []string) (StepReport, error) {
	rep := StepReport{Step: s}
	if s.Check == nil {
		return rep, fmt.Errorf("step %s has no check", s.ID)
	}
	sel := s.Targets
	if len(s.Check.On) > 0 {
		sel = s.Check.On
	}
	hosts, err := r.Select(sel, only)
	if err != nil || len(hosts) == 0 {
		return rep, err
	}
	c := CheckNow(r.Track, r.Progress, s, hosts[0].Name)
	sample, ok := r.sample(c)
	r.Fail = false // one failure per request
	if !ok {
		return rep, fmt.Errorf("step %s has no sample to rehearse", s.ID)
	}
	// Samples are recorded as the first check host prints them; judge them
	// as for that host on every pane.
	k, err := c.Build(r.Vars.ForHost(hosts[0]))
	if err != nil {
		return rep, err
	}
	for _, h := range hosts {
		cmd, _ := steps.Render(s.Check.Run, r.Vars.ForHost(h))
		r.play(ctx, s.ID, h.Name, bold+"$ "+reset+dim+strings.TrimRight(cmd, "\n")+reset+"\n")
		r.play(ctx, s.ID, h.Name, sample.Output)
		res := k.Evaluate(sample.AsOutput())
		r.emit(Event{Kind: EvCheckAttempt, Step: s.ID, Host: h.Name, Attempt: 1, Pass: res.Pass, Result: &res, Stage: c.Stage, Data: []byte(sample.Output)})
		r.emit(Event{Kind: EvCheckVerdict, Step: s.ID, Host: h.Name, Pass: res.Pass, Result: &res, Stage: c.Stage})
		hr := HostReport{Host: h.Name, Check: &res, Status: Passed}
		if !res.Pass {
			hr.Status = Failed
			r.emit(Event{Kind: EvDiagnostic, Step: s.ID, Host: h.Name, Command: strings.Join(s.Diagnostics, "; "),
				Data: []byte("(rehearsal: on a real host, hardway collects these here)\n")})
		}
		r.record(s.ID, h.Name, hr.Status)
		rep.Hosts = append(rep.Hosts, hr)
	}
	return rep, nil
}

// sample is the first passing sample, or failing one when Fail is set.
func (r *Rehearsal) sample(c *steps.CheckSpec) (steps.Sample, bool) {
	want := !r.Fail
	for _, sm := range c.Samples {
		if sm.Pass == want {
			return sm, true
		}
	}
	return steps.Sample{}, false
}

func (r *Rehearsal) record(step, host string, st Status) {
	if r.Progress != nil {
		r.Progress.Set(step, host, HostState{Status: st, Note: "rehearsal"})
	}
}
