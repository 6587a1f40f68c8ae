package remote_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"hardway/internal/sshlab"
	"hardway/remote"
)

var six = []string{"controller-0", "controller-1", "controller-2", "worker-0", "worker-1", "worker-2"}

func targets(l *sshlab.Lab) []remote.Target {
	var out []remote.Target
	for _, h := range l.Hosts {
		out = append(out, remote.Target{Name: h.Name, Host: h.Addr, Port: h.Port, User: l.User, IdentityFiles: []string{l.ClientKeyFile}})
	}
	return out
}

func newPool(l *sshlab.Lab, opt remote.Options) *remote.Pool {
	opt.HostKeys = &remote.HostKeys{Files: []string{l.KnownHostsFile}, WriteFile: l.KnownHostsFile}
	opt.Auth = &remote.Auth{NoAgent: true}
	p := remote.NewPool(opt)
	return p
}

type buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *buffer) Write(p []byte) (int, error) { b.mu.Lock(); defer b.mu.Unlock(); return b.b.Write(p) }
func (b *buffer) String() string              { b.mu.Lock(); defer b.mu.Unlock(); return b.b.String() }

func TestParallelRunOnSixHosts(t *testing.T) {
	l := sshlab.Start(t, 10, six)
	p := newPool(l, remote.Options{})
	defer p.Close()
	ctx := context.Background()
	if errs := p.Connect(ctx, targets(l)); len(errs) > 0 {
		t.Fatal(errs)
	}
	var wg sync.WaitGroup
	results := make([]remote.Result, len(l.Hosts))
	outs := make([]*buffer, len(l.Hosts))
	for i, tg := range targets(l) {
		wg.Add(1)
		outs[i] = &buffer{}
		go func(i int, tg remote.Target) {
			defer wg.Done()
			c, err := p.Get(ctx, tg)
			if err != nil {
				t.Error(err)
				return
			}
			// Each host exits with its index, so per-host statuses are told apart.
			results[i] = remote.Run(ctx, c, fmt.Sprintf(`echo "on $HARDWAY_LAB_HOST"; exit %d`, i), remote.ExecOptions{PTY: true, Output: outs[i]})
		}(i, tg)
	}
	wg.Wait()
	for i, h := range l.Hosts {
		if results[i].Err != nil || results[i].Exit != i {
			t.Errorf("%s: %+v, want exit %d", h.Name, results[i], i)
		}
		if !strings.Contains(outs[i].String(), "on "+h.Name) {
			t.Errorf("%s printed %q", h.Name, outs[i].String())
		}
	}
	if sshlab.Root() {
		// As root each host has its own hostname (UTS namespace).
		c, _ := p.Get(ctx, targets(l)[4])
		var out buffer
		remote.Run(ctx, c, "hostname", remote.ExecOptions{Output: &out})
		if strings.TrimSpace(out.String()) != "worker-1" {
			t.Errorf("hostname on worker-1: %q", out.String())
		}
	}
}

func TestPTYProgressAndResize(t *testing.T) {
	l := sshlab.Start(t, 20, []string{"controller-0"})
	p := newPool(l, remote.Options{})
	defer p.Close()
	c, err := p.Get(context.Background(), targets(l)[0])
	if err != nil {
		t.Fatal(err)
	}
	var out buffer
	r := remote.Run(context.Background(), c, `[ -t 1 ] && echo tty; stty size; printf 'get 10%%\rget 50%%\rget 100%%\n'; printf '\033[32mgreen\033[0m\n'`,
		remote.ExecOptions{PTY: true, Cols: 132, Rows: 43, Output: &out})
	if r.Exit != 0 {
		t.Fatalf("%+v %q", r, out.String())
	}
	s := out.String()
	for _, want := range []string{"tty", "43 132", "get 10%\rget 50%\rget 100%\r\n", "\x1b[32mgreen\x1b[0m"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q: %q", want, s)
		}
	}
	// Resize while running: the command sees the new size.
	var out2 buffer
	proc, err := c.Start(context.Background(), `read line; stty size`, remote.ExecOptions{PTY: true, Cols: 80, Rows: 24, Output: &out2})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	if err := proc.Resize(100, 30); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	proc.Write([]byte("go\r"))
	if r := proc.Wait(); r.Exit != 0 || !strings.Contains(out2.String(), "30 100") {
		t.Errorf("after resize: %+v %q", r, out2.String())
	}
}

