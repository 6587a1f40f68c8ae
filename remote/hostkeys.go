package remote

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// HostKeys checks host keys against known_hosts files as OpenSSH does,
// strictly: a changed or revoked key is refused, a host certificate is
// trusted through its @cert-authority, an unknown key is reported
// (UnknownHostError) for the caller to present and, once the learner
// agrees, to Add.
type HostKeys struct {
	// Files are read in order; missing files are fine.
	Files []string
	// WriteFile receives keys the learner accepts (usually Files[0]).
	WriteFile string
	// Warn receives each known_hosts line that is skipped because it does
	// not parse, once; nil writes them to stderr.
	Warn func(msg string)

	mu       sync.Mutex
	accepted []knownLine // keys accepted in this run, also those recorded nowhere (os.DevNull)
	warned   map[string]bool
}

// UnknownHostError: the host is not in known_hosts. Its key is kept so that
// every unknown host can be shown together, fingerprints and all.
type UnknownHostError struct {
	Name    string // the inventory name
	Address string // host:port as dialled
	Key     ssh.PublicKey
	// Note says why a certificate the host presented was not enough, if
	// it presented one.
	Note string

	store  *HostKeys // where Add records it
	knowAs string    // the known_hosts name: [host]:port, or a HostKeyAlias
	hash   bool      // HashKnownHosts
}

func (e *UnknownHostError) Error() string {
	s := fmt.Sprintf("%s (%s) is not in known_hosts: it presents %s %s", e.Name, e.Address, e.Key.Type(), ssh.FingerprintSHA256(e.Key))
	if e.Note != "" {
		s += " (" + e.Note + ")"
	}
	return s
}

// File is where Add will record the key.
func (e *UnknownHostError) File() string {
	if e.store == nil {
		return ""
	}
	return e.store.WriteFile
}

// ChangedHostKeyError: known_hosts has another key for this host. hardway
// never connects then: the machine was rebuilt, or someone is in between.
type ChangedHostKeyError struct {
	Name    string
	Address string
	Key     ssh.PublicKey
	Known   []knownhosts.KnownKey
	knownAs string
}

func (e *ChangedHostKeyError) Error() string {
	var old []string
	for _, k := range e.Known {
		old = append(old, fmt.Sprintf("%s %s at %s:%d", k.Key.Type(), ssh.FingerprintSHA256(k.Key), k.Filename, k.Line))
	}
	return fmt.Sprintf("the host key of %s (%s) has CHANGED: it now presents %s %s, but known_hosts has %s. "+
		"If the machine was rebuilt, remove the old line (ssh-keygen -R %s); otherwise someone may be intercepting the connection. Not connecting.",
		e.Name, e.Address, e.Key.Type(), ssh.FingerprintSHA256(e.Key), strings.Join(old, "; "), e.knownAs)
}

// RevokedHostKeyError: the host's key, or the CA that signed its
// certificate, is marked @revoked. ssh refuses it; so does hardway.
type RevokedHostKeyError struct {
	Name    string
	Address string
	Key     ssh.PublicKey
	At      string // file:line of the @revoked line
}

func (e *RevokedHostKeyError) Error() string {
	return fmt.Sprintf("the host key of %s (%s), %s %s, is REVOKED (@revoked at %s): a stolen key may be impersonating the host. Not connecting.",
		e.Name, e.Address, e.Key.Type(), ssh.FingerprintSHA256(e.Key), e.At)
}

// NewHostRefusedError: the host is not in known_hosts and ssh_config says
// StrictHostKeyChecking yes, so nobody is asked: ssh would not connect.
type NewHostRefusedError struct {
	Name    string
	Address string
	Key     ssh.PublicKey
	Files   []string // the known_hosts files looked in
	At      string   // where StrictHostKeyChecking yes is set
}

func (e *NewHostRefusedError) Error() string {
	return fmt.Sprintf("%s (%s) is not in known_hosts (%s) and StrictHostKeyChecking is yes%s: not connecting, as ssh would not. "+
		"It presents %s %s; if the machine's console shows that fingerprint, add the key to known_hosts, or set StrictHostKeyChecking ask for this host.",
		e.Name, e.Address, strings.Join(e.Files, ", "), e.At, e.Key.Type(), ssh.FingerprintSHA256(e.Key))
}

func (h *HostKeys) warn(msg string) {
	h.mu.Lock()
	if h.warned == nil {
		h.warned = map[string]bool{}
	}
	seen := h.warned[msg]
	h.warned[msg] = true
	h.mu.Unlock()
	if seen {
		return
	}
	if h.Warn != nil {
		h.Warn(msg)
		return
	}
	fmt.Fprintln(os.Stderr, "hardway: warning: known_hosts "+msg)
}

// lines reads the files that apply to one connection: the keys accepted
// in this run, then Files, then the global files.
func (h *HostKeys) lines(global []string) ([]knownLine, error) {
	h.mu.Lock()
	out := append([]knownLine(nil), h.accepted...)
	h.mu.Unlock()
	for _, f := range append(append([]string(nil), h.Files...), global...) {
		ls, err := readKnownHosts(f, h.warn)
		if err != nil {
			return nil, err
		}
		out = append(out, ls...)
	}
	return out, nil
}

// Add records accepted host keys, one line each as OpenSSH writes them:
// in the file of the known_hosts they were looked up in (ssh_config's
// UserKnownHostsFile, else WriteFile), hashed when HashKnownHosts says so
// or the file's names are already hashed. A key recorded in os.DevNull is
// kept for this run only, as ssh keeps it.
func (h *HostKeys) Add(hosts ...*UnknownHostError) error {
	var errs []error
	done := map[string]bool{}
	for _, u := range hosts {
		store := h
		if u.store != nil {
			store = u.store
		}
		id := store.WriteFile + "\x00" + u.knowAs + "\x00" + string(u.Key.Marshal())
		if done[id] {
			continue
		}
		done[id] = true
		if err := store.add(u); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (h *HostKeys) add(u *UnknownHostError) error {
	if h.WriteFile == "" {
		return errors.New("no known_hosts file to record the new host keys in")
	}
	name := u.knowAs
	if name == "" {
		name = u.Address
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.WriteFile != os.DevNull {
		if err := os.MkdirAll(filepath.Dir(h.WriteFile), 0o700); err != nil {
			return err
		}
	}
	hashed := u.hash || fileIsHashed(h.WriteFile)
	f, err := os.OpenFile(h.WriteFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(knownLineText(name, u.Key, hashed) + "\n"); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	h.accepted = append(h.accepted, knownLine{hosts: name, key: u.Key})
	return nil
}

// UnknownHosts returns every unknown host key an error carries: a host's
// own and those of the jump hosts on its way, for one review.
func UnknownHosts(err error) []*UnknownHostError {
	var out []*UnknownHostError
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *UnknownHostError:
			out = append(out, e)
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
	return out
}

// AppendUnknown adds the unknown host keys err carries to list, each key
// of each host once.
func AppendUnknown(list []*UnknownHostError, err error) []*UnknownHostError {
	for _, u := range UnknownHosts(err) {
		dup := false
		for _, have := range list {
			if have.Address == u.Address && have.knowAs == u.knowAs && string(have.Key.Marshal()) == string(u.Key.Marshal()) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, u)
		}
	}
	return list
}
