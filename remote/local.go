package remote

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"time"

	"github.com/creack/pty"
)

// Local runs commands on the learner's workstation, in bash, in a local PTY
// when asked, so they look as they would in the learner's own terminal.
type Local struct {
	Name string
	// Dir is the working directory; empty means the current one.
	Dir string
}

type localProcess struct {
	cmd   *exec.Cmd
	tty   *os.File // the PTY master, or nil
	stdin io.WriteCloser
	start time.Time
	done  chan struct{}
	res   Result
	once  sync.Once
}

// Start runs command with `bash -c`.
func (l *Local) Start(ctx context.Context, command string, o ExecOptions) (Process, error) {
	cmd := exec.Command("bash", "-c", command)
	cmd.Dir = l.Dir
	cmd.Env = append(os.Environ(), "TERM="+termOr(o.Term))
	out := o.Output
	if out == nil {
		out = io.Discard
	}
	p := &localProcess{cmd: cmd, start: time.Now(), done: make(chan struct{})}
	var copyDone chan struct{}
	if o.PTY {
		cols, rows := o.Cols, o.Rows
		if cols <= 0 {
			cols = 80
		}
		if rows <= 0 {
			rows = 24
		}
		// pty.Start makes the command a session leader with the PTY as its
		// controlling terminal, so Ctrl-C reaches its whole job.
		tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
		if err != nil {
			return nil, err
		}
		p.tty = tty
		copyDone = make(chan struct{})
		go func() {
			io.Copy(out, tty) // ends with EIO once the command and its children close the PTY
			close(copyDone)
		}()
	} else {
		w := &lockedWriter{w: out}
		cmd.Stdout, cmd.Stderr = w, w
		if o.Stdin != nil {
			cmd.Stdin = o.Stdin
		} else {
			p.stdin, _ = cmd.StdinPipe()
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		if err := cmd.Start(); err != nil {
			return nil, err
		}
	}
	grace := o.Grace
	if grace == 0 {
		grace = defaultGrace
	}
	go func() {
		err := cmd.Wait()
		if copyDone != nil {
			// Give the reader the last bytes, but do not wait on a
			// background child that keeps the PTY open.
			select {
			case <-copyDone:
			case <-time.After(200 * time.Millisecond):
			}
			p.tty.Close()
		}
		p.res = localResult(err, time.Since(p.start))
		close(p.done)
	}()
	go func() {
		select {
		case <-p.done:
		case <-ctx.Done():
			p.Interrupt()
			select {
			case <-p.done:
			case <-time.After(grace):
				syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			}
		}
	}()
	return p, nil
}

func termOr(t string) string {
	if t == "" {
		return "xterm-256color"
	}
	return t
}

func localResult(err error, d time.Duration) Result {
	r := Result{Duration: d}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		ws, _ := exit.Sys().(syscall.WaitStatus)
		if ws.Signaled() {
			r.Exit, r.Signal = -1, signalName(ws.Signal())
		} else {
			r.Exit = exit.ExitCode()
		}
	default:
		r.Exit, r.Err = -1, err
	}
	return r
}

func signalName(s syscall.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "INT"
	case syscall.SIGKILL:
		return "KILL"
	case syscall.SIGTERM:
		return "TERM"
	case syscall.SIGHUP:
		return "HUP"
	}
	return s.String()
}

func (p *localProcess) Write(b []byte) (int, error) {
	if p.tty != nil {
		return p.tty.Write(b)
	}
	if p.stdin == nil {
		return 0, errors.New("this command reads its input from elsewhere")
	}
	return p.stdin.Write(b)
}

func (p *localProcess) Resize(cols, rows int) error {
	if p.tty == nil {
		return nil
	}
	return pty.Setsize(p.tty, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
}

func (p *localProcess) Interrupt() {
	p.once.Do(func() {
		if p.tty != nil {
			p.tty.Write([]byte{3})
		}
		syscall.Kill(-p.cmd.Process.Pid, syscall.SIGINT)
	})
}

func (p *localProcess) Wait() Result {
	<-p.done
	return p.res
}
