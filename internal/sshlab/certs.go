package sshlab

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/crypto/ssh"
)

// CA is a certificate authority for host keys, made with OpenSSH's own
// ssh-keygen.
type CA struct {
	KeyFile string
	Key     ssh.PublicKey
}

// NewCA makes a CA key pair in dir.
func NewCA(t testing.TB, dir, name string) *CA {
	t.Helper()
	file := filepath.Join(dir, name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", file).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen for CA %s: %v\n%s", name, err, out)
	}
	data, err := os.ReadFile(file + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	key, _, _, _, err := ssh.ParseAuthorizedKey(data)
	if err != nil {
		t.Fatal(err)
	}
	return &CA{KeyFile: file, Key: key}
}

// KnownHostsLine is the @cert-authority line trusting the CA for patterns.
func (ca *CA) KnownHostsLine(patterns string) string {
	return "@cert-authority " + patterns + " " + strings.TrimSpace(string(ssh.MarshalAuthorizedKey(ca.Key)))
}

// Certify signs the host's key with the CA (ssh-keygen -s ... -h) for the
// principals, valid for validity (ssh-keygen -V; "" is forever), and
// restarts the host's sshd presenting it (HostCertificate).
func (h *Host) Certify(ca *CA, validity string, principals ...string) {
	t := h.lab.t
	t.Helper()
	args := []string{"-q", "-s", ca.KeyFile, "-h", "-I", h.Name, "-n", strings.Join(principals, ",")}
	if validity != "" {
		args = append(args, "-V", validity)
	}
	args = append(args, h.HostKeyFile+".pub")
	if out, err := exec.Command("ssh-keygen", args...).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen -s for %s: %v\n%s", h.Name, err, out)
	}
	h.certFile = h.HostKeyFile + "-cert.pub"
	h.Restart(false)
}

// Configure restarts the host's sshd with these sshd_config lines of its
// own, in addition to the lab's (e.g. "MaxAuthTries 3").
func (h *Host) Configure(lines ...string) {
	h.own = lines
	h.Restart(false)
}

// Authorize lets the holder of key log in to this host too.
func (h *Host) Authorize(key ssh.PublicKey) {
	f, err := os.OpenFile(filepath.Join(h.Dir, "authorized_keys"), os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		h.lab.t.Fatal(err)
	}
	defer f.Close()
	f.Write(ssh.MarshalAuthorizedKey(key))
}

// Freeze stops the host's sshd (SIGSTOP): it still accepts TCP
// connections, in the kernel, but never answers, as a frozen machine. The
// returned function, also run at cleanup, thaws it.
func (h *Host) Freeze() (thaw func()) {
	pid := h.listenerPID()
	syscall.Kill(pid, syscall.SIGSTOP)
	thawed := false
	thaw = func() {
		if !thawed {
			thawed = true
			syscall.Kill(pid, syscall.SIGCONT)
		}
	}
	h.lab.t.Cleanup(thaw)
	return thaw
}
