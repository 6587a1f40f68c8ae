package remote_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/ssh"

	"hardway/internal/sshlab"
	"hardway/remote"
)

func keyLine(name string, key ssh.PublicKey) string {
	return name + " " + strings.TrimSpace(string(ssh.MarshalAuthorizedKey(key)))
}

func knownName(h *sshlab.Host) string { return fmt.Sprintf("[%s]:%d", h.Addr, h.Port) }

// A host presenting a certificate signed by a trusted @cert-authority is
// accepted without its own line; a host without one is merely unknown, even
// under a wildcard CA line, never CHANGED. OpenSSH decides the same.
func TestHostCertificatesAreTrustedThroughTheirCA(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 1, []string{"certified", "plain"})
	ca := sshlab.NewCA(t, l.Dir, "host-ca")
	certified, plain := l.Host("certified"), l.Host("plain")
	certified.Certify(ca, "", certified.Addr, certified.Name)
	ctx := context.Background()
	// "127.0.1.*" names no port: ssh looks the host up without its port
	// too, and so must hardway.
	for _, pattern := range []string{"[127.0.1.*]:*", "127.0.1.*", "*"} {
		t.Run(pattern, func(t *testing.T) {
			kh := filepath.Join(t.TempDir(), "known_hosts")
			writeFile(t, kh, ca.KnownHostsLine(pattern)+"\n")
			cfg, cfgFile := writeConfig(t, hostBlock(l, "certified", certified, kh)+hostBlock(l, "plain", plain, kh))
			p := poolFor(kh)
			defer p.Close()
			if _, err := p.Get(ctx, resolve(t, cfg, "certified")); err != nil {
				t.Errorf("the certified host: %v", err)
			}
			_, err := p.Get(ctx, resolve(t, cfg, "plain"))
			var changed *remote.ChangedHostKeyError
			var unknown *remote.UnknownHostError
			if errors.As(err, &changed) || !errors.As(err, &unknown) || !bytesEqual(unknown.Key, plain.HostKey) {
				t.Errorf("the host without a certificate: %v; want it unknown, with its own key", err)
			}
			if ok, out := openssh(t, cfgFile, "-o", "StrictHostKeyChecking=yes", "certified"); !ok {
				t.Errorf("ssh refuses the certified host, hardway accepts it: %s", out)
			}
			if ok, _ := openssh(t, cfgFile, "-o", "StrictHostKeyChecking=yes", "plain"); ok {
				t.Errorf("ssh accepts the host without a certificate")
			}
		})
	}
}

func bytesEqual(a, b ssh.PublicKey) bool { return string(a.Marshal()) == string(b.Marshal()) }

// A certificate that does not hold (another host's name, expired) is not
// enough: the host's plain key is looked up instead, as ssh does, and the
// learner is told why the certificate did not count.
func TestInvalidHostCertificateFallsBackToThePlainKey(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 3, []string{"misnamed", "expired"})
	ca := sshlab.NewCA(t, l.Dir, "host-ca")
	misnamed, expired := l.Host("misnamed"), l.Host("expired")
	misnamed.Certify(ca, "", "some-other-host")
	expired.Certify(ca, "-2d:-1d", expired.Addr)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	writeFile(t, kh, ca.KnownHostsLine("*")+"\n")
	cfg, cfgFile := writeConfig(t, hostBlock(l, "misnamed", misnamed, kh)+hostBlock(l, "expired", expired, kh))
	p := poolFor(kh)
	defer p.Close()
	ctx := context.Background()
	for alias, why := range map[string]string{"misnamed": "principal", "expired": "expired"} {
		h := l.Host(alias)
		_, err := p.Get(ctx, resolve(t, cfg, alias))
		var unknown *remote.UnknownHostError
		if !errors.As(err, &unknown) || !bytesEqual(unknown.Key, h.HostKey) || !strings.Contains(unknown.Note, why) {
			t.Errorf("%s: %v; want its plain key unknown, with a note on the certificate (%s)", alias, err, why)
			continue
		}
		if ok, _ := openssh(t, cfgFile, "-o", "StrictHostKeyChecking=yes", alias); ok {
			t.Errorf("%s: ssh accepts it", alias)
		}
		// Once its plain key is accepted, the host connects, for both.
		if err := (&remote.HostKeys{Files: []string{kh}, WriteFile: kh}).Add(unknown); err != nil {
			t.Fatal(err)
		}
		if _, err := p.Get(ctx, resolve(t, cfg, alias)); err != nil {
			t.Errorf("%s after accepting its key: %v", alias, err)
		}
		if ok, out := openssh(t, cfgFile, "-o", "StrictHostKeyChecking=yes", alias); !ok {
			t.Errorf("%s: ssh refuses the accepted key: %s", alias, out)
		}
	}
}

