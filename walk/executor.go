package walk

import (
	"context"
	"io"

	"hardway/remote"
	"hardway/steps"
)

// The engine decides what runs where and judges it; an Executor only runs
// it. There are two: remoteExec runs on the lab's hosts (SSH, or a local
// shell for the workstation), replayExec plays the tutorial's recorded
// outputs (rehearsal). Both go through the same policy, so a rehearsal
// behaves as a live run does: manual steps, guards, stages, skip reasons.

// Executor runs one command on one host.
type Executor interface {
	// Command runs a check's, guard's or diagnostic's script, without a
	// terminal, its output written to out.
	Command(ctx context.Context, req Request, out io.Writer) Result
	// Step runs a step's script in a terminal of cols x rows, its output
	// written to out; onStart receives the terminal while it runs.
	Step(ctx context.Context, req Request, cols, rows int, out io.Writer, onStart func(Terminal)) StepResult
	// Shell opens an interactive login shell on the host.
	Shell(ctx context.Context, host string, cols, rows int, out io.Writer) (Terminal, error)
	// Replays reports whether outputs are recorded ones: a check is then
	// judged once, with no retries and no settle window.
	Replays() bool
}

// Request is one command for an executor.
type Request struct {
	Step *steps.Step
	Host steps.Host
	// Kind is "run", "check", "only_if", "done_if" or "diagnostic".
	Kind string
	// Script is what bash runs on the host, wrapper included.
	Script string
	// WantVars asks a step's run to bring back the variables in Defines
	// and its working directory.
	WantVars bool
	Defines  []string
	// Check is the step's check as it applies now (its stage), for a check.
	Check *steps.CheckSpec
	// Vars are the host's placeholder values.
	Vars steps.Vars
}

// Result is how a command ended (remote.Result, named here so that faces
// need not import remote).
type Result = remote.Result

// StepResult is how a step's command ended and what it left.
type StepResult struct {
	Result
	Vars map[string]string // with WantVars, the declared variables and PWD
	// VarsErr: the command ran but its variables could not be read back.
	VarsErr error
}

// Terminal is a command running in a terminal, or a shell, that a face can
// type into and resize.
type Terminal interface {
	Write(p []byte) (int, error)
	Resize(cols, rows int) error
	Interrupt()
	Wait() Result
}
