package remote_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"hardway/internal/sshlab"
	"hardway/remote"
)

// startAgent runs OpenSSH's ssh-agent on a socket of the test's own and
// loads keys into it.
func startAgent(t *testing.T, keys ...any) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "agent.sock")
	cmd := exec.Command("ssh-agent", "-D", "-a", sock)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	var conn net.Conn
	for deadline := time.Now().Add(5 * time.Second); ; {
		var err error
		if conn, err = net.Dial("unix", sock); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("ssh-agent: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	defer conn.Close()
	client := agent.NewClient(conn)
	for _, k := range keys {
		if err := client.Add(agent.AddedKey{PrivateKey: k}); err != nil {
			t.Fatal(err)
		}
	}
	return sock
}

// IdentitiesOnly: an agent with seven other keys makes sshd give up
// ("Too many authentication failures"); with IdentitiesOnly yes only the
// host's IdentityFile is offered, and it logs in. ssh behaves the same.
func TestIdentitiesOnlyOffersOnlyTheHostsKeys(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 28, []string{"controller-0"})
	var others []any
	for i := 0; i < 7; i++ {
		_, priv, _ := ed25519.GenerateKey(rand.Reader)
		others = append(others, priv)
	}
	sock := startAgent(t, others...)
	h := l.Hosts[0]
	h.Configure("MaxAuthTries 6") // sshd's default, stated: the premise of this test
	cfg, cfgFile := writeConfig(t, hostBlock(l, "every-key", h, l.KnownHostsFile, "IdentityAgent "+sock)+
		hostBlock(l, "only-its-key", h, l.KnownHostsFile, "IdentityAgent "+sock, "IdentitiesOnly yes"))
	p := poolFor(l.KnownHostsFile)
	defer p.Close()
	_, err := p.Get(context.Background(), resolve(t, cfg, "every-key"))
	if err == nil || !strings.Contains(err.Error(), "Too many authentication failures") || !strings.Contains(err.Error(), "IdentitiesOnly") {
		t.Errorf("seven agent keys first: %v; want sshd's refusal and the hint", err)
	}
	if ok, _ := openssh(t, cfgFile, "every-key"); ok {
		t.Error("ssh logs in with seven agent keys first: the premise does not hold")
	}
	if _, err := p.Get(context.Background(), resolve(t, cfg, "only-its-key")); err != nil {
		t.Errorf("IdentitiesOnly yes: %v", err)
	}
	if ok, out := openssh(t, cfgFile, "only-its-key"); !ok {
		t.Errorf("ssh: %s", out)
	}
}

// A private key that others can read is refused, as ssh refuses it, with
// the fix in the message.
func TestKeyFileReadableByOthersIsRefused(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 30, []string{"controller-0"})
	loose := filepath.Join(t.TempDir(), "id_loose")
	data, _ := os.ReadFile(l.ClientKeyFile)
	writeFile(t, loose, string(data))
	os.Chmod(loose, 0o644)
	// This host has only the loose copy of the lab's key.
	cfg, cfgFile := writeConfig(t, strings.Replace(hostBlock(l, "loose", l.Hosts[0], l.KnownHostsFile, "IdentitiesOnly yes"), l.ClientKeyFile, loose, 1))
	p := poolFor(l.KnownHostsFile)
	defer p.Close()
	_, err := p.Get(context.Background(), resolve(t, cfg, "loose"))
	if err == nil || !strings.Contains(err.Error(), "chmod 600 "+loose) {
		t.Fatalf("%v; want the key refused, with the fix", err)
	}
	if ok, _ := openssh(t, cfgFile, "loose"); ok {
		t.Error("ssh uses the key: the premise does not hold")
	}
	os.Chmod(loose, 0o600)
	p2 := poolFor(l.KnownHostsFile)
	defer p2.Close()
	if _, err := p2.Get(context.Background(), resolve(t, cfg, "loose")); err != nil {
		t.Errorf("mode 0600: %v", err)
	}
}

func readFile(t *testing.T, file string) string {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// An encrypted key file that the agent holds is used through the agent:
// no passphrase to ask, and no "unusable key" error. Without the agent,
// the error says what to do.
func TestEncryptedKeyInTheAgentIsUsedThroughIt(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 32, []string{"controller-0"})
	enc := filepath.Join(t.TempDir(), "id_encrypted")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "a passphrase", "-f", enc).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	pub, _, _, _, err := ssh.ParseAuthorizedKey([]byte(readFile(t, enc+".pub")))
	if err != nil {
		t.Fatal(err)
	}
	l.Hosts[0].Authorize(pub)
	os.Remove(enc + ".pub") // its public half is read from the key file itself
	priv, err := ssh.ParseRawPrivateKeyWithPassphrase([]byte(readFile(t, enc)), []byte("a passphrase"))
	if err != nil {
		t.Fatal(err)
	}
	sock := startAgent(t, priv)
	body := hostBlock(l, "in-agent", l.Hosts[0], l.KnownHostsFile, "IdentityAgent "+sock, "IdentitiesOnly yes") +
		hostBlock(l, "no-agent", l.Hosts[0], l.KnownHostsFile, "IdentityAgent none", "IdentitiesOnly yes")
	cfg, _ := writeConfig(t, strings.ReplaceAll(body, l.ClientKeyFile, enc))
	asked := false
	ask := func(string) ([]byte, error) { asked = true; return []byte("a passphrase"), nil }
	p := remote.NewPool(remote.Options{HostKeys: &remote.HostKeys{Files: []string{l.KnownHostsFile}}, Auth: &remote.Auth{NoAgent: true, Passphrase: ask}})
	defer p.Close()
	if _, err := p.Get(context.Background(), resolve(t, cfg, "in-agent")); err != nil || asked {
		t.Errorf("the key the agent holds: %v (passphrase asked: %v)", err, asked)
	}
	// No agent and no terminal to ask on: the error says what to do.
	p = poolFor(l.KnownHostsFile)
	defer p.Close()
	_, err = p.Get(context.Background(), resolve(t, cfg, "no-agent"))
	if err == nil || !strings.Contains(err.Error(), "passphrase") || !strings.Contains(err.Error(), "ssh-add "+enc) {
		t.Errorf("without the agent: %v", err)
	}
}