// @revoked refuses a host key, and every certificate of a revoked CA.
func TestRevokedKeysAndCAsAreRefused(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 5, []string{"certified", "plain"})
	ca := sshlab.NewCA(t, l.Dir, "host-ca")
	certified, plain := l.Host("certified"), l.Host("plain")
	certified.Certify(ca, "", certified.Addr)
	kh := filepath.Join(t.TempDir(), "known_hosts")
	writeFile(t, kh, strings.Join([]string{
		ca.KnownHostsLine("*"),
		keyLine(knownName(plain), plain.HostKey),
		keyLine("@revoked *", ca.Key),
		keyLine("@revoked *", plain.HostKey),
	}, "\n")+"\n")
	cfg, cfgFile := writeConfig(t, hostBlock(l, "certified", certified, kh)+hostBlock(l, "plain", plain, kh))
	p := poolFor(kh)
	defer p.Close()
	for alias, line := range map[string]string{"certified": ":3", "plain": ":4"} {
		_, err := p.Get(context.Background(), resolve(t, cfg, alias))
		var revoked *remote.RevokedHostKeyError
		if !errors.As(err, &revoked) || !strings.Contains(err.Error(), kh+line) || !strings.Contains(err.Error(), "REVOKED") {
			t.Errorf("%s: %v; want it refused as revoked at %s%s", alias, err, kh, line)
		}
		if ok, _ := openssh(t, cfgFile, "-o", "StrictHostKeyChecking=accept-new", alias); ok {
			t.Errorf("%s: ssh accepts it", alias)
		}
	}
}

// One line that does not parse is skipped with a warning naming it; the
// other hosts connect, as with ssh.
func TestMalformedKnownHostsLineIsSkippedWithAWarning(t *testing.T) {
	l := sshlab.Start(t, 7, []string{"controller-0", "controller-1"})
	c0, c1 := l.Host("controller-0"), l.Host("controller-1")
	kh := filepath.Join(t.TempDir(), "known_hosts")
	writeFile(t, kh, strings.Join([]string{
		keyLine(knownName(c0), c0.HostKey),
		"[127.0.1.9]:22 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB", // cut short: x/crypto said "ssh: short read" for every host
		"@bogus-marker * ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
		"just-one-field",
		"# a comment, and an empty line",
		"",
		keyLine(knownName(c1), c1.HostKey),
	}, "\n")+"\n")
	var mu sync.Mutex
	var warnings []string
	hk := &remote.HostKeys{Files: []string{kh}, WriteFile: kh, Warn: func(m string) { mu.Lock(); warnings = append(warnings, m); mu.Unlock() }}
	p := remote.NewPool(remote.Options{HostKeys: hk, Auth: &remote.Auth{NoAgent: true}})
	defer p.Close()
	targets := []remote.Target{labTarget(l, c0), labTarget(l, c1)}
	if errs := p.Connect(context.Background(), targets); len(errs) > 0 {
		t.Fatalf("a bad line failed good hosts: %v", errs)
	}
	p.Close()
	if errs := p.Connect(context.Background(), targets); len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(warnings) != 3 {
		t.Errorf("%d warnings, want one per bad line, once: %q", len(warnings), warnings)
	}
	for _, line := range []string{":2:", ":3:", ":4:"} {
		if !strings.Contains(strings.Join(warnings, "\n"), kh+line) {
			t.Errorf("no warning names %s%s: %q", kh, line, warnings)
		}
	}
}

