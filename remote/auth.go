package remote

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// Auth gathers the keys a connection offers, in ssh's order: the identity
// files that the agent holds (used through the agent, so an encrypted one
// needs no passphrase), the agent's other keys (not under IdentitiesOnly),
// then the other identity files. A file readable by others is refused, as
// ssh refuses it. A passphrase-protected file asks Passphrase once; its
// decrypted key is kept in memory only.
type Auth struct {
	// Passphrase asks for a key file's passphrase; nil means such files
	// are skipped (with the reason kept for the error message).
	Passphrase func(file string) ([]byte, error)
	// NoAgent ignores SSH_AUTH_SOCK (tests); an IdentityAgent set in
	// ssh_config is still used.
	NoAgent bool

	mu      sync.Mutex
	signers map[string]ssh.Signer // by file
	failed  map[string]error      // files that cannot be used, and why
	pubs    map[string]ssh.PublicKey
	skipped map[string][]string // by target route: why keys were left out of its last attempt
}

// defaultIdentityFiles are OpenSSH's, tried when a host names none.
func defaultIdentityFiles() []string {
	d := filepath.Join(homeDir(), ".ssh")
	return []string{filepath.Join(d, "id_rsa"), filepath.Join(d, "id_ecdsa"), filepath.Join(d, "id_ed25519")}
}

// methods returns the authentication of one handshake, and a function that
// releases what it opened (the agent connection) once the handshake ends.
func (a *Auth) methods(t Target) ([]ssh.AuthMethod, func()) {
	var opened []net.Conn
	var mu sync.Mutex
	release := func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range opened {
			c.Close()
		}
	}
	cb := func() ([]ssh.Signer, error) {
		var agentKeys []ssh.Signer
		if conn := a.dialAgent(t); conn != nil {
			mu.Lock()
			opened = append(opened, conn)
			mu.Unlock()
			agentKeys, _ = agent.NewClient(conn).Signers()
		}
		signers, skipped := a.offer(t, agentKeys)
		a.mu.Lock()
		if a.skipped == nil {
			a.skipped = map[string][]string{}
		}
		a.skipped[t.route()] = skipped
		a.mu.Unlock()
		if len(signers) == 0 {
			if len(skipped) > 0 {
				return nil, errors.New(strings.Join(skipped, "; "))
			}
			return nil, errors.New("no key to offer: no ssh-agent key and no identity file")
		}
		return signers, nil
	}
	return []ssh.AuthMethod{ssh.PublicKeysCallback(cb)}, release
}

// dialAgent connects to the host's agent, or returns nil: a stale socket is
// not an error, the files remain.
func (a *Auth) dialAgent(t Target) net.Conn {
	sock := t.IdentityAgent
	switch {
	case sock == "none":
		return nil
	case sock == "" && a.NoAgent:
		return nil
	case sock == "":
		sock = os.Getenv("SSH_AUTH_SOCK")
	}
	if sock == "" {
		return nil
	}
	conn, err := net.Dial("unix", sock)
	if err != nil {
		return nil
	}
	return conn
}

// offer orders the keys as ssh does and says why any identity file is left out.
func (a *Auth) offer(t Target, agentKeys []ssh.Signer) ([]ssh.Signer, []string) {
	files := t.IdentityFiles
	explicit := len(files) > 0
	if !explicit {
		files = defaultIdentityFiles()
	}
	var out []ssh.Signer
	var skipped []string
	used := map[string]bool{}
	var rest []string
	for _, f := range files {
		if s := agentSignerFor(agentKeys, a.publicKey(f)); s != nil {
			out = append(out, s)
			used[string(s.PublicKey().Marshal())] = true
			continue
		}
		rest = append(rest, f)
	}
	if !t.IdentitiesOnly {
		for _, s := range agentKeys {
			if !used[string(s.PublicKey().Marshal())] {
				out = append(out, s)
			}
		}
	}
	for _, f := range rest {
		s, err := a.signer(f)
		switch {
		case err == nil:
			out = append(out, s)
		case explicit || !errors.Is(err, os.ErrNotExist):
			skipped = append(skipped, err.Error())
		}
	}
	return out, skipped
}

