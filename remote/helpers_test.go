package remote_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hardway/internal/sshlab"
	"hardway/remote"
)

// hostBlock is an ssh_config Host block reaching a lab host by its address,
// with more lines of the test's own.
func hostBlock(l *sshlab.Lab, alias string, h *sshlab.Host, knownHosts string, more ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Host %s\n  HostName %s\n  Port %d\n  User %s\n  IdentityFile %s\n  UserKnownHostsFile %s\n  GlobalKnownHostsFile none\n",
		alias, h.Addr, h.Port, l.User, l.ClientKeyFile, knownHosts)
	for _, m := range more {
		b.WriteString("  " + m + "\n")
	}
	return b.String() + "\n"
}

// writeConfig writes an ssh_config file and loads it.
func writeConfig(t *testing.T, body string) (*remote.SSHConfig, string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "ssh_config")
	writeFile(t, file, body)
	cfg, err := remote.LoadSSHConfig(file)
	if err != nil {
		t.Fatal(err)
	}
	return cfg, file
}

func writeFile(t *testing.T, file, body string) {
	t.Helper()
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

// resolve resolves an alias and checks that every host on its way is a
// loopback address: tests never send traffic off the machine, nor ask DNS.
func resolve(t *testing.T, cfg *remote.SSHConfig, alias string) remote.Target {
	t.Helper()
	tg, err := cfg.Resolve(remote.Spec{Name: alias}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for hop := &tg; hop != nil; hop = hop.Jump {
		ip := net.ParseIP(hop.Host)
		if hop.ProxyCommand == "" && (ip == nil || !ip.IsLoopback()) {
			t.Fatalf("%s resolves to %q, not a loopback address", hop.Name, hop.Host)
		}
	}
	return tg
}

// poolFor is a pool whose own known_hosts file is file, without the
// developer's ssh-agent.
func poolFor(file string) *remote.Pool {
	return remote.NewPool(remote.Options{
		HostKeys: &remote.HostKeys{Files: []string{file}, WriteFile: file, Warn: func(string) {}},
		Auth:     &remote.Auth{NoAgent: true},
	})
}

// labTarget reaches a lab host directly, by address.
func labTarget(l *sshlab.Lab, h *sshlab.Host) remote.Target {
	return remote.Target{Name: h.Name, Host: h.Addr, Port: h.Port, User: l.User, IdentityFiles: []string{l.ClientKeyFile}}
}

// openssh runs OpenSSH's client with the config file, non-interactively,
// and reports whether it logged in and ran true: the reference for what
// hardway must accept and refuse.
func openssh(t *testing.T, config string, args ...string) (bool, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	all := append([]string{"-F", config, "-o", "BatchMode=yes", "-o", "ConnectTimeout=5"}, args...)
	out, err := exec.CommandContext(ctx, "ssh", append(all, "true")...).CombinedOutput()
	return err == nil, string(out)
}

// sshG is `ssh -G`: OpenSSH's own evaluation of the config for a host.
func sshG(t *testing.T, config, alias string) map[string][]string {
	t.Helper()
	out, err := exec.Command("ssh", "-G", "-F", config, alias).Output()
	if err != nil {
		t.Fatalf("ssh -G %s: %v", alias, err)
	}
	m := map[string][]string{}
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(line, " ")
		if ok {
			m[strings.ToLower(k)] = append(m[strings.ToLower(k)], v)
		}
	}
	return m
}

func requireOpenSSHClient(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"ssh", "ssh-keygen", "ssh-agent"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("HARDWAY_REQUIRE_SSHD") != "" {
				t.Fatalf("%s is not installed; ./test.sh installs openssh-client", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
}

func osUser() (string, error) {
	out, err := exec.Command("id", "-un").Output()
	return strings.TrimSpace(string(out)), err
}
