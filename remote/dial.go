package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"strings"
	"syscall"
	"time"

	"golang.org/x/crypto/ssh"
)

func (p *Pool) dial(ctx context.Context, t Target) (*Conn, error) {
	cb, algos, err := p.hostKeyCallback(t)
	if err != nil {
		return nil, err
	}
	cfg := p.clientConfig(t, cb, algos)
	var client *ssh.Client
	var jump *Conn
	backoff := 50 * time.Millisecond
	for attempt := 0; ; attempt++ {
		// The jump host's connection is taken again at every attempt:
		// one that just dropped is replaced.
		if jump, err = p.jumpFor(ctx, t); err != nil {
			return nil, err
		}
		var via *ssh.Client
		if jump != nil {
			via = jump.client
		}
		client, err = p.handshake(ctx, t, via, cfg)
		if err == nil {
			break
		}
		if attempt >= p.opt.HandshakeRetries || !retryable(err) || ctx.Err() != nil {
			if hostKeyError(err) {
				return nil, hostKeyErrorOf(err)
			}
			return nil, &UnreachableError{Name: t.Name, Err: p.opt.Auth.explainAuth(t, err)}
		}
		// Jitter, so that clients refused together do not retry together.
		wait := backoff/2 + time.Duration(rand.Int64N(int64(backoff)))
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, &UnreachableError{Name: t.Name, Err: ctx.Err()}
		}
		backoff = min(backoff*2, time.Second)
	}
	c := &Conn{Target: t, client: client, jump: jump, sem: make(chan struct{}, p.opt.MaxSessions), done: make(chan struct{})}
	go c.keepalive(p.opt.KeepaliveInterval, p.opt.KeepaliveCount)
	go func() {
		err := client.Wait()
		reason := "the connection closed"
		if err != nil && !errors.Is(err, io.EOF) {
			reason = err.Error()
		}
		c.lost(reason)
	}()
	return c, nil
}

// jumpFor is the connection to t's jump host, nil without one. When keys
// on the way are unknown, the error carries them all, t's own included.
func (p *Pool) jumpFor(ctx context.Context, t Target) (*Conn, error) {
	if t.Jump == nil {
		return nil, nil
	}
	jump, err := p.Get(ctx, *t.Jump)
	if err != nil && onlyUnknown(err) {
		// Learn the target's key too, so that both are reviewed
		// together rather than one run each.
		if err := p.review(ctx, t); err != nil {
			return nil, err
		}
		jump, err = p.Get(ctx, *t.Jump) // known meanwhile
	}
	if err != nil {
		return nil, &UnreachableError{Name: t.Name, Err: fmt.Errorf("through %s: %w", t.Jump.Name, err)}
	}
	return jump, nil
}

func (p *Pool) clientConfig(t Target, cb ssh.HostKeyCallback, algos []string) *ssh.ClientConfig {
	return &ssh.ClientConfig{
		User:              t.User,
		HostKeyCallback:   cb,
		HostKeyAlgorithms: algos,
		Timeout:           p.opt.DialTimeout,
	}
}

// hostKeysFor is the known_hosts store of a target: the pool's, or the
// one for its ssh_config UserKnownHostsFile, kept for the pool's life so
// that keys accepted into os.DevNull hold for this run.
func (p *Pool) hostKeysFor(t Target) *HostKeys {
	if len(t.KnownHostsFiles) == 0 {
		return p.opt.HostKeys
	}
	key := strings.Join(t.KnownHostsFiles, "\x00")
	p.mu.Lock()
	defer p.mu.Unlock()
	hk := p.stores[key]
	if hk == nil {
		hk = &HostKeys{Files: t.KnownHostsFiles, WriteFile: t.KnownHostsFiles[0], Warn: p.opt.HostKeys.Warn}
		p.stores[key] = hk
	}
	return hk
}