// StrictHostKeyChecking yes: an unknown host is refused, nobody asked,
// nothing recorded; the error names the ssh_config line.
func TestStrictHostKeyCheckingYesRefusesNewHosts(t *testing.T) {
	l := sshlab.Start(t, 9, []string{"controller-0"})
	kh := filepath.Join(t.TempDir(), "known_hosts")
	writeFile(t, kh, "")
	cfg, cfgFile := writeConfig(t, hostBlock(l, "strict", l.Hosts[0], kh, "StrictHostKeyChecking yes"))
	tg := resolve(t, cfg, "strict")
	p := poolFor(kh)
	defer p.Close()
	errs := p.Connect(context.Background(), []remote.Target{tg})
	var refused *remote.NewHostRefusedError
	var unknown *remote.UnknownHostError
	if !errors.As(errs["strict"], &refused) || errors.As(errs["strict"], &unknown) {
		t.Fatalf("%v; want a refusal, not a key to review", errs["strict"])
	}
	if msg := refused.Error(); !strings.Contains(msg, cfgFile+":8") || !strings.Contains(msg, "SHA256:") {
		t.Errorf("the refusal does not name %s:8 and the fingerprint: %s", cfgFile, msg)
	}
	if len(remote.UnknownHosts(errs["strict"])) != 0 {
		t.Error("a refused host is offered for review")
	}
	if data, _ := os.ReadFile(kh); len(data) != 0 {
		t.Errorf("known_hosts was written: %s", data)
	}
}

// UserKnownHostsFile /dev/null: an accepted key holds for this run and is
// recorded nowhere (not in the inventory's file either); another file
// named there receives the keys accepted for its hosts.
func TestUserKnownHostsFileOfTheHostIsWhereKeysGo(t *testing.T) {
	l := sshlab.Start(t, 11, []string{"scratch", "own-file"})
	dir := t.TempDir()
	mainFile, ownFile := filepath.Join(dir, "known_hosts"), filepath.Join(dir, "own_known_hosts")
	writeFile(t, mainFile, "")
	cfg, _ := writeConfig(t, hostBlock(l, "scratch", l.Host("scratch"), os.DevNull)+hostBlock(l, "own-file", l.Host("own-file"), ownFile))
	targets := []remote.Target{resolve(t, cfg, "scratch"), resolve(t, cfg, "own-file")}
	p := poolFor(mainFile)
	defer p.Close()
	errs := p.Connect(context.Background(), targets)
	var unknown []*remote.UnknownHostError
	for _, err := range errs {
		unknown = remote.AppendUnknown(unknown, err)
	}
	if len(unknown) != 2 {
		t.Fatalf("%v; want both unknown", errs)
	}
	// As the command line does: the pool's own store records them.
	main := &remote.HostKeys{Files: []string{mainFile}, WriteFile: mainFile}
	if err := main.Add(unknown...); err != nil {
		t.Fatal(err)
	}
	if errs := p.Connect(context.Background(), targets); len(errs) > 0 {
		t.Errorf("after accepting: %v", errs)
	}
	if data, _ := os.ReadFile(mainFile); len(data) != 0 {
		t.Errorf("the inventory's known_hosts got keys that ssh_config sends elsewhere:\n%s", data)
	}
	if data, _ := os.ReadFile(ownFile); !strings.Contains(string(data), knownName(l.Host("own-file"))) || strings.Count(string(data), "\n") != 1 {
		t.Errorf("own_known_hosts:\n%s", data)
	}
	// The next run knows own-file, and scratch again not.
	next := poolFor(mainFile)
	defer next.Close()
	errs = next.Connect(context.Background(), targets)
	if _, ok := errs["own-file"]; ok || len(remote.UnknownHosts(errs["scratch"])) != 1 {
		t.Errorf("next run: %v", errs)
	}
}

// A known_hosts file of hashed names gets hashed lines (as HashKnownHosts
// writes them), which OpenSSH finds; HashKnownHosts yes hashes them too.
func TestAcceptedKeysAreHashedLikeTheFile(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 13, []string{"known", "new", "new-too"})
	known, fresh, freshToo := l.Host("known"), l.Host("new"), l.Host("new-too")
	dir := t.TempDir()
	kh := filepath.Join(dir, "known_hosts")
	writeFile(t, kh, keyLine(knownName(known), known.HostKey)+"\n")
	if out, err := exec.Command("ssh-keygen", "-q", "-H", "-f", kh).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen -H: %v %s", err, out)
	}
	plainFile := filepath.Join(dir, "plain_known_hosts")
	cfg, _ := writeConfig(t, hostBlock(l, "known", known, kh)+hostBlock(l, "new", fresh, kh)+
		hostBlock(l, "new-too", freshToo, plainFile, "HashKnownHosts yes"))
	p := poolFor(kh)
	defer p.Close()
	ctx := context.Background()
	if _, err := p.Get(ctx, resolve(t, cfg, "known")); err != nil {
		t.Fatalf("a hashed line is not found: %v", err)
	}
	for alias, file := range map[string]string{"new": kh, "new-too": plainFile} {
		_, err := p.Get(ctx, resolve(t, cfg, alias))
		if err := (&remote.HostKeys{}).Add(remote.UnknownHosts(err)...); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(file)
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		if last := lines[len(lines)-1]; !strings.HasPrefix(last, "|1|") || strings.Contains(string(data), l.Host(alias).Addr) {
			t.Errorf("%s: the new line is not hashed:\n%s", alias, data)
		}
		out, err := exec.Command("ssh-keygen", "-F", knownName(l.Host(alias)), "-f", file).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "found") {
			t.Errorf("%s: ssh-keygen -F does not find the hashed line: %v %s", alias, err, out)
		}
		if _, err := p.Get(ctx, resolve(t, cfg, alias)); err != nil {
			t.Errorf("%s after accepting: %v", alias, err)
		}
	}
}

