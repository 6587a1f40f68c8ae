package remote_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"hardway/internal/sshlab"
	"hardway/remote"
)

// Match blocks (host, originalhost, user, localuser, exec, all, final,
// canonical) and Include are evaluated as ssh evaluates them: ssh -G is the
// reference, host by host. Nothing here is dialled.
func TestMatchAndIncludeAreEvaluatedAsSSHDoes(t *testing.T) {
	requireOpenSSHClient(t)
	dir := t.TempDir()
	extra := filepath.Join(dir, "extra.conf")
	writeFile(t, extra, "Host web-2\n  HostKeyAlias web-two\nHost *\n  IdentitiesOnly yes\n")
	cfg, file := writeConfig(t, fmt.Sprintf(`# the first value found wins
Host web-1
  HostName 127.0.9.1
Host web-2 !web-3
  HostName 127.0.9.2
Host web-3
  HostName 127.0.9.3
Match host 127.0.9.1
  Port 2201
Match originalhost web-2
  Port 2202
Match user deploy host 127.0.9.*
  IdentityFile /keys/too-early
Host web-*
  User deploy
Match user deploy
  IdentityFile /keys/deploy
Match localuser %s !host 127.0.9.3
  IdentityFile /keys/local
Match exec "test %%h = 127.0.9.2"
  ProxyJump jumper
Match exec false
  ProxyJump never
Match final host 127.0.9.3
  Port 2203
Match canonical originalhost web-1
  HostKeyAlias web-one
Match !all
  Port 1
Include %s
Match all
  IdentityFile /keys/last
`, currentUser(t), extra))
	for _, alias := range []string{"web-1", "web-2", "web-3", "other"} {
		want := sshG(t, file, alias)
		tg, err := cfg.Resolve(remote.Spec{Name: alias}, nil)
		if err != nil {
			t.Fatalf("%s: %v", alias, err)
		}
		got := map[string]string{
			"hostname": tg.Host, "port": strconv.Itoa(tg.Port), "user": tg.User,
			"identityfile": strings.Join(tg.IdentityFiles, " "), "hostkeyalias": tg.HostKeyAlias,
			"identitiesonly": map[bool]string{true: "yes", false: "no"}[tg.IdentitiesOnly],
		}
		if tg.Jump != nil {
			got["proxyjump"] = tg.Jump.Name
		}
		for key, value := range got {
			w := strings.Join(want[key], " ")
			if key == "identityfile" && len(tg.IdentityFiles) == 0 {
				continue // ssh lists its defaults
			}
			if value != w {
				t.Errorf("%s: %s is %q, ssh -G says %q", alias, key, value, w)
			}
		}
		if want["proxyjump"] == nil && tg.Jump != nil {
			t.Errorf("%s: jumps through %s; ssh does not", alias, tg.Jump.Name)
		}
	}
}

