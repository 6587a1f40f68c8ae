package inventory

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"hardway/remote"
	"hardway/steps"
)

// The mistakes people make typing an inventory by hand are said with the
// fields that belong where they typed, at the line to fix.
func TestIndentationMistakesSayWhatBelongsThere(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"a host field one space short", "track: classic\ndefaults: {user: root}\nhosts:\n  - name: controller-0\n    ssh: 127.0.0.1\n   port: 22722\n",
			"inv.yaml:6: port: is indented 3 spaces, which matches no level above it; a host's fields (name, ssh, address, port, user, identity, jump, local) are indented 4 spaces here, as name: on line 4"},
		{"a host field one space too far", "track: classic\nhosts:\n  - name: controller-0\n    ssh: 127.0.0.1\n     port: 22722\n",
			"inv.yaml:5: port: is indented more than ssh: on line 4, so YAML reads it as the rest of ssh's value; a host's fields (name, ssh, address, port, user, identity, jump, local) are indented 4 spaces here"},
		{"a host field at the list's indentation", "track: classic\nhosts:\n  - name: controller-0\n    ssh: a\n  port: 22\n",
			"inv.yaml:5: port: is indented 2 spaces, which matches no level above it; a host's fields"},
		{"a defaults field", "track: classic\ndefaults:\n  user: root\n identity: x\n",
			"inv.yaml:4: identity: is indented 1 space, which matches no level above it; the fields of defaults: (user, port, identity, jump) are indented 2 spaces here, as user: on line 3"},
		{"a top-level field indented", "track: classic\n  lang: ko\n",
			"inv.yaml:2: lang: is indented more than track: on line 1, so YAML reads it as the rest of track's value; the top-level fields (track, lang, known_hosts, ssh_config, workdir, mirror, defaults, hosts, vars) start at the beginning of the line"},
		{"a list item out of line", "track: classic\nhosts:\n  - name: controller-0\n    ssh: a\n   - name: controller-1\n",
			"inv.yaml:5: - name: is indented 3 spaces; the items of hosts: are indented 2 spaces here, as - name: on line 3"},
		{"a tab", "track: classic\nhosts:\n  - name: controller-0\n\tssh: a\n",
			"inv.yaml:4: this line is indented with a tab: YAML indents with spaces only"},
		{"a misspelt host field", "track: classic\nhosts:\n  - name: controller-0\n    sshh: a\n",
			`inv.yaml:4: unknown field "sshh"; a host's fields are: name, ssh, address, port, user, identity, jump, local (did you mean ssh?)`},
		{"a misspelt top-level field", "track: classic\nhost:\n  - name: controller-0\n",
			`inv.yaml:2: unknown field "host"; the top-level fields are: track, lang, known_hosts, ssh_config, workdir, mirror, defaults, hosts, vars (did you mean hosts?)`},
	}
	for _, c := range cases {
		_, err := Parse("inv.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v\nwant %s", c.name, err, c.want)
		}
	}
}

// ssh: takes a destination as ssh users write one; port: and user: may
// say the same, not something else.
func TestSSHDestinationWithUserAndPort(t *testing.T) {
	tracks := classic(t)
	dir := t.TempDir()
	targets := func(yaml string) (map[string]remote.Target, error) {
		inv, err := Parse(filepath.Join(dir, "hardway.yaml"), []byte(yaml))
		if err != nil {
			return nil, err
		}
		tr, err := inv.Check(tracks)
		if err != nil {
			return nil, err
		}
		return inv.Targets(tr, nil)
	}
	got, err := targets(`track: classic
defaults: {port: 2200, user: ubuntu}
hosts:
  - name: controller-0
    ssh: 127.0.0.1:22722
  - name: controller-1
    ssh: learner@127.0.1.2:2222
  - name: controller-2
    ssh: "[::1]:2022"
    user: ubuntu
  - name: worker-0
    ssh: ssh://admin@worker-0.lab:2201
  - name: worker-1
    ssh: 127.0.1.5
    port: 22
`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"controller-0": "ubuntu@127.0.0.1:22722",
		"controller-1": "learner@127.0.1.2:2222",
		"controller-2": "ubuntu@::1:2022",
		"worker-0":     "admin@worker-0.lab:2201",
		"worker-1":     "ubuntu@127.0.1.5:22",
		"worker-2":     "ubuntu@worker-2:2200", // not listed: its name, and the defaults
	}
	for name, w := range want {
		tg := got[name]
		if g := tg.User + "@" + tg.Host + ":" + strconv.Itoa(tg.Port); g != w {
			t.Errorf("%s: %s, want %s", name, g, w)
		}
	}

	for _, c := range []struct{ yaml, want string }{
		{"track: classic\nhosts:\n  - name: controller-0\n    ssh: 127.0.0.1:22722\n    port: 22\n",
			"hardway.yaml:5: hosts[0].port: 22, but ssh: 127.0.0.1:22722 says port 22722: give the port once"},
		{"track: classic\nhosts:\n  - name: controller-0\n    ssh: me@127.0.0.1\n    user: root\n",
			"hardway.yaml:5: hosts[0].user: root, but ssh: me@127.0.0.1 says user me: give the user once"},
		{"track: classic\nhosts:\n  - name: controller-0\n    ssh: 127.0.0.1:ssh\n",
			`hardway.yaml:4: hosts[0].ssh: "127.0.0.1:ssh": "ssh" is not a port: write [user@]host[:port], or the port on its own line (port: 2222)`},
	} {
		if _, err := targets(c.yaml); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v\nwant %s", c.yaml, err, c.want)
		}
	}
}

// A missing identity file is a mistake in the inventory, at the line that
// names it, whether a host or defaults: names it.
func TestMissingIdentityFileIsAnInventoryError(t *testing.T) {
	tracks := classic(t)
	tr, _ := steps.FindTrack(tracks, "classic")
	dir := t.TempDir()
	key := filepath.Join(dir, "id_ed25519")
	os.WriteFile(key, []byte("key"), 0o600)
	for _, c := range []struct{ yaml, want string }{
		{"track: classic\nhosts:\n  - name: controller-0\n    ssh: 127.0.0.1\n    identity: /nonexistent/.ssh/does_not_exist\n",
			"hardway.yaml:5: hosts[0].identity: /nonexistent/.ssh/does_not_exist does not exist: name the private key you log in with"},
		{"track: classic\ndefaults:\n  user: root\n  identity: does_not_exist\n",
			"hardway.yaml:4: defaults.identity: " + filepath.Join(dir, "does_not_exist") + " does not exist"},
		{"track: classic\ndefaults: {identity: " + dir + "}\n",
			"hardway.yaml:2: defaults.identity: " + dir + " is a directory"},
	} {
		inv, err := Parse(filepath.Join(dir, "hardway.yaml"), []byte(c.yaml))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := inv.Check(tracks); err != nil {
			t.Fatalf("show and status read the inventory without the key: %v", err)
		}
		if _, err = inv.Targets(tr, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v\nwant %s", c.yaml, err, c.want)
		}
	}
	inv, _ := Parse(filepath.Join(dir, "hardway.yaml"), []byte("track: classic\ndefaults: {identity: id_ed25519}\n"))
	if _, err := inv.Targets(tr, nil); err != nil {
		t.Errorf("an identity file next to the inventory: %v", err)
	}
}