func TestCancelStopsTheCommandNotTheConnection(t *testing.T) {
	l := sshlab.Start(t, 30, []string{"controller-0"})
	p := newPool(l, remote.Options{})
	defer p.Close()
	c, err := p.Get(context.Background(), targets(l)[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, pty := range []bool{true, false} {
		ctx, cancel := context.WithCancel(context.Background())
		var out buffer
		proc, err := c.Start(ctx, `echo started; sleep 30; echo not-interrupted`, remote.ExecOptions{PTY: pty, Output: &out, Grace: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		for !strings.Contains(out.String(), "started") {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
		r := proc.Wait()
		if r.Exit == 0 || strings.Contains(out.String(), "not-interrupted") {
			t.Errorf("pty=%v: the command was not stopped: %+v %q", pty, r, out.String())
		}
		if r.Err != nil {
			t.Errorf("pty=%v: cancel is not a lost host: %v", pty, r.Err)
		}
	}
	// The connection is still there for the next command.
	if r := remote.Run(context.Background(), c, "true", remote.ExecOptions{}); r.Exit != 0 || !c.Alive() {
		t.Errorf("after cancel: %+v alive=%v", r, c.Alive())
	}
}

func TestChangedHostKeyIsRefused(t *testing.T) {
	l := sshlab.Start(t, 40, []string{"controller-0", "controller-1"})
	l.Host("controller-1").Restart(true) // rebuilt: a new host key
	p := newPool(l, remote.Options{})
	defer p.Close()
	errs := p.Connect(context.Background(), targets(l))
	if len(errs) != 1 {
		t.Fatalf("errors: %v", errs)
	}
	var changed *remote.ChangedHostKeyError
	if !errors.As(errs["controller-1"], &changed) {
		t.Fatalf("controller-1: %v, want a changed host key", errs["controller-1"])
	}
	msg := changed.Error()
	for _, want := range []string{"CHANGED", l.KnownHostsFile + ":2", "SHA256:", "Not connecting"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	// Accept-new in ssh_config never accepts a changed key either.
	tg := targets(l)[1]
	tg.AcceptNew = true
	if _, err := p.Get(context.Background(), tg); !errors.As(err, &changed) {
		t.Errorf("with accept-new: %v", err)
	}
}

func TestUnknownHostsAreReviewedTogether(t *testing.T) {
	l := sshlab.Start(t, 50, six[:3])
	os.WriteFile(l.KnownHostsFile, nil, 0o600) // nobody known yet
	p := newPool(l, remote.Options{})
	defer p.Close()
	errs := p.Connect(context.Background(), targets(l))
	var unknown []*remote.UnknownHostError
	for name, err := range errs {
		var u *remote.UnknownHostError
		if !errors.As(err, &u) {
			t.Fatalf("%s: %v", name, err)
		}
		if got, want := u.Key.Marshal(), l.Host(name).HostKey.Marshal(); !bytes.Equal(got, want) {
			t.Errorf("%s: the presented key is not the host's", name)
		}
		unknown = append(unknown, u)
	}
	if len(unknown) != 3 {
		t.Fatalf("%d unknown hosts, want 3", len(unknown))
	}
	h := &remote.HostKeys{Files: []string{l.KnownHostsFile}, WriteFile: l.KnownHostsFile}
	if err := h.Add(unknown...); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(l.KnownHostsFile)
	if n := strings.Count(string(data), "\n"); n != 3 {
		t.Errorf("known_hosts has %d lines:\n%s", n, data)
	}
	if errs := p.Connect(context.Background(), targets(l)); len(errs) > 0 {
		t.Errorf("after accepting: %v", errs)
	}
}

// A host whose connection is killed mid-command is reported as lost at once;
// the other hosts finish their commands.
func TestKilledSessionIsReportedAndOthersFinish(t *testing.T) {
	l := sshlab.Start(t, 60, six[:3])
	p := newPool(l, remote.Options{})
	defer p.Close()
	ctx := context.Background()
	conns := map[string]*remote.Conn{}
	for _, tg := range targets(l) {
		c, err := p.Get(ctx, tg)
		if err != nil {
			t.Fatal(err)
		}
		conns[tg.Name] = c
	}
	type ended struct {
		name string
		r    remote.Result
		at   time.Time
	}
	done := make(chan ended, 3)
	var started atomic.Int32
	for name, c := range conns {
		go func(name string, c *remote.Conn) {
			var out buffer
			proc, err := c.Start(ctx, "echo started; sleep 3; echo finished", remote.ExecOptions{PTY: true, Output: &out})
			if err != nil {
				t.Error(err)
				return
			}
			for !strings.Contains(out.String(), "started") {
				time.Sleep(5 * time.Millisecond)
			}
			started.Add(1)
			done <- ended{name, proc.Wait(), time.Now()}
		}(name, c)
	}
	for started.Load() < 3 {
		time.Sleep(5 * time.Millisecond)
	}
	killedAt := time.Now()
	if n := l.Host("controller-1").KillSessions(); n == 0 {
		t.Fatal("no session process to kill")
	}
	first := <-done
	if first.name != "controller-1" {
		t.Fatalf("%s ended first (%+v); the killed host should", first.name, first.r)
	}
	var lost *remote.HostLostError
	if !errors.As(first.r.Err, &lost) || lost.Name != "controller-1" {
		t.Errorf("controller-1: %+v, want a lost host", first.r)
	}
	t.Logf("the killed session was reported %v after the kill", first.at.Sub(killedAt).Round(time.Millisecond))
	for i := 0; i < 2; i++ {
		e := <-done
		if e.r.Exit != 0 || e.r.Err != nil {
			t.Errorf("%s did not finish: %+v", e.name, e.r)
		}
	}
}

// A host that goes silent (packets dropped) is noticed by the keepalives,
// while the others' longer commands are still running.
func TestSilentHostIsNoticedByKeepalives(t *testing.T) {
	l := sshlab.Start(t, 70, six[:2])
	p := newPool(l, remote.Options{})
	defer p.Close()
	ctx := context.Background()
	quiet, _ := p.Get(ctx, targets(l)[0])
	busy, _ := p.Get(ctx, targets(l)[1])
	if quiet == nil || busy == nil {
		t.Fatal("no connection")
	}
	var out buffer
	slow, err := busy.Start(ctx, "sleep 10; echo done", remote.ExecOptions{Output: &out})
	if err != nil {
		t.Fatal(err)
	}
	proc, err := quiet.Start(ctx, "sleep 60", remote.ExecOptions{PTY: true})
	if err != nil {
		t.Fatal(err)
	}
	droppedAt := time.Now()
	l.Host("controller-0").DropTraffic(t)
	r := proc.Wait()
	var lost *remote.HostLostError
	if !errors.As(r.Err, &lost) || !strings.Contains(lost.Reason, "keepalive") {
		t.Fatalf("%+v, want a host lost to keepalives", r)
	}
	t.Logf("the silent host was reported %v after its packets were dropped", time.Since(droppedAt).Round(time.Millisecond))
	select {
	case <-time.After(0):
	default:
	}
	// The other host's 10 s command is still running: we did not wait for it.
	if strings.Contains(out.String(), "done") {
		t.Errorf("the silent host was noticed only after the 10 s command ended")
	}
	if r := slow.Wait(); r.Exit != 0 {
		t.Errorf("the other host: %+v", r)
	}
}

func TestSessionsBeyondTheLimitWaitTheirTurn(t *testing.T) {
	l := sshlab.Start(t, 80, []string{"controller-0"})
	p := newPool(l, remote.Options{})
	defer p.Close()
	c, err := p.Get(context.Background(), targets(l)[0])
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var failures atomic.Int32
	for i := 0; i < 25; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if r := remote.Run(context.Background(), c, "sleep 0.2", remote.ExecOptions{}); r.Exit != 0 || r.Err != nil {
				failures.Add(1)
				t.Log(r)
			}
		}()
	}
	wg.Wait()
	if failures.Load() > 0 {
		t.Errorf("%d of 25 concurrent sessions failed; sshd allows 10 at once and the rest must wait", failures.Load())
	}
}

// sshd's MaxStartups refuses connections beyond its limit of handshakes in
// progress; the pool retries them.
func TestHandshakeRetriedUnderMaxStartups(t *testing.T) {
	l := sshlab.Start(t, 90, []string{"controller-0"}, "MaxStartups 1:100:1")
	var wg sync.WaitGroup
	var failed atomic.Int32
	for i := 0; i < 12; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newPool(l, remote.Options{})
			defer p.Close()
			if _, err := p.Get(context.Background(), targets(l)[0]); err != nil {
				failed.Add(1)
				t.Log(err)
			}
		}()
	}
	wg.Wait()
	if failed.Load() > 0 {
		t.Errorf("%d of 12 simultaneous connections failed", failed.Load())
	}
}

func TestJumpHostAndSSHConfigAlias(t *testing.T) {
	l := sshlab.Start(t, 100, []string{"bastion", "controller-0"})
	cfg, err := remote.LoadSSHConfig(l.SSHConfigFile)
	if err != nil {
		t.Fatal(err)
	}
	// controller-0 is reached through bastion, both named by their aliases.
	specs := map[string]remote.Spec{"bastion": {Name: "bastion"}}
	tg, err := cfg.Resolve(remote.Spec{Name: "controller-0", Jump: "bastion"}, func(n string) (remote.Spec, bool) { s, ok := specs[n]; return s, ok })
	if err != nil {
		t.Fatal(err)
	}
	h := l.Host("controller-0")
	if tg.Host != h.Addr || tg.Port != h.Port || tg.Jump == nil || tg.Jump.Port != l.Host("bastion").Port || tg.KnownHostsFiles[0] != l.KnownHostsFile {
		t.Fatalf("resolved %+v (jump %+v)", tg, tg.Jump)
	}
	p := remote.NewPool(remote.Options{Auth: &remote.Auth{NoAgent: true}})
	defer p.Close()
	c, err := p.Get(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	var out buffer
	if r := remote.Run(context.Background(), c, `echo "$HARDWAY_LAB_HOST"`, remote.ExecOptions{Output: &out}); r.Exit != 0 || strings.TrimSpace(out.String()) != "controller-0" {
		t.Fatal(r, out.String())
	}
	// The path goes through bastion: when bastion's connection dies, so
	// does the one to controller-0.
	l.Host("bastion").KillSessions()
	select {
	case <-c.Done():
	case <-time.After(10 * time.Second):
		t.Error("controller-0's connection survived bastion's")
	}
}

func TestLocalPTY(t *testing.T) {
	var out buffer
	loc := &remote.Local{Name: "workstation", Dir: t.TempDir()}
	r := remote.Run(context.Background(), loc, `[ -t 1 ] && echo tty; stty size; pwd; exit 3`, remote.ExecOptions{PTY: true, Cols: 100, Rows: 20, Output: &out})
	if r.Exit != 3 || !strings.Contains(out.String(), "tty") || !strings.Contains(out.String(), "20 100") || !strings.Contains(out.String(), loc.Dir) {
		t.Errorf("%+v %q", r, out.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	out = buffer{}
	proc, _ := loc.Start(ctx, "echo started; sleep 30", remote.ExecOptions{PTY: true, Output: &out})
	for !strings.Contains(out.String(), "started") {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if r := proc.Wait(); r.Exit == 0 {
		t.Errorf("cancel: %+v", r)
	}
}