func currentUser(t *testing.T) string {
	out, err := osUser()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A Match criterion hardway cannot evaluate is refused with its file and
// line, and only where the block decides how a host is reached: it does
// not stop every other host, as a parse error of the whole file did.
func TestUnevaluableMatchIsRefusedWhereItMatters(t *testing.T) {
	cfg, file := writeConfig(t, `Host lab-*
  User learner
Match localnetwork 127.0.9.0/24
  SendEnv LANG
Match host other localnetwork 127.0.9.0/24
  HostName 127.0.9.9
Match localnetwork 127.0.9.0/24
  HostName 127.0.9.8
`)
	_, err := cfg.Resolve(remote.Spec{Name: "lab-1"}, nil)
	if err == nil || !strings.Contains(err.Error(), file+":7") || !strings.Contains(err.Error(), "localnetwork") {
		t.Fatalf("%v; want a refusal naming %s:7", err, file)
	}
	// Without the last block, the others are decided (one only sends an
	// environment variable, one is for another host).
	cfg, _ = writeConfig(t, "Host lab-*\n  User learner\nMatch localnetwork 127.0.9.0/24\n  SendEnv LANG\nMatch host other localnetwork 127.0.9.0/24\n  HostName 127.0.9.9\n")
	if tg, err := cfg.Resolve(remote.Spec{Name: "lab-1"}, nil); err != nil || tg.User != "learner" {
		t.Errorf("%+v %v", tg, err)
	}
	// Options that would route differently from ssh are refused likewise.
	cfg, file = writeConfig(t, "Host *\n  CanonicalizeHostname yes\n")
	if _, err := cfg.Resolve(remote.Spec{Name: "lab-1"}, nil); err == nil || !strings.Contains(err.Error(), file+":2: CanonicalizeHostname yes") {
		t.Errorf("CanonicalizeHostname: %v", err)
	}
}

// Match exec and Match user decide which real host is reached.
func TestMatchExecReachesTheHostItSelects(t *testing.T) {
	l := sshlab.Start(t, 20, []string{"controller-0"})
	h := l.Hosts[0]
	cfg, _ := writeConfig(t, fmt.Sprintf(`Host lab-exec
  User %s
  IdentityFile %s
  UserKnownHostsFile %s
Match originalhost lab-exec user %s exec "test %%n = lab-exec"
  HostName %s
  Port %d
Host *
  HostName 127.0.9.250
`, l.User, l.ClientKeyFile, l.KnownHostsFile, l.User, h.Addr, h.Port))
	tg := resolve(t, cfg, "lab-exec")
	p := poolFor(l.KnownHostsFile)
	defer p.Close()
	c, err := p.Get(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	var out buffer
	if r := remote.Run(context.Background(), c, `echo "$HARDWAY_LAB_HOST"`, remote.ExecOptions{Output: &out}); r.Exit != 0 || strings.TrimSpace(out.String()) != "controller-0" {
		t.Errorf("%+v %q", r, out.String())
	}
}

// ProxyCommand is the connection, with its tokens substituted: hardway
// never dials the host itself. The command here is OpenSSH's own ssh -W
// through a bastion.
func TestProxyCommandCarriesTheConnection(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 22, []string{"bastion", "controller-0"})
	target := l.Host("controller-0")
	log := filepath.Join(t.TempDir(), "proxy.log")
	sshW := fmt.Sprintf("ssh -F %s -o BatchMode=yes", l.SSHConfigFile)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	writeFile(t, kh, keyLine("proxied-alias", target.HostKey)+"\n"+keyLine(knownName(target), target.HostKey)+"\n")
	cfg, cfgFile := writeConfig(t,
		hostBlock(l, "proxied", target, kh, fmt.Sprintf(`ProxyCommand sh -c 'echo "%%h %%p %%r %%n" > %s; exec %s -W %%h:%%p bastion'`, log, sshW))+
			// Nothing listens at 127.0.1.254:1: only the command reaches the host.
			fmt.Sprintf("Host unreachable-but-proxied\n  HostName 127.0.1.254\n  Port 1\n  User %s\n  IdentityFile %s\n  UserKnownHostsFile %s\n  HostKeyAlias proxied-alias\n  ProxyCommand %s -W %s:%d bastion\n\n",
				l.User, l.ClientKeyFile, kh, sshW, target.Addr, target.Port)+
			hostBlock(l, "failing", target, kh, "ProxyCommand sh -c 'echo no route to the lab >&2; exit 3'"))
	p := poolFor(kh)
	defer p.Close()
	ctx := context.Background()
	for _, alias := range []string{"proxied", "unreachable-but-proxied"} {
		c, err := p.Get(ctx, resolve(t, cfg, alias))
		if err != nil {
			t.Fatalf("%s: %v", alias, err)
		}
		var out buffer
		if r := remote.Run(ctx, c, `echo "$HARDWAY_LAB_HOST"`, remote.ExecOptions{Output: &out}); r.Exit != 0 || strings.TrimSpace(out.String()) != "controller-0" {
			t.Errorf("%s: %+v %q", alias, r, out.String())
		}
		if ok, out := openssh(t, cfgFile, alias); !ok {
			t.Errorf("%s: ssh does not reach it that way: %s", alias, out)
		}
	}
	data, _ := os.ReadFile(log)
	if want := fmt.Sprintf("%s %d %s proxied\n", target.Addr, target.Port, l.User); string(data) != want {
		t.Errorf("the command saw %q, want %q", data, want)
	}
	start := time.Now()
	_, err := p.Get(ctx, resolve(t, cfg, "failing"))
	if err == nil || !strings.Contains(err.Error(), "no route to the lab") || !strings.Contains(err.Error(), cfgFile+":") {
		t.Errorf("a failing ProxyCommand: %v; want what it printed and where it is set", err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("a failing ProxyCommand took %v: it is not retried", time.Since(start))
	}
}

// ProxyJump a,b: the target is reached through b, which is reached through
// a, each with its own configuration, as ssh -J a,b does.
func TestProxyJumpChainsEveryHop(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 24, []string{"hop-a", "hop-b", "controller-0"})
	cfg, cfgFile := writeConfig(t, hostBlock(l, "hop-a", l.Host("hop-a"), l.KnownHostsFile)+
		// The chain overrides hop-b's own ProxyJump (refused at once if used).
		hostBlock(l, "hop-b", l.Host("hop-b"), l.KnownHostsFile, "ProxyJump 127.0.9.250:1")+
		hostBlock(l, "chained", l.Host("controller-0"), l.KnownHostsFile, "ProxyJump hop-a,hop-b"))
	tg := resolve(t, cfg, "chained")
	if tg.Jump == nil || tg.Jump.Name != "hop-b" || tg.Jump.Jump == nil || tg.Jump.Jump.Name != "hop-a" || tg.Jump.Jump.Jump != nil {
		t.Fatalf("resolved %v", tg)
	}
	if g := sshG(t, cfgFile, "chained"); strings.Join(g["proxyjump"], "") != "hop-a,hop-b" {
		t.Fatalf("ssh -G: %v", g["proxyjump"])
	}
	if ok, out := openssh(t, cfgFile, "chained"); !ok {
		t.Fatalf("ssh: %s", out)
	}
	p := poolFor(l.KnownHostsFile)
	defer p.Close()
	for _, hop := range []string{"hop-a", "hop-b"} {
		c, err := p.Get(context.Background(), tg)
		if err != nil {
			t.Fatal(err)
		}
		// The path goes through each hop: when its connection dies, so
		// does the target's.
		l.Host(hop).KillSessions()
		select {
		case <-c.Done():
		case <-time.After(10 * time.Second):
			t.Errorf("the connection survived %s's", hop)
		}
	}
}

// Ctrl-C during a handshake with a frozen host (TCP accepted, nothing
// answered) ends it at once, directly, through a jump host and through a
// ProxyCommand, whose process is ended too.
func TestCancelEndsAHandshakeAtOnce(t *testing.T) {
	l := sshlab.Start(t, 26, []string{"frozen", "bastion"})
	pidFile := filepath.Join(t.TempDir(), "proxy.pid")
	frozen := l.Host("frozen")
	cfg, _ := writeConfig(t, hostBlock(l, "direct", frozen, l.KnownHostsFile)+
		hostBlock(l, "bastion", l.Host("bastion"), l.KnownHostsFile)+
		hostBlock(l, "behind", frozen, l.KnownHostsFile, "ProxyJump bastion")+
		hostBlock(l, "proxied", frozen, l.KnownHostsFile, fmt.Sprintf("ProxyCommand sh -c 'echo $$ > %s; exec sleep 60'", pidFile)))
	frozen.Freeze()
	for _, alias := range []string{"direct", "behind", "proxied"} {
		tg := resolve(t, cfg, alias)
		p := remote.NewPool(remote.Options{HostKeys: &remote.HostKeys{Files: []string{l.KnownHostsFile}}, Auth: &remote.Auth{NoAgent: true}, DialTimeout: 30 * time.Second})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		start := time.Now()
		errs := p.Connect(ctx, []remote.Target{tg})
		took := time.Since(start)
		if !errors.Is(errs[alias], context.Canceled) {
			t.Errorf("%s: %v; want it cancelled", alias, errs[alias])
		}
		if took > 1500*time.Millisecond {
			t.Errorf("%s: cancel took %v", alias, took.Round(time.Millisecond))
		}
		p.Close()
	}
	data, _ := os.ReadFile(pidFile)
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	deadline := time.Now().Add(3 * time.Second)
	for pid > 0 && processExists(pid) {
		if time.Now().After(deadline) {
			t.Errorf("the ProxyCommand (pid %d) still runs after cancel", pid)
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if pid == 0 {
		t.Error("the ProxyCommand never ran")
	}
}

func processExists(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// A zombie has ended; only its parent has not collected it yet.
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || !strings.HasPrefix(string(stat[i+1:]), " Z")
}
