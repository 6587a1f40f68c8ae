package remote

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// proxyConn is a connection through a ProxyCommand: the command's stdin
// and stdout, as ssh uses them. The command runs in its own session, with
// no terminal to ask on: what it has to say reaches the learner through
// the error message, and Ctrl-C reaches it through hardway.
type proxyConn struct {
	command string
	cmd     *exec.Cmd
	r       *os.File // the command's stdout
	w       *os.File // the command's stdin
	stderr  *tail
	exited  chan struct{}
	waitErr error
	close   sync.Once
}

// startProxyCommand runs the command with the user's shell, "exec"
// prefixed, as ssh does.
func startProxyCommand(command string) (*proxyConn, error) {
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, err
	}
	pc := &proxyConn{command: command, r: outR, w: inW, stderr: &tail{max: 2048}, exited: make(chan struct{})}
	cmd := exec.Command(userShell(), "-c", "exec "+command)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, pc.stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	cmd.WaitDelay = time.Second
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, fmt.Errorf("ProxyCommand %q: %v", command, err)
	}
	pc.cmd = cmd
	go func() {
		pc.waitErr = cmd.Wait()
		close(pc.exited)
	}()
	return pc, nil
}

func (pc *proxyConn) Read(b []byte) (int, error)  { return pc.r.Read(b) }
func (pc *proxyConn) Write(b []byte) (int, error) { return pc.w.Write(b) }

// Close ends the connection and the command (its whole process group),
// at once: a cancelled connection must not wait for the command.
func (pc *proxyConn) Close() error {
	pc.close.Do(func() {
		pc.w.Close()
		pc.r.Close()
		syscall.Kill(-pc.cmd.Process.Pid, syscall.SIGTERM)
		go func() {
			select {
			case <-pc.exited:
			case <-time.After(time.Second):
				syscall.Kill(-pc.cmd.Process.Pid, syscall.SIGKILL)
			}
		}()
	})
	return nil
}

func (pc *proxyConn) LocalAddr() net.Addr  { return proxyAddr(pc.command) }
func (pc *proxyConn) RemoteAddr() net.Addr { return proxyAddr(pc.command) }

func (pc *proxyConn) SetDeadline(t time.Time) error {
	pc.r.SetDeadline(t)
	return pc.w.SetDeadline(t)
}
func (pc *proxyConn) SetReadDeadline(t time.Time) error  { return pc.r.SetReadDeadline(t) }
func (pc *proxyConn) SetWriteDeadline(t time.Time) error { return pc.w.SetWriteDeadline(t) }

// failure explains a failed handshake with what the command printed and
// how it ended.
func (pc *proxyConn) failure(err error, origin string) error {
	select {
	case <-pc.exited:
	case <-time.After(500 * time.Millisecond):
	}
	msg := fmt.Sprintf("through ProxyCommand %q%s: %v", pc.command, origin, err)
	select {
	case <-pc.exited:
		if pc.waitErr != nil {
			msg += fmt.Sprintf("; the command ended: %v", pc.waitErr)
		} else {
			msg += "; the command ended"
		}
	default:
	}
	if s := strings.TrimSpace(pc.stderr.String()); s != "" {
		msg += "; it printed: " + s
	}
	return &proxyError{msg: msg, err: err}
}

// proxyError is a failure through a ProxyCommand; it is not retried.
type proxyError struct {
	msg string
	err error
}

func (e *proxyError) Error() string { return e.msg }
func (e *proxyError) Unwrap() error { return e.err }

type proxyAddr string

func (a proxyAddr) Network() string { return "proxycommand" }
func (a proxyAddr) String() string  { return string(a) }

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}
