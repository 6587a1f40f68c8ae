package remote

import (
	"bytes"
	"fmt"
	"net"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// hostCheck verifies one host's key against the known_hosts lines, with
// OpenSSH's rules (sshconnect.c check_host_key).
type hostCheck struct {
	t     Target
	lines []knownLine
	name  string // the known_hosts name: host, [host]:port or HostKeyAlias
	// portless is the name without its port, also tried (read only) for a
	// host on another port than 22 without a HostKeyAlias, as ssh does.
	portless string
}

func newHostCheck(t Target, lines []knownLine) hostCheck {
	c := hostCheck{t: t, lines: lines, name: knownHostsName(t.Host, t.Port, t.HostKeyAlias)}
	if t.HostKeyAlias == "" && t.Port != 22 {
		c.portless = knownHostsName(t.Host, 22, "")
	}
	return c
}

type hostStatus int

const (
	hostNew hostStatus = iota
	hostOK
	hostChanged
	hostRevoked
)

// lookup finds the lines for name: for a certificate, a @cert-authority
// with its signing key; for a plain key, the host's keys, any other one
// of which means CHANGED. A @revoked key or CA wins over all.
func (c hostCheck) lookup(name string, key ssh.PublicKey) (hostStatus, []knownLine) {
	cert, isCert := key.(*ssh.Certificate)
	status := hostNew
	var found []knownLine
	for _, l := range c.lines {
		if l.marker == markerRevoked || !l.matches(name) {
			continue
		}
		switch {
		case isCert && l.marker == markerCA && sameKey(l.key, cert.SignatureKey):
			return c.unlessRevoked(name, key, hostOK, []knownLine{l})
		case !isCert && l.marker == "" && sameKey(l.key, key):
			return c.unlessRevoked(name, key, hostOK, []knownLine{l})
		case !isCert && l.marker == "":
			status = hostChanged
			found = append(found, l)
		}
	}
	return c.unlessRevoked(name, key, status, found)
}

func (c hostCheck) unlessRevoked(name string, key ssh.PublicKey, status hostStatus, found []knownLine) (hostStatus, []knownLine) {
	if l, ok := c.revoked(name, key); ok {
		return hostRevoked, []knownLine{l}
	}
	return status, found
}

// revoked finds a @revoked line for the key, or for the CA of a certificate.
func (c hostCheck) revoked(name string, key ssh.PublicKey) (knownLine, bool) {
	plain := key
	var ca ssh.PublicKey
	if cert, ok := key.(*ssh.Certificate); ok {
		plain, ca = cert.Key, cert.SignatureKey
	}
	for _, l := range c.lines {
		if l.marker != markerRevoked || !l.matches(name) {
			continue
		}
		if sameKey(l.key, plain) || (ca != nil && sameKey(l.key, ca)) {
			return l, true
		}
	}
	return knownLine{}, false
}

func sameKey(a, b ssh.PublicKey) bool { return bytes.Equal(a.Marshal(), b.Marshal()) }

// verify is the whole rule: a certificate is accepted through a matching
// CA when it is valid for the host; otherwise (no CA, or the certificate
// does not hold) its plain key is checked like any host key.
func (c hostCheck) verify(key ssh.PublicKey) error {
	t := c.t
	note := ""
	if cert, ok := key.(*ssh.Certificate); ok {
		if cert.CertType != ssh.HostCert {
			return fmt.Errorf("%s (%s) presented a user certificate as its host key", t.Name, t.Address())
		}
		for _, name := range c.names() {
			status, found := c.lookup(name, cert)
			switch status {
			case hostRevoked:
				return &RevokedHostKeyError{Name: t.Name, Address: t.Address(), Key: cert, At: found[0].where()}
			case hostOK:
				err := (&ssh.CertChecker{}).CheckCert(c.principal(), cert)
				if err == nil {
					return nil
				}
				note = fmt.Sprintf("its certificate, signed by the CA at %s, is not valid for it: %v", found[0].where(), strings.TrimPrefix(err.Error(), "ssh: "))
			}
		}
		if note == "" {
			note = "it presented a certificate from a CA that known_hosts does not trust for it"
		}
		key = cert.Key
	}
	status, found := c.lookup(c.name, key)
	switch status {
	case hostOK:
		return nil
	case hostRevoked:
		return &RevokedHostKeyError{Name: t.Name, Address: t.Address(), Key: key, At: found[0].where()}
	case hostChanged:
		var known []knownhosts.KnownKey
		for _, l := range found {
			known = append(known, knownhosts.KnownKey{Key: l.key, Filename: l.file, Line: l.line})
		}
		return &ChangedHostKeyError{Name: t.Name, Address: t.Address(), Key: key, Known: known, knownAs: c.name}
	}
	if c.portless != "" {
		// Read only: a key recorded without the port is accepted, a
		// different one there is not a CHANGED key for this port.
		switch status, found := c.lookup(c.portless, key); status {
		case hostOK:
			return nil
		case hostRevoked:
			return &RevokedHostKeyError{Name: t.Name, Address: t.Address(), Key: key, At: found[0].where()}
		}
	}
	return &UnknownHostError{Name: t.Name, Address: t.Address(), Key: key, Note: note, knowAs: c.name, hash: t.HashKnownHosts}
}

func (c hostCheck) names() []string {
	if c.portless != "" {
		return []string{c.name, c.portless}
	}
	return []string{c.name}
}

// principal is the name a host certificate must list: the HostKeyAlias,
// else the host name (without the port).
func (c hostCheck) principal() string {
	if c.t.HostKeyAlias != "" {
		return c.t.HostKeyAlias
	}
	return strings.ToLower(c.t.Host)
}

// algorithms are the host key algorithms to offer, in preference order:
// certificates first when a CA is trusted for the host, then the types
// known_hosts records for it. Offering only those avoids a false CHANGED
// when the server would otherwise pick another key type than the one
// recorded (golang/go#49631), as ssh orders them. nil is the default list.
func (c hostCheck) algorithms() []string {
	ca := false
	var plain []string
	seen := map[string]bool{}
	for _, name := range c.names() {
		for _, l := range c.lines {
			if !l.matches(name) {
				continue
			}
			switch l.marker {
			case markerCA:
				ca = true
			case "":
				for _, a := range algorithmsFor(l.key.Type()) {
					if !seen[a] {
						seen[a] = true
						plain = append(plain, a)
					}
				}
			}
		}
		if len(plain) > 0 {
			break
		}
	}
	if len(plain) == 0 {
		return nil
	}
	if ca {
		return append(append([]string(nil), certAlgorithms...), plain...)
	}
	return plain
}

var certAlgorithms = []string{
	ssh.CertAlgoED25519v01, ssh.CertAlgoECDSA256v01, ssh.CertAlgoECDSA384v01, ssh.CertAlgoECDSA521v01,
	ssh.CertAlgoRSASHA512v01, ssh.CertAlgoRSASHA256v01,
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

// callback returns the HostKeyCallback for one host and the host key
// algorithms to offer it. The files are read once per connection, so a key
// recorded by another program meanwhile counts.
func (h *HostKeys) callback(t Target) (ssh.HostKeyCallback, []string, error) {
	lines, err := h.lines(t.GlobalKnownHostsFiles)
	if err != nil {
		return nil, nil, err
	}
	c := newHostCheck(t, lines)
	cb := func(_ string, _ net.Addr, key ssh.PublicKey) error {
		err := c.verify(key)
		if u, ok := err.(*UnknownHostError); ok {
			u.store = h
		}
		return err
	}
	return cb, c.algorithms(), nil
}