// HostKeyAlias: the key is looked up and recorded under the alias, without
// a port, as ssh does.
func TestHostKeyAliasNamesTheKey(t *testing.T) {
	requireOpenSSHClient(t)
	l := sshlab.Start(t, 16, []string{"controller-0"})
	h := l.Hosts[0]
	kh := filepath.Join(t.TempDir(), "known_hosts")
	writeFile(t, kh, keyLine(knownName(h), h.HostKey)+"\n") // under its address: not what counts
	cfg, cfgFile := writeConfig(t, hostBlock(l, "aliased", h, kh, "HostKeyAlias lab-alias"))
	p := poolFor(kh)
	defer p.Close()
	_, err := p.Get(context.Background(), resolve(t, cfg, "aliased"))
	if len(remote.UnknownHosts(err)) != 1 {
		t.Fatalf("%v; want the alias unknown", err)
	}
	if err := (&remote.HostKeys{}).Add(remote.UnknownHosts(err)...); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(kh)
	if !strings.Contains(string(data), "\nlab-alias ssh-ed25519 ") {
		t.Errorf("not recorded under the alias:\n%s", data)
	}
	if _, err := p.Get(context.Background(), resolve(t, cfg, "aliased")); err != nil {
		t.Error(err)
	}
	if ok, out := openssh(t, cfgFile, "-o", "StrictHostKeyChecking=yes", "aliased"); !ok {
		t.Errorf("ssh does not find the line hardway wrote: %s", out)
	}
}

// A jump host and its target both unknown: both keys come back from one
// connection attempt, for one review, and then both connect.
func TestUnknownJumpHostAndTargetAreReviewedTogether(t *testing.T) {
	l := sshlab.Start(t, 18, []string{"bastion", "middle", "controller-0"})
	kh := filepath.Join(t.TempDir(), "known_hosts")
	writeFile(t, kh, "")
	body := hostBlock(l, "bastion", l.Host("bastion"), kh) + hostBlock(l, "middle", l.Host("middle"), kh) +
		hostBlock(l, "behind-one", l.Host("controller-0"), kh, "ProxyJump bastion") +
		hostBlock(l, "behind-two", l.Host("controller-0"), kh, "ProxyJump bastion,middle")
	for _, alias := range []string{"behind-one", "behind-two"} {
		t.Run(alias, func(t *testing.T) {
			writeFile(t, kh, "")
			cfg, _ := writeConfig(t, body)
			tg := resolve(t, cfg, alias)
			p := poolFor(kh)
			defer p.Close()
			errs := p.Connect(context.Background(), []remote.Target{tg})
			unknown := remote.UnknownHosts(errs[alias])
			want := []string{"bastion", "controller-0"}
			if alias == "behind-two" {
				want = []string{"bastion", "middle", "controller-0"}
			}
			if len(unknown) != len(want) {
				t.Fatalf("%v: %d unknown keys, want %d", errs[alias], len(unknown), len(want))
			}
			for i, u := range unknown {
				if !bytesEqual(u.Key, l.Host(want[i]).HostKey) {
					t.Errorf("unknown key %d is not %s's", i, want[i])
				}
			}
			if err := (&remote.HostKeys{}).Add(unknown...); err != nil {
				t.Fatal(err)
			}
			if errs := p.Connect(context.Background(), []remote.Target{tg}); len(errs) > 0 {
				t.Fatalf("after one review: %v", errs)
			}
			if data, _ := os.ReadFile(kh); strings.Count(string(data), "\n") != len(want) {
				t.Errorf("known_hosts:\n%s", data)
			}
		})
	}
}
