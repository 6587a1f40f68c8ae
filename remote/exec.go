package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"
)

// ExecOptions say how to run one command.
type ExecOptions struct {
	// PTY asks for a terminal of Cols x Rows, so programs print progress
	// bars and colours as they would for a person. Without it, stdout and
	// stderr are both written to Output.
	PTY        bool
	Cols, Rows int
	Term       string // default xterm-256color
	// Output receives the command's output as it arrives. It must be safe
	// to call from another goroutine than the caller's; it is called from
	// one goroutine at a time.
	Output io.Writer
	// Stdin, if set, is copied to the command (without a PTY). With a PTY,
	// write to the Process instead: that is the keyboard.
	Stdin io.Reader
	// Grace between the interrupt and the kill when the context ends.
	Grace time.Duration
}

// Result is how a command ended.
type Result struct {
	Exit     int    // exit status; -1 when there was none (killed, lost)
	Signal   string // the signal that ended it, if one did
	Duration time.Duration
	// Err is set when the command could not run or its host was lost
	// (*HostLostError); a non-zero exit is not an error.
	Err error
}

// Process is a running command on a host or the workstation.
type Process interface {
	// Write types into the command's terminal (or its stdin).
	Write(p []byte) (int, error)
	// Resize changes the terminal size.
	Resize(cols, rows int) error
	// Interrupt sends Ctrl-C / SIGINT.
	Interrupt()
	// Wait returns when the command has ended.
	Wait() Result
}

// Runner starts commands on one host: *Conn for SSH hosts, *Local for the workstation.
type Runner interface {
	Start(ctx context.Context, command string, o ExecOptions) (Process, error)
}

// Run is Start then Wait.
func Run(ctx context.Context, r Runner, command string, o ExecOptions) Result {
	p, err := r.Start(ctx, command, o)
	if err != nil {
		return Result{Exit: -1, Err: err}
	}
	return p.Wait()
}

const defaultGrace = 2 * time.Second

type sshProcess struct {
	conn     *Conn
	session  *ssh.Session
	stdin    io.WriteCloser
	start    time.Time
	done     chan struct{}
	res      Result
	once     sync.Once // Interrupt
	finished sync.Once
	release  func()
}

// finish records how the command ended, once.
func (p *sshProcess) finish(r Result) {
	p.finished.Do(func() {
		p.res = r
		p.release()
		close(p.done)
	})
}

