// Package sshlab starts real OpenSSH sshd hosts for tests: one sshd per
// loopback address 127.0.1.x, each with its own host key and, when the tests
// run as root, its own hostname and mount namespace (so /usr/local/bin and
// /etc/hardway-lab differ per host). Traffic never leaves loopback.
package sshlab

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// Sshd is the OpenSSH server binary.
const Sshd = "/usr/sbin/sshd"

// Lab is a set of running test hosts.
type Lab struct {
	Dir            string
	Hosts          []*Host
	ClientKeyFile  string // the private key that every host accepts (ed25519, no passphrase)
	KnownHostsFile string // every host's key, as OpenSSH writes them
	SSHConfigFile  string // Host <name> blocks with HostName, Port, User, IdentityFile
	User           string
	t              testing.TB
}

// Host is one sshd.
type Host struct {
	Name        string
	Addr        string // 127.0.1.x
	Port        int
	Dir         string
	HostKey     ssh.PublicKey
	HostKeyFile string
	cmd         *exec.Cmd
	lab         *Lab
	extra       []string
	own         []string // this host's own sshd_config lines (Configure)
	certFile    string   // its host certificate, if Certify gave it one
}

// Root reports whether hosts get their own hostname and mounts.
func Root() bool { return os.Geteuid() == 0 }

// Available reports whether sshd is installed. Tests that need it call
// Require, which fails (not skips) under HARDWAY_REQUIRE_SSHD=1, as CI sets.
func Available() bool {
	_, err := os.Stat(Sshd)
	return err == nil
}

// Require stops the test when sshd is missing.
func Require(t testing.TB) {
	t.Helper()
	if Available() {
		return
	}
	if os.Getenv("HARDWAY_REQUIRE_SSHD") != "" {
		t.Fatalf("%s is not installed; ./test.sh installs openssh-server", Sshd)
	}
	t.Skipf("%s is not installed (./test.sh installs it)", Sshd)
}

// Start starts one sshd per name at 127.0.1.(base+i). sshdExtra lines go into
// every sshd_config (e.g. "MaxStartups 1:100:1"). The lab stops with the test.
func Start(t testing.TB, base int, names []string, sshdExtra ...string) *Lab {
	t.Helper()
	Require(t)
	dir := t.TempDir()
	l := &Lab{Dir: dir, t: t, User: currentUser()}
	l.ClientKeyFile = filepath.Join(dir, "id_ed25519")
	pub := writeClientKey(t, l.ClientKeyFile)
	if Root() {
		os.MkdirAll("/run/sshd", 0o755) // sshd's privilege separation directory
	}
	for i, name := range names {
		h := &Host{Name: name, Addr: fmt.Sprintf("127.0.1.%d", base+i), Dir: filepath.Join(dir, name), lab: l, extra: sshdExtra}
		h.prepare(t, pub)
		l.Hosts = append(l.Hosts, h)
	}
	for _, h := range l.Hosts {
		h.start(t)
	}
	l.writeKnownHosts(t)
	l.writeSSHConfig(t)
	t.Cleanup(l.Stop)
	return l
}

// Host returns the named host.
func (l *Lab) Host(name string) *Host {
	for _, h := range l.Hosts {
		if h.Name == name {
			return h
		}
	}
	l.t.Fatalf("no lab host %s", name)
	return nil
}

// Stop kills every sshd and what runs under it.
func (l *Lab) Stop() {
	for _, h := range l.Hosts {
		h.Stop()
	}
}

func currentUser() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	out, _ := exec.Command("id", "-un").Output()
	return strings.TrimSpace(string(out))
}

func writeClientKey(t testing.TB, file string) ssh.PublicKey {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "hardway test client")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sp, _ := ssh.NewPublicKey(pub)
	os.WriteFile(file+".pub", ssh.MarshalAuthorizedKey(sp), 0o644)
	return sp
}