// hostKeyCallback checks t's key, and refuses an unknown one outright under
// StrictHostKeyChecking yes.
func (p *Pool) hostKeyCallback(t Target) (ssh.HostKeyCallback, []string, error) {
	hk := p.hostKeysFor(t)
	cb, algos, err := hk.callback(t)
	if err != nil {
		return nil, nil, err
	}
	if !t.RefuseNew {
		return cb, algos, nil
	}
	return func(host string, remote net.Addr, key ssh.PublicKey) error {
		err := cb(host, remote, key)
		if u, ok := err.(*UnknownHostError); ok {
			files := append(append([]string(nil), hk.Files...), t.GlobalKnownHostsFiles...)
			return &NewHostRefusedError{Name: t.Name, Address: t.Address(), Key: u.Key, Files: files, At: t.origin("stricthostkeychecking")}
		}
		return err
	}, algos, nil
}

// handshake opens the transport to t and runs the SSH handshake on it. It
// ends as soon as ctx does (Ctrl-C), whatever the host does meanwhile.
func (p *Pool) handshake(ctx context.Context, t Target, via *ssh.Client, cfg *ssh.ClientConfig) (*ssh.Client, error) {
	dctx, cancel := context.WithTimeout(ctx, p.opt.DialTimeout)
	defer cancel()
	auth, release := p.opt.Auth.methods(t)
	defer release()
	withAuth := *cfg
	withAuth.Auth = auth
	nc, err := transport(dctx, t, via)
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(dctx, func() { nc.Close() })
	// The handshake itself must not outlive the dial timeout either.
	if deadline, ok := dctx.Deadline(); ok {
		nc.SetDeadline(deadline)
	}
	sc, chans, reqs, err := ssh.NewClientConn(nc, t.Address(), &withAuth)
	if !stop() && err == nil {
		sc.Close()
		err = dctx.Err()
	}
	if err != nil {
		nc.Close()
		if ctx.Err() != nil {
			return nil, fmt.Errorf("stopped: %w", ctx.Err())
		}
		if pc, ok := nc.(*proxyConn); ok && !hostKeyError(err) {
			return nil, pc.failure(err, t.origin("proxycommand"))
		}
		return nil, err
	}
	nc.SetDeadline(time.Time{})
	return ssh.NewClient(sc, chans, reqs), nil
}

// transport is the byte stream to t: a channel of its jump host's
// connection, its ProxyCommand, or a TCP connection.
func transport(ctx context.Context, t Target, via *ssh.Client) (net.Conn, error) {
	switch {
	case via != nil:
		return via.DialContext(ctx, "tcp", t.Address())
	case t.ProxyCommand != "":
		return startProxyCommand(t.ProxyCommand)
	}
	var d net.Dialer
	if t.BindAddress != "" {
		ip := net.ParseIP(t.BindAddress)
		if ip == nil {
			return nil, fmt.Errorf("BindAddress %q%s is not an address", t.BindAddress, t.origin("bindaddress"))
		}
		d.LocalAddr = &net.TCPAddr{IP: ip}
	}
	network := t.Network
	if network == "" {
		network = "tcp"
	}
	return d.DialContext(ctx, network, t.Address())
}

func hostKeyError(err error) bool { return hostKeyErrorOf(err) != nil }

// hostKeyErrorOf finds the host key verdict inside a handshake error.
func hostKeyErrorOf(err error) error {
	var uh *UnknownHostError
	var ch *ChangedHostKeyError
	var rh *RevokedHostKeyError
	var nh *NewHostRefusedError
	switch {
	case errors.As(err, &ch):
		return ch
	case errors.As(err, &rh):
		return rh
	case errors.As(err, &nh):
		return nh
	case errors.As(err, &uh):
		return uh
	}
	return nil
}

// retryable: the resets and EOFs of sshd's MaxStartups, and refused
// connections while a host's sshd restarts.
func retryable(err error) bool {
	var pe *proxyError
	if hostKeyError(err) || errors.As(err, &pe) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNREFUSED) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "connection reset") || strings.Contains(msg, "EOF") || strings.Contains(msg, "connection refused")
}
