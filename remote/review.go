package remote

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"golang.org/x/crypto/ssh"
)

// A target behind a jump host that is not in known_hosts yet: ssh would ask
// about the jump host, connect, then ask about the target. hardway asks
// once, for both. To learn the target's key it connects through the jump
// host provisionally, trusting only the key the jump host just presented,
// with public-key authentication (which gives nothing away to whoever holds
// that key) and no agent forwarding; it runs nothing there, does not even
// authenticate to the target, and closes it all. Nothing is trusted for
// real until the learner accepts the keys.

// errKeyLearned ends a handshake once the host has shown its key.
var errKeyLearned = errors.New("host key learned")

// unknownHostsError carries every unknown key on the way to a target, jump
// hosts first. errors.As finds the first; UnknownHosts lists them all.
type unknownHostsError []*UnknownHostError

func (e unknownHostsError) Error() string {
	var msgs []string
	for _, u := range e {
		msgs = append(msgs, u.Error())
	}
	return strings.Join(msgs, "; ")
}

func (e unknownHostsError) Unwrap() []error {
	out := make([]error, len(e))
	for i, u := range e {
		out[i] = u
	}
	return out
}

// onlyUnknown: the connection failed only because keys are not known yet.
func onlyUnknown(err error) bool {
	switch err.(type) {
	case *UnknownHostError, unknownHostsError:
		return true
	}
	return false
}

// review returns every unknown key on the way to t, whose jump host (or a
// host before it) is unknown; or what else stops the way; nil when nothing
// on the way is unknown any more.
func (p *Pool) review(ctx context.Context, t Target) error {
	var seen []*UnknownHostError
	via, closeVia, err := p.trialHop(ctx, *t.Jump, &seen)
	if err != nil {
		if hostKeyError(err) {
			return hostKeyErrorOf(err)
		}
		return &UnreachableError{Name: t.Name, Err: fmt.Errorf("through %s: %w", t.Jump.Name, err)}
	}
	defer closeVia()
	cb, algos, err := p.trialCallback(t, &seen, false)
	if err != nil {
		return err
	}
	_, err = p.handshake(ctx, t, via, p.clientConfig(t, cb, algos))
	switch {
	case errors.Is(err, errKeyLearned):
	case hostKeyError(err):
		return hostKeyErrorOf(err)
	case err != nil:
		return &UnreachableError{Name: t.Name, Err: err}
	}
	if len(seen) == 0 {
		return nil // the way became known meanwhile
	}
	return unknownHostsError(seen)
}

// trialHop connects to a jump host: through the pool when its key is
// known, else provisionally, noting its key in seen.
func (p *Pool) trialHop(ctx context.Context, hop Target, seen *[]*UnknownHostError) (*ssh.Client, func(), error) {
	c, err := p.Get(ctx, hop)
	if err == nil {
		return c.client, func() {}, nil
	}
	if !onlyUnknown(err) {
		return nil, nil, err
	}
	var via *ssh.Client
	closeVia := func() {}
	if hop.Jump != nil {
		if via, closeVia, err = p.trialHop(ctx, *hop.Jump, seen); err != nil {
			return nil, nil, err
		}
	}
	cb, algos, err := p.trialCallback(hop, seen, true)
	if err != nil {
		closeVia()
		return nil, nil, err
	}
	client, err := p.handshake(ctx, hop, via, p.clientConfig(hop, cb, algos))
	if err != nil {
		closeVia()
		if hostKeyError(err) {
			return nil, nil, hostKeyErrorOf(err)
		}
		return nil, nil, &UnreachableError{Name: hop.Name, Err: p.opt.Auth.explainAuth(hop, err)}
	}
	return client, func() { client.Close(); closeVia() }, nil
}

// trialCallback notes an unknown key in seen; pass lets the handshake go on
// with it (a jump host), else the handshake ends once the key is known.
func (p *Pool) trialCallback(t Target, seen *[]*UnknownHostError, pass bool) (ssh.HostKeyCallback, []string, error) {
	cb, algos, err := p.hostKeyCallback(t)
	if err != nil {
		return nil, nil, err
	}
	return func(host string, remote net.Addr, key ssh.PublicKey) error {
		err := cb(host, remote, key)
		if u, ok := err.(*UnknownHostError); ok {
			*seen = append(*seen, u)
			err = nil
		}
		if err == nil && !pass {
			return errKeyLearned
		}
		return err
	}, algos, nil
}
