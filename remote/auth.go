package remote

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// Auth gathers the signers a connection can offer: the ssh-agent's keys,
// then key files. A passphrase-protected file asks Passphrase once; its
// decrypted key is kept in memory only.
type Auth struct {
	// Passphrase asks for a key file's passphrase; nil means such files
	// are skipped (with the reason kept for the error message).
	Passphrase func(file string) ([]byte, error)
	// NoAgent ignores SSH_AUTH_SOCK (tests).
	NoAgent bool

	mu      sync.Mutex
	signers map[string]ssh.Signer // by file
	skipped map[string]error
}

// defaultIdentityFiles are OpenSSH's, tried when a host names none.
func defaultIdentityFiles() []string {
	d := filepath.Join(homeDir(), ".ssh")
	return []string{filepath.Join(d, "id_ed25519"), filepath.Join(d, "id_ecdsa"), filepath.Join(d, "id_rsa")}
}

func (a *Auth) methods(t Target) []ssh.AuthMethod {
	var methods []ssh.AuthMethod
	var agentSigners func() ([]ssh.Signer, error)
	if sock := os.Getenv("SSH_AUTH_SOCK"); sock != "" && !a.NoAgent {
		agentSigners = func() ([]ssh.Signer, error) {
			conn, err := net.Dial("unix", sock)
			if err != nil {
				return nil, nil // a stale socket is not an error: fall back to files
			}
			// The connection lives as long as the signers may be used.
			return agent.NewClient(conn).Signers()
		}
	}
	files := t.IdentityFiles
	explicit := len(files) > 0
	if !explicit {
		files = defaultIdentityFiles()
	}
	methods = append(methods, ssh.PublicKeysCallback(func() ([]ssh.Signer, error) {
		var out []ssh.Signer
		if agentSigners != nil {
			s, _ := agentSigners()
			out = append(out, s...)
		}
		for _, f := range files {
			s, err := a.signer(f, explicit)
			if err != nil {
				return nil, err
			}
			if s != nil {
				out = append(out, s)
			}
		}
		return out, nil
	}))
	return methods
}

// signer loads a key file. A missing default file is skipped quietly; a
// missing explicit one is an error that names it.
func (a *Auth) signer(file string, explicit bool) (ssh.Signer, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if s, ok := a.signers[file]; ok {
		return s, nil
	}
	if err, ok := a.skipped[file]; ok {
		if explicit {
			return nil, err
		}
		return nil, nil
	}
	s, err := a.load(file)
	if err != nil {
		if a.skipped == nil {
			a.skipped = map[string]error{}
		}
		a.skipped[file] = err
		if explicit || !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		return nil, nil
	}
	if a.signers == nil {
		a.signers = map[string]ssh.Signer{}
	}
	a.signers[file] = s
	return s, nil
}

func (a *Auth) load(file string) (ssh.Signer, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("identity file: %w", err)
	}
	s, err := ssh.ParsePrivateKey(data)
	var missing *ssh.PassphraseMissingError
	if errors.As(err, &missing) {
		if a.Passphrase == nil {
			return nil, fmt.Errorf("identity file %s is protected by a passphrase: load it into ssh-agent, or run hardway on a terminal to be asked", file)
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
