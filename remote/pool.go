package remote

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/crypto/ssh"
)

// Options of a Pool; zero values take the defaults below.
type Options struct {
	HostKeys *HostKeys
	Auth     *Auth
	// KeepaliveInterval between keepalive requests, and KeepaliveCount
	// unanswered in a row before the host is declared lost: a host that
	// silently drops off is noticed within Interval*(Count+1).
	KeepaliveInterval time.Duration
	KeepaliveCount    int
	DialTimeout       time.Duration
	// MaxSessions per connection at once; sshd's MaxSessions default is 10.
	// More wait their turn.
	MaxSessions int
	// HandshakeRetries: sshd's MaxStartups drops connections beyond its
	// limit of unauthenticated ones, which shows as a reset or EOF during
	// the handshake; such dials are retried with backoff.
	HandshakeRetries int
}

const (
	DefaultKeepaliveInterval = time.Second
	DefaultKeepaliveCount    = 3
	DefaultDialTimeout       = 10 * time.Second
	DefaultMaxSessions       = 10
	DefaultHandshakeRetries  = 10
)

// Pool keeps one SSH connection per host for the whole walkthrough.
type Pool struct {
	opt    Options
	mu     sync.Mutex
	conns  map[string]*Conn     // by Target.route()
	stores map[string]*HostKeys // per ssh_config UserKnownHostsFile list
}

// NewPool returns an empty pool; connections are made on first use.
func NewPool(opt Options) *Pool {
	if opt.KeepaliveInterval == 0 {
		opt.KeepaliveInterval = DefaultKeepaliveInterval
	}
	if opt.KeepaliveCount == 0 {
		opt.KeepaliveCount = DefaultKeepaliveCount
	}
	if opt.DialTimeout == 0 {
		opt.DialTimeout = DefaultDialTimeout
	}
	if opt.MaxSessions == 0 {
		opt.MaxSessions = DefaultMaxSessions
	}
	if opt.HandshakeRetries == 0 {
		opt.HandshakeRetries = DefaultHandshakeRetries
	}
	if opt.Auth == nil {
		opt.Auth = &Auth{}
	}
	if opt.HostKeys == nil {
		opt.HostKeys = &HostKeys{}
	}
	return &Pool{opt: opt, conns: map[string]*Conn{}, stores: map[string]*HostKeys{}}
}

// HostLostError: the connection to a host broke (session killed, host
// crashed, keepalives unanswered). Other hosts are unaffected.
type HostLostError struct {
	Name   string
	Reason string
}

func (e *HostLostError) Error() string {
	return fmt.Sprintf("lost the connection to %s: %s", e.Name, e.Reason)
}

// UnreachableError: no connection could be made to a host.
type UnreachableError struct {
	Name string
	Err  error
}

func (e *UnreachableError) Error() string { return fmt.Sprintf("cannot reach %s: %v", e.Name, e.Err) }
func (e *UnreachableError) Unwrap() error { return e.Err }

// Conn is the connection to one host.
type Conn struct {
	Target Target
	client *ssh.Client
	jump   *Conn
	sem    chan struct{}
	done   chan struct{} // closed when the connection is gone
	mu     sync.Mutex
	err    error // why it is gone
}

// Get returns the host's connection, dialling it when there is none or the
// previous one was lost.
func (p *Pool) Get(ctx context.Context, t Target) (*Conn, error) {
	if t.Local {
		return nil, fmt.Errorf("%s is the local workstation: run its commands with Local", t.Name)
	}
	key := t.route()
	p.mu.Lock()
	c := p.conns[key]
	p.mu.Unlock()
	if c != nil && c.Alive() {
		return c, nil
	}
	c, err := p.dial(ctx, t)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	if old := p.conns[key]; old != nil && old.Alive() {
		// Another goroutine won the race; keep one connection per host.
		p.mu.Unlock()
		c.Close()
		return old, nil
	}
	p.conns[key] = c
	p.mu.Unlock()
	return c, nil
}

// Connect dials every target at once and returns, for each that failed, its
// error; unknown host keys come back as *UnknownHostError so the caller can
// present them together (UnknownHosts lists them all: a target behind an
// unknown jump host carries both keys).
func (p *Pool) Connect(ctx context.Context, targets []Target) map[string]error {
	var mu sync.Mutex
	errs := map[string]error{}
	var wg sync.WaitGroup
	for _, t := range targets {
		if t.Local {
			continue
		}
		wg.Add(1)
		go func(t Target) {
			defer wg.Done()
			if _, err := p.Get(ctx, t); err != nil {
				mu.Lock()
				errs[t.Name] = err
				mu.Unlock()
			}
		}(t)
	}
	wg.Wait()
	return errs
}

// Close closes every connection.
func (p *Pool) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = map[string]*Conn{}
}

// keepalive sends keepalive@openssh.com requests; a host that stops
// answering (link down, packets dropped) is declared lost, which fails every
// session on it at once instead of letting them hang.
func (c *Conn) keepalive(interval time.Duration, count int) {
	t := time.NewTicker(interval)
	defer t.Stop()
	answered := make(chan struct{}, 1)
	inFlight := false
	var since time.Time
	for {
		select {
		case <-c.done:
			return
		case <-answered:
			inFlight = false
		case now := <-t.C:
			if inFlight {
				if now.Sub(since) > interval*time.Duration(count) {
					c.lost(fmt.Sprintf("no answer to keepalives for %s", now.Sub(since).Round(time.Second)))
					return
				}
				continue
			}
			inFlight, since = true, now
			go func() {
				if _, _, err := c.client.SendRequest("keepalive@openssh.com", true, nil); err == nil {
					select {
					case answered <- struct{}{}:
					default:
					}
				}
			}()
		}
	}
}

func (c *Conn) lost(reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return
	}
	c.err = &HostLostError{Name: c.Target.Name, Reason: reason}
	close(c.done)
	c.client.Close()
}

// Alive reports whether the connection still stands.
func (c *Conn) Alive() bool {
	select {
	case <-c.done:
		return false
	default:
		return true
	}
}

// Err is why the connection is gone, or nil.
func (c *Conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Done is closed when the connection is gone.
func (c *Conn) Done() <-chan struct{} { return c.done }

// Close ends the connection.
func (c *Conn) Close() { c.lost("closed by hardway") }

// Connected reports whether the pool holds a live connection to the host.
func (p *Pool) Connected(name string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		if c.Target.Name == name && c.Alive() {
			return true
		}
	}
	return false
}