func agentSignerFor(agentKeys []ssh.Signer, pub ssh.PublicKey) ssh.Signer {
	if pub == nil {
		return nil
	}
	for _, s := range agentKeys {
		if sameKey(s.PublicKey(), pub) {
			return s
		}
	}
	return nil
}

// publicKey is an identity file's public key, without its passphrase: from
// FILE.pub, or the part of the private key file that is not encrypted.
func (a *Auth) publicKey(file string) ssh.PublicKey {
	a.mu.Lock()
	defer a.mu.Unlock()
	if pub, ok := a.pubs[file]; ok {
		return pub
	}
	var pub ssh.PublicKey
	if data, err := os.ReadFile(file + ".pub"); err == nil {
		pub, _, _, _, _ = ssh.ParseAuthorizedKey(data)
	}
	if pub == nil {
		if data, err := os.ReadFile(file); err == nil {
			s, err := ssh.ParsePrivateKey(data)
			var missing *ssh.PassphraseMissingError
			switch {
			case err == nil:
				pub = s.PublicKey()
			case errors.As(err, &missing):
				pub = missing.PublicKey
			}
		}
	}
	if a.pubs == nil {
		a.pubs = map[string]ssh.PublicKey{}
	}
	a.pubs[file] = pub
	return pub
}

// signer loads a key file once; its failure is kept too.
func (a *Auth) signer(file string) (ssh.Signer, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if s, ok := a.signers[file]; ok {
		return s, nil
	}
	if err, ok := a.failed[file]; ok {
		return nil, err
	}
	s, err := a.load(file)
	if err != nil {
		if a.failed == nil {
			a.failed = map[string]error{}
		}
		a.failed[file] = err
		return nil, err
	}
	if a.signers == nil {
		a.signers = map[string]ssh.Signer{}
	}
	a.signers[file] = s
	return s, nil
}

func (a *Auth) load(file string) (ssh.Signer, error) {
	if err := checkKeyMode(file); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("identity file: %w", err)
	}
	s, err := ssh.ParsePrivateKey(data)
	var missing *ssh.PassphraseMissingError
	if errors.As(err, &missing) {
		if a.Passphrase == nil {
			return nil, fmt.Errorf("identity file %s is protected by a passphrase: load it into ssh-agent (ssh-add %s), or run hardway on a terminal to be asked", file, file)
		}
		pass, perr := a.Passphrase(file)
		if perr != nil {
			return nil, perr
		}
		s, err = ssh.ParsePrivateKeyWithPassphrase(data, pass)
		for i := range pass {
			pass[i] = 0
		}
	}
	if err != nil {
		return nil, fmt.Errorf("identity file %s: %v", file, err)
	}
	return s, nil
}

// checkKeyMode refuses a private key that others may read, as ssh does
// (sshkey_perm_ok): only for a file the user owns.
func checkKeyMode(file string) error {
	fi, err := os.Stat(file)
	if err != nil {
		return fmt.Errorf("identity file: %w", err)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if ok && int(st.Uid) == os.Getuid() && fi.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("identity file %s is accessible by others (mode %04o): ssh refuses such a private key, and so does hardway; chmod 600 %s",
			file, fi.Mode().Perm(), file)
	}
	return nil
}

// explainAuth adds to a failed authentication why keys were left out, and
// what sshd's limit of tries means when the agent offered too many.
func (a *Auth) explainAuth(t Target, err error) error {
	a.mu.Lock()
	skipped := a.skipped[t.route()]
	a.mu.Unlock()
	msg := err.Error()
	if strings.Contains(msg, "Too many authentication failures") {
		return fmt.Errorf("%w (sshd allows a few keys per connection, MaxAuthTries; with many keys in ssh-agent, set IdentitiesOnly yes and the host's IdentityFile in ssh_config)", err)
	}
	if len(skipped) > 0 && strings.Contains(msg, "unable to authenticate") {
		return fmt.Errorf("%w; left out: %s", err, strings.Join(skipped, "; "))
	}
	return err
}
