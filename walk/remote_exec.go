package walk

import (
	"context"
	"fmt"
	"hardway/locales"
	"io"
	"strings"

	"hardway/remote"
)

// remoteExec runs commands on the lab's hosts: over their SSH connection,
// or in a local shell for the workstation.
type remoteExec struct {
	targets map[string]remote.Target
	pool    *remote.Pool
	local   *remote.Local
}

func (x *remoteExec) Replays() bool { return false }

// runner returns how to run commands on a host.
func (x *remoteExec) runner(ctx context.Context, name string) (remote.Runner, error) {
	t, ok := x.targets[name]
	if !ok {
		return nil, locales.Errorf("walk.no_way", name)
	}
	if t.Local {
		if x.local == nil {
			return nil, fmt.Errorf("no local shell for %s", name)
		}
		return x.local, nil
	}
	if x.pool == nil {
		return nil, fmt.Errorf("no connection to %s", name)
	}
	return x.pool.Get(ctx, t)
}

// Command runs the script from standard input, never from the command
// line (carried values can be secrets, and `ps` shows command lines).
func (x *remoteExec) Command(ctx context.Context, req Request, out io.Writer) Result {
	r, err := x.runner(ctx, req.Host.Name)
	if err != nil {
		return Result{Exit: -1, Err: err}
	}
	cmd, stdin := stdinScript(req.Script)
	return remote.Run(ctx, r, cmd, remote.ExecOptions{Output: out, Stdin: strings.NewReader(stdin)})
}

// Step stages the script in a private directory, runs it in a PTY, and
// reads back the variables it left.
func (x *remoteExec) Step(ctx context.Context, req Request, cols, rows int, out io.Writer, onStart func(Terminal)) StepResult {
	r, err := x.runner(ctx, req.Host.Name)
	if err != nil {
		return StepResult{Result: Result{Exit: -1, Err: err}}
	}
	dir, err := stage(ctx, r, req.Script)
	if err != nil {
		return StepResult{Result: Result{Exit: -1, Err: err}}
	}
	p, err := r.Start(ctx, runStaged(dir), remote.ExecOptions{PTY: true, Cols: cols, Rows: rows, Output: out})
	if err != nil {
		return StepResult{Result: Result{Exit: -1, Err: err}}
	}
	if onStart != nil {
		onStart(p)
		defer onStart(nil)
	}
	res := StepResult{Result: p.Wait()}
	if !req.WantVars || res.Err != nil {
		return res
	}
	if ctx.Err() != nil || res.Exit != 0 {
		// The wrapper leaves its directory for the variables: remove it.
		remote.Run(context.WithoutCancel(ctx), r, "rm -rf -- "+shellQuote(dir), remote.ExecOptions{})
		return res
	}
	res.Vars, res.VarsErr = readVars(ctx, r, dir, req.Defines)
	return res
}

// Shell opens an interactive login shell on a host's connection.
func (x *remoteExec) Shell(ctx context.Context, host string, cols, rows int, out io.Writer) (Terminal, error) {
	r, err := x.runner(ctx, host)
	if err != nil {
		return nil, err
	}
	return r.Start(ctx, `exec "${SHELL:-bash}" -l`, remote.ExecOptions{PTY: true, Cols: cols, Rows: rows, Output: out})
}

// readVars reads back the variables a step declared from its private
// directory, and removes the directory.
func readVars(ctx context.Context, r remote.Runner, dir string, declared []string) (map[string]string, error) {
	// Carried values are short; a variable file this size is not ours.
	out := newCapped(1<<20, 0)
	res := remote.Run(ctx, r, readVarsCommand(dir), remote.ExecOptions{Output: out})
	if res.Err != nil {
		return nil, res.Err
	}
	return parseVars(out.String(), declared), nil
}

// stage writes a step's script to a new private directory on the host and
// returns the directory.
func stage(ctx context.Context, r remote.Runner, script string) (string, error) {
	out := newCapped(4<<10, 0)
	res := remote.Run(ctx, r, stageCommand, remote.ExecOptions{Output: out, Stdin: strings.NewReader(script)})
	if res.Err != nil {
		return "", res.Err
	}
	dir := strings.TrimSpace(out.String())
	if res.Exit != 0 || !stagedDir.MatchString(dir) {
		return "", locales.Errorf("walk.no_private_dir", fmt.Sprint(res.Exit), firstLineOf(dir))
	}
	return dir, nil
}

func firstLineOf(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
