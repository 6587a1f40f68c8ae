package remote

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// HostKeys checks host keys against known_hosts files, strictly: a changed
// key is refused, an unknown one is reported (UnknownHostError) for the
// caller to present and, once the learner agrees, to Add.
type HostKeys struct {
	// Files are read in order; missing files are fine.
	Files []string
	// WriteFile receives keys the learner accepts (usually Files[0]).
	WriteFile string

	mu sync.Mutex
}

// UnknownHostError: the host is not in known_hosts. Its key is kept so that
// every unknown host can be shown together, fingerprints and all.
type UnknownHostError struct {
	Name    string // the inventory name
	Address string // host:port as dialled
	Key     ssh.PublicKey
}

func (e *UnknownHostError) Error() string {
	return fmt.Sprintf("%s (%s) is not in known_hosts: it presents %s %s", e.Name, e.Address, e.Key.Type(), ssh.FingerprintSHA256(e.Key))
}

// ChangedHostKeyError: known_hosts has another key for this host. hardway
// never connects then: the machine was rebuilt, or someone is in between.
type ChangedHostKeyError struct {
	Name    string
	Address string
	Key     ssh.PublicKey
	Known   []knownhosts.KnownKey
}

func (e *ChangedHostKeyError) Error() string {
	var old []string
	for _, k := range e.Known {
		old = append(old, fmt.Sprintf("%s %s at %s:%d", k.Key.Type(), ssh.FingerprintSHA256(k.Key), k.Filename, k.Line))
	}
	return fmt.Sprintf("the host key of %s (%s) has CHANGED: it now presents %s %s, but known_hosts has %s. "+
		"If the machine was rebuilt, remove the old line (ssh-keygen -R %s); otherwise someone may be intercepting the connection. Not connecting.",
		e.Name, e.Address, e.Key.Type(), ssh.FingerprintSHA256(e.Key), strings.Join(old, "; "), knownHostsName(e.Address))
}

// knownHostsName is how ssh-keygen -R names an address: host, or [host]:port.
func knownHostsName(address string) string { return knownhosts.Normalize(address) }

func (h *HostKeys) existing() []string {
	var out []string
	for _, f := range h.Files {
		if _, err := os.Stat(f); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// callback returns the HostKeyCallback for one host, and the host key
// algorithms known_hosts records for it, in preference order. Offering only
// those avoids a false "key mismatch" when the server would otherwise pick
// another key type than the one recorded (golang/go#49631).
func (h *HostKeys) callback(name, address string) (ssh.HostKeyCallback, []string, error) {
	files := h.existing()
	var db ssh.HostKeyCallback
	if len(files) > 0 {
		var err error
		db, err = knownhosts.New(files...)
		if err != nil {
			return nil, nil, fmt.Errorf("known_hosts: %w", err)
		}
	}
	algos := h.recordedAlgorithms(db, address)
	cb := func(hostname string, remote net.Addr, key ssh.PublicKey) error {
		if db == nil {
			return &UnknownHostError{Name: name, Address: address, Key: key}
		}
		err := db(address, remote, key)
		var ke *knownhosts.KeyError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &ke) && len(ke.Want) == 0:
			return &UnknownHostError{Name: name, Address: address, Key: key}
		case errors.As(err, &ke):
			return &ChangedHostKeyError{Name: name, Address: address, Key: key, Known: ke.Want}
		}
		return err
	}
	return cb, algos, nil
}

// recordedAlgorithms asks the known_hosts database which keys it holds for
// the address by presenting a throwaway key: the resulting KeyError lists them.
func (h *HostKeys) recordedAlgorithms(db ssh.HostKeyCallback, address string) []string {
	if db == nil {
		return nil
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	probe, _ := ssh.NewPublicKey(pub)
	err := db(address, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}, probe)
	var ke *knownhosts.KeyError
	if !errors.As(err, &ke) {
		return nil
	}
	var algos []string
	seen := map[string]bool{}
	for _, k := range ke.Want {
		for _, a := range algorithmsFor(k.Key.Type()) {
			if !seen[a] {
				seen[a] = true
				algos = append(algos, a)
			}
		}
	}
	return algos
}

// algorithmsFor maps a key type to the signature algorithms that use it.
func algorithmsFor(keyType string) []string {
	switch keyType {
	case ssh.KeyAlgoRSA:
		return []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}
	case ssh.CertAlgoRSAv01:
		return []string{ssh.CertAlgoRSASHA512v01, ssh.CertAlgoRSASHA256v01, ssh.CertAlgoRSAv01}
	}
	return []string{keyType}
}

// Add records accepted host keys in WriteFile, one line each, as OpenSSH
// writes them.
func (h *HostKeys) Add(hosts ...*UnknownHostError) error {
	if len(hosts) == 0 {
		return nil
	}
	if h.WriteFile == "" {
		return errors.New("no known_hosts file to record the new host keys in")
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(h.WriteFile), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(h.WriteFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, u := range hosts {
		b.WriteString(knownhosts.Line([]string{knownhosts.Normalize(u.Address)}, u.Key))
		b.WriteByte('\n')
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
