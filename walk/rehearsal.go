package walk

import (
	"context"
	"hardway/locales"
	"io"
	"sync"

	"hardway/check"
	"hardway/steps"
)

// NewRehearsal is an engine that executes nothing: each step shows its
// command, each check plays the tutorial's recorded output for its host
// (samples use the same placeholders as commands, so controller-1's pane
// shows controller-1) and judges it for real. The policy is the engine's
// own: manual steps, guards, stages and skip reasons are as in a live run.
// It lets a newcomer walk the whole tutorial on any machine.
func NewRehearsal(t *steps.Track, vars steps.Vars, p *Progress) *Engine {
	return &Engine{Track: t, Vars: vars, Progress: p, Exec: &replayExec{fail: map[string]bool{}}}
}

// Rehearsing reports whether the engine plays recorded outputs.
func (e *Engine) Rehearsing() bool { return e.executor().Replays() }

// PlayFailure makes the next check of the step play a failing sample, to
// show what a failure looks like; false when the engine runs for real.
func (e *Engine) PlayFailure(stepID string) bool {
	r, ok := e.executor().(*replayExec)
	if ok {
		r.setFail(stepID, true)
	}
	return ok
}

// afterChecks ends a requested failure once the step's check was judged.
func (e *Engine) afterChecks(stepID string) {
	if r, ok := e.Exec.(*replayExec); ok {
		r.setFail(stepID, false)
	}
}

// replayExec plays recorded outputs.
type replayExec struct {
	mu   sync.Mutex
	fail map[string]bool // steps whose next check plays a failing sample
}

func (r *replayExec) Replays() bool { return true }

func (r *replayExec) setFail(step string, on bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if on {
		r.fail[step] = true
	} else {
		delete(r.fail, step)
	}
}

func (r *replayExec) failing(step string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.fail[step]
}

// Command answers guards as a fresh lab would (the step applies, it is not
// done yet), plays the check's sample for the host, and says where
// diagnostics would come from.
func (r *replayExec) Command(ctx context.Context, req Request, out io.Writer) Result {
	switch req.Kind {
	case "only_if":
		return Result{Exit: 0}
	case "done_if":
		return Result{Exit: 1}
	case "check":
		sm, ok := sampleFor(req.Check, !r.failing(req.Step.ID))
		if !ok {
			return Result{Exit: -1, Err: locales.Errorf("walk.no_sample")}
		}
		io.WriteString(out, RenderSample(sm.Output, req.Vars))
		exit := sm.Exit
		if exit == check.ExitUnknown {
			exit = 0
			if !sm.Pass {
				exit = 1
			}
		}
		return Result{Exit: exit}
	default:
		io.WriteString(out, "(rehearsal: on a real host, hardway collects this here)\n")
		return Result{Exit: 0}
	}
}

// Step runs nothing: the face has shown the command.
func (r *replayExec) Step(ctx context.Context, req Request, cols, rows int, out io.Writer, onStart func(Terminal)) StepResult {
	return StepResult{}
}

// Shell has no host to open a shell on.
func (r *replayExec) Shell(ctx context.Context, host string, cols, rows int, out io.Writer) (Terminal, error) {
	return nil, locales.Errorf("walk.rehearsal_no_shell")
}

// sampleFor is the check's first passing sample (or failing one).
func sampleFor(c *steps.CheckSpec, pass bool) (steps.Sample, bool) {
	if c == nil {
		return steps.Sample{}, false
	}
	for _, sm := range c.Samples {
		if sm.Pass == pass {
			return sm, true
		}
	}
	return steps.Sample{}, false
}

// RenderSample fills a recorded output's placeholders ({{host}},
// {{host.address}}, the track's variables, the per-host sample values
// {{host.mac}} and {{host.uuid}}) for one host; an output with none, or
// with braces that are not placeholders, is played as recorded.
func RenderSample(text string, vars steps.Vars) string {
	return steps.RenderSample(text, vars)
}