func freePort(t testing.TB, addr string) int {
	ln, err := net.Listen("tcp", addr+":0")
	if err != nil {
		t.Fatalf("listen on %s: %v", addr, err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func (h *Host) prepare(t testing.TB, clientKey ssh.PublicKey) {
	for _, d := range []string{"etc", "usrlocalbin", "home"} {
		os.MkdirAll(filepath.Join(h.Dir, d), 0o755)
	}
	h.HostKeyFile = filepath.Join(h.Dir, "ssh_host_ed25519_key")
	h.newHostKey(t)
	os.WriteFile(filepath.Join(h.Dir, "authorized_keys"), ssh.MarshalAuthorizedKey(clientKey), 0o600)
	os.WriteFile(filepath.Join(h.Dir, "etc", "hostname"), []byte(h.Name+"\n"), 0o644)
	h.Port = freePort(t, h.Addr)
}

func (h *Host) newHostKey(t testing.TB) {
	os.Remove(h.HostKeyFile)
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, _ := ssh.MarshalPrivateKey(priv, "root@"+h.Name)
	if err := os.WriteFile(h.HostKeyFile, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	h.HostKey, _ = ssh.NewPublicKey(pub)
	os.WriteFile(h.HostKeyFile+".pub", ssh.MarshalAuthorizedKey(h.HostKey), 0o644)
	h.certFile = "" // a certificate is for the old key
}

func (h *Host) config() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ListenAddress %s:%d\n", h.Addr, h.Port)
	fmt.Fprintf(&b, "HostKey %s\n", h.HostKeyFile)
	fmt.Fprintf(&b, "PidFile %s\n", filepath.Join(h.Dir, "sshd.pid"))
	fmt.Fprintf(&b, "AuthorizedKeysFile %s\n", filepath.Join(h.Dir, "authorized_keys"))
	b.WriteString("PubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n")
	b.WriteString("PermitRootLogin prohibit-password\nUsePAM no\nStrictModes no\nUseDNS no\nPrintMotd no\nPrintLastLog no\n")
	b.WriteString("LogLevel ERROR\n")
	// Every session knows which lab host it is on, even without a UTS
	// namespace (tests not run as root).
	fmt.Fprintf(&b, "SetEnv HARDWAY_LAB_HOST=%s\n", h.Name)
	b.WriteString("Subsystem sftp internal-sftp\n")
	if h.certFile != "" {
		fmt.Fprintf(&b, "HostCertificate %s\n", h.certFile)
	}
	for _, l := range append(append([]string(nil), h.extra...), h.own...) {
		b.WriteString(l + "\n")
	}
	return b.String()
}

func (h *Host) start(t testing.TB) {
	cfg := filepath.Join(h.Dir, "sshd_config")
	if err := os.WriteFile(cfg, []byte(h.config()), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(Sshd, "-t", "-f", cfg).CombinedOutput(); err != nil {
		t.Fatalf("sshd -t for %s: %v\n%s", h.Name, err, out)
	}
	var cmd *exec.Cmd
	if Root() {
		// Own hostname and mounts: the host sees its own /usr/local/bin
		// and its own home directory (root's), where commands start.
		home, _ := os.UserHomeDir()
		script := fmt.Sprintf("hostname %s && mount --bind %s /usr/local/bin && mount --bind %s %s && exec %s -D -e -f %s",
			h.Name, filepath.Join(h.Dir, "usrlocalbin"), filepath.Join(h.Dir, "home"), home, Sshd, cfg)
		cmd = exec.Command("unshare", "--uts", "--mount", "--propagation", "private", "--", "sh", "-c", script)
	} else {
		cmd = exec.Command(Sshd, "-D", "-e", "-f", cfg)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	// Session processes inherit sshd's stderr; do not wait on them forever.
	cmd.WaitDelay = time.Second
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start sshd for %s: %v", h.Name, err)
	}
	h.cmd = cmd
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", net.JoinHostPort(h.Addr, strconv.Itoa(h.Port)), 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("sshd for %s did not listen: %v\n%s", h.Name, err, stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop kills the host's sshd and every session under it.
func (h *Host) Stop() {
	if h.cmd == nil || h.cmd.Process == nil {
		return
	}
	syscall.Kill(-h.cmd.Process.Pid, syscall.SIGKILL)
	// Per-connection sshd children left the process group? They are its
	// descendants: kill them by parent too.
	for _, pid := range h.sessionPIDs() {
		syscall.Kill(pid, syscall.SIGKILL)
	}
	h.cmd.Wait()
	h.cmd = nil
}

// Restart starts the host again; with newKey it comes back with another host
// key, as a rebuilt machine would.
func (h *Host) Restart(newKey bool) {
	h.Stop()
	if newKey {
		h.newHostKey(h.lab.t)
	}
	h.start(h.lab.t)
}

// listenerPID is the sshd that listens (the one we started, or the one
// unshare exec'd, which keeps the same PID).
func (h *Host) listenerPID() int {
	if h.cmd == nil || h.cmd.Process == nil {
		return 0
	}
	return h.cmd.Process.Pid
}

// sessionPIDs are the per-connection sshd processes: the listener's children.
func (h *Host) sessionPIDs() []int {
	parent := h.listenerPID()
	if parent == 0 {
		return nil
	}
	var pids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...
		s := string(stat)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) > 1 && f[1] == strconv.Itoa(parent) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// KillSessions kills every connection's sshd process (as a crash of the
// session would), leaving the listener: clients see their connection drop.
// It returns how many it killed.
func (h *Host) KillSessions() int {
	pids := h.sessionPIDs()
	for _, pid := range pids {
		syscall.Kill(pid, syscall.SIGKILL)
	}
	return len(pids)
}

// DropTraffic makes the host go silent, as a host whose link is cut: packets
// from its sshd are dropped (iptables, loopback only, this host's port). The
// returned function restores it. Needs root and iptables.
func (h *Host) DropTraffic(t testing.TB) func() {
	t.Helper()
	if !Root() {
		t.Skip("dropping packets needs root")
	}
	if _, err := exec.LookPath("iptables"); err != nil {
		if os.Getenv("HARDWAY_REQUIRE_SSHD") != "" {
			t.Fatal("iptables is not installed; ./test.sh installs it")
		}
		t.Skip("iptables is not installed")
	}
	rule := []string{"OUTPUT", "-o", "lo", "-p", "tcp", "-s", h.Addr, "--sport", strconv.Itoa(h.Port), "-j", "DROP"}
	if out, err := exec.Command("iptables", append([]string{"-I"}, rule...)...).CombinedOutput(); err != nil {
		t.Skipf("iptables cannot add a rule here: %v %s", err, out)
	}
	restored := false
	restore := func() {
		if !restored {
			restored = true
			exec.Command("iptables", append([]string{"-D"}, rule...)...).Run()
		}
	}
	t.Cleanup(restore)
	return restore
}

func (l *Lab) writeKnownHosts(t testing.TB) {
	var b strings.Builder
	for _, h := range l.Hosts {
		b.WriteString(knownhosts.Line([]string{knownhosts.Normalize(net.JoinHostPort(h.Addr, strconv.Itoa(h.Port)))}, h.HostKey))
		b.WriteByte('\n')
	}
	l.KnownHostsFile = filepath.Join(l.Dir, "known_hosts")
	if err := os.WriteFile(l.KnownHostsFile, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

func (l *Lab) writeSSHConfig(t testing.TB) {
	var b strings.Builder
	for _, h := range l.Hosts {
		fmt.Fprintf(&b, "Host %s\n  HostName %s\n  Port %d\n  User %s\n  IdentityFile %s\n  UserKnownHostsFile %s\n\n",
			h.Name, h.Addr, h.Port, l.User, l.ClientKeyFile, l.KnownHostsFile)
	}
	l.SSHConfigFile = filepath.Join(l.Dir, "ssh_config")
	if err := os.WriteFile(l.SSHConfigFile, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}