// Start runs a command as a new session on the connection. It waits for a
// free session slot (MaxSessions) first; ctx ending while it runs interrupts
// the command, then kills it after the grace period: the connection stays.
func (c *Conn) Start(ctx context.Context, command string, o ExecOptions) (Process, error) {
	select {
	case c.sem <- struct{}{}:
	case <-c.done:
		return nil, c.Err()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release := func() { <-c.sem }
	s, err := c.newSession(ctx)
	if err != nil {
		release()
		if e := c.Err(); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("%s: cannot open a session: %w", c.Target.Name, err)
	}
	out := o.Output
	if out == nil {
		out = io.Discard
	}
	w := &lockedWriter{w: out}
	s.Stdout = w
	s.Stderr = w
	var stdin io.WriteCloser
	if o.Stdin != nil {
		s.Stdin = o.Stdin
	} else {
		stdin, _ = s.StdinPipe()
	}
	if o.PTY {
		term := o.Term
		if term == "" {
			term = "xterm-256color"
		}
		cols, rows := o.Cols, o.Rows
		if cols <= 0 {
			cols = 80
		}
		if rows <= 0 {
			rows = 24
		}
		modes := ssh.TerminalModes{ssh.ECHO: 1, ssh.TTY_OP_ISPEED: 38400, ssh.TTY_OP_OSPEED: 38400}
		if err := s.RequestPty(term, rows, cols, modes); err != nil {
			s.Close()
			release()
			return nil, fmt.Errorf("%s: no terminal: %w", c.Target.Name, err)
		}
	}
	p := &sshProcess{conn: c, session: s, stdin: stdin, start: time.Now(), done: make(chan struct{}), release: release}
	if err := s.Start(command); err != nil {
		s.Close()
		release()
		return nil, fmt.Errorf("%s: cannot start the command: %w", c.Target.Name, err)
	}
	grace := o.Grace
	if grace == 0 {
		grace = defaultGrace
	}
	go func() {
		err := s.Wait()
		var exit *ssh.ExitError
		if err != nil && !errors.As(err, &exit) {
			// No exit status: the command's session or the whole
			// connection died. Find out which before reporting.
			c.probe()
		}
		p.finish(p.result(err))
	}()
	go func() {
		select {
		case <-p.done:
		case <-c.done:
			// The host is gone: fail now rather than wait for TCP.
			s.Close()
		case <-ctx.Done():
			p.Interrupt()
			select {
			case <-p.done:
			case <-time.After(grace):
				s.Signal(ssh.SIGKILL)
				s.Close()
				// Without a PTY a child of the killed shell can keep
				// the session open; do not wait for it.
				select {
				case <-p.done:
				case <-time.After(500 * time.Millisecond):
					p.finish(Result{Exit: -1, Signal: "KILL", Duration: time.Since(p.start)})
				}
			}
		}
	}()
	return p, nil
}

// newSession opens a session, retrying briefly when sshd refuses: it frees
// a finished session's slot a moment after the client sees it end, so a
// queue kept at MaxSessions still meets an occasional "open failed".
func (c *Conn) newSession(ctx context.Context) (*ssh.Session, error) {
	delay := 10 * time.Millisecond
	for attempt := 0; ; attempt++ {
		s, err := c.client.NewSession()
		var open *ssh.OpenChannelError
		if err == nil || !errors.As(err, &open) || attempt >= 30 {
			return s, err
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-c.done:
			return nil, c.Err()
		}
		delay = min(delay*2, 200*time.Millisecond)
	}
}

// probe asks the server for a keepalive answer; no answer within a second
// means the connection is gone.
func (c *Conn) probe() {
	answered := make(chan error, 1)
	go func() {
		_, _, err := c.client.SendRequest("keepalive@openssh.com", true, nil)
		answered <- err
	}()
	select {
	case err := <-answered:
		if err != nil {
			c.lost("the connection dropped: " + err.Error())
		}
	case <-c.done:
	case <-time.After(time.Second):
		c.lost("no answer after a session ended without its exit status")
	}
}

func (p *sshProcess) result(err error) Result {
	r := Result{Duration: time.Since(p.start)}
	var exit *ssh.ExitError
	var missing *ssh.ExitMissingError
	switch {
	case err == nil:
		r.Exit = 0
	case errors.As(err, &exit):
		r.Exit = exit.ExitStatus()
		if sig := exit.Signal(); sig != "" {
			r.Signal = sig
			r.Exit = -1
		}
	case errors.As(err, &missing) || errors.Is(err, io.EOF):
		r.Exit = -1
		if lost := p.conn.Err(); lost != nil {
			r.Err = lost
		} else {
			r.Signal = "HUP"
		}
	default:
		r.Exit = -1
		r.Err = err
	}
	// A session that ended because its connection went away is a lost
	// host, whatever the session itself reported.
	if lost := p.conn.Err(); lost != nil && r.Err == nil && r.Exit == -1 {
		r.Err = lost
	}
	return r
}

func (p *sshProcess) Write(b []byte) (int, error) {
	if p.stdin == nil {
		return 0, errors.New("this command reads its input from elsewhere")
	}
	return p.stdin.Write(b)
}

func (p *sshProcess) Resize(cols, rows int) error { return p.session.WindowChange(rows, cols) }

func (p *sshProcess) Interrupt() {
	p.once.Do(func() {
		// Ctrl-C through the terminal reaches the whole foreground job, as
		// it would for a person; the signal request covers sessions
		// without one (OpenSSH >= 7.9 honours it).
		if p.stdin != nil {
			p.stdin.Write([]byte{3})
		}
		p.session.Signal(ssh.SIGINT)
	})
}

func (p *sshProcess) Wait() Result {
	<-p.done
	return p.res
}

// lockedWriter serialises stdout and stderr, which x/crypto copies from two
// goroutines when there is no PTY.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
