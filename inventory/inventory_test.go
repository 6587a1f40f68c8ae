package inventory

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hardway/content"
	"hardway/remote"
	"hardway/steps"
)

func classic(t *testing.T) []*steps.Track {
	t.Helper()
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	return tracks
}

func TestTemplateLoadsAndDefaultsToTheTutorial(t *testing.T) {
	tracks := classic(t)
	tr, _ := steps.FindTrack(tracks, "classic")
	inv, err := Parse("hardway.yaml", []byte(Template(tr)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := inv.Check(tracks)
	if err != nil || got.ID != "classic" {
		t.Fatal(err)
	}
	v := inv.Placeholders(tr)
	if v["controller-1.address"] != "10.240.0.11" || v["etcd_version"] != "3.4.0" {
		t.Errorf("defaults: %v", v)
	}
}

// Hosts given as ~/.ssh/config aliases, as `gcloud compute config-ssh` writes
// them, with the tutorial's addresses kept for the commands.
func TestSSHConfigAliases(t *testing.T) {
	tracks := classic(t)
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "keys"), 0o700)
	os.WriteFile(filepath.Join(dir, "keys/id_ed25519"), nil, 0o600) // an identity the inventory names must exist
	cfg := filepath.Join(dir, "config")
	os.WriteFile(cfg, []byte(`Host controller-0.us-west1-c.my-project
    HostName 35.233.182.23
    IdentityFile ~/.ssh/google_compute_engine
    UserKnownHostsFile=/home/me/.ssh/google_compute_known_hosts
    HostKeyAlias=compute.1234
    StrictHostKeyChecking=no

Host bastion
    HostName 34.1.2.3
    User admin
    Port 2222
`), 0o600)
	inv, err := Parse(filepath.Join(dir, "hardway.yaml"), []byte(`track: classic
ssh_config: [config]
defaults:
  user: learner
hosts:
  - name: controller-0
    ssh: controller-0.us-west1-c.my-project
  - name: controller-1
    ssh: 10.240.0.11
    jump: bastion
    identity: keys/id_ed25519
vars:
  etcd_version: 3.4.1
`))
	if err != nil {
		t.Fatal(err)
	}
	tr, err := inv.Check(tracks)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := remote.LoadSSHConfig(inv.SSHConfigFiles()...)
	if err != nil {
		t.Fatal(err)
	}
	targets, err := inv.Targets(tr, sc)
	if err != nil {
		t.Fatal(err)
	}
	c0 := targets["controller-0"]
	home, _ := os.UserHomeDir()
	if c0.Host != "35.233.182.23" || c0.Port != 22 || c0.User != "learner" || c0.IdentityFiles[0] != filepath.Join(home, ".ssh/google_compute_engine") || !c0.AcceptNew ||
		c0.KnownHostsFiles[0] != "/home/me/.ssh/google_compute_known_hosts" {
		t.Errorf("controller-0: %+v", c0)
	}
	c1 := targets["controller-1"]
	if c1.Host != "10.240.0.11" || c1.Jump == nil || c1.Jump.Host != "34.1.2.3" || c1.Jump.Port != 2222 || c1.Jump.User != "admin" ||
		c1.IdentityFiles[0] != filepath.Join(dir, "keys/id_ed25519") {
		t.Errorf("controller-1: %+v jump %+v", c1, c1.Jump)
	}
	if !targets["workstation"].Local {
		t.Error("the workstation is local")
	}
	// The commands keep the tutorial's addresses; the variable is the inventory's.
	v := inv.Placeholders(tr)
	if v["controller-0.address"] != "10.240.0.10" || v["etcd_version"] != "3.4.1" {
		t.Errorf("placeholders: %v", v)
	}
}

func TestInventoryErrorsNameFileLineAndField(t *testing.T) {
	tracks := classic(t)
	cases := []struct{ yaml, want string }{
		{"track: clasic\n", `inv.yaml:1: track: unknown track "clasic"; did you mean: classic`},
		{"hosts: []\n", "inv.yaml: track: say which track"},
		{"track: classic\nhosts:\n  - name: controller-0\n    prot: 22\n", `inv.yaml:4: unknown field "prot"`},
		{"track: classic\nhosts:\n  - name: controller-0\n  - name: controller-3\n", `inv.yaml:4: hosts[1].name: track classic has no host "controller-3"`},
		{"track: classic\nhosts:\n  - name: controller-0\n    port: 70000\n", "inv.yaml:4: hosts[0].port: 70000 is not a port"},
		{"track: classic\nhosts:\n  - name: controller-0\n  - name: controller-0\n", `inv.yaml:4: hosts[1].name: host "controller-0" is listed twice`},
		{"track: classic\nvars:\n  k8s: v1\n", `inv.yaml:3: vars.k8s: track classic has no variable "k8s"`},
		{"track: classic\nlang: fr\n", "inv.yaml:2: lang: use en, ko or ja"},
		{"track: classic\nhosts:\n  - name: controller-0\n    address: \"1.2.3.4; rm -rf /\"\n", "inv.yaml:4: hosts[0].address:"},
		// Values are data: what the adversarial review ran as root.
		{"track: classic\nhosts:\n  - name: workstation\n    address: \"127.0.9.2<(id>/tmp/p)\"\n", `inv.yaml:4: hosts[0].address: "127.0.9.2<(id>/tmp/p)" is not an IP address or a host name`},
		{"track: classic\nvars:\n  etcd_version: \"3.4.0;id>/tmp/p;echo\"\n", `inv.yaml:3: vars.etcd_version: "3.4.0;id>/tmp/p;echo" is not a version`},
		{"track: kubeadm\nvars:\n  join_token: \"$(id)\"\n", `inv.yaml:3: vars.join_token: "$(id)" is not a bootstrap token`},
		{"track: kubeadm\nvars:\n  master_public_ip: \"13.0.0.1 && id\"\n", `inv.yaml:3: vars.master_public_ip:`},
		{"track: [\n", "inv.yaml:1:"},
	}
	for _, c := range cases {
		inv, err := Parse("inv.yaml", []byte(c.yaml))
		if err == nil {
			_, err = inv.Check(tracks)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v; want %q", c.yaml, err, c.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("track: classic\nhosts:\n  - name: controller-0\n    ssh: x\n")
	f.Add("track: classic\nvars: {a: b}\ndefaults: {port: 2}\n")
	f.Add("- - :")
	tracks, _ := steps.LoadAll(content.FS, "content")
	f.Fuzz(func(t *testing.T, data string) {
		inv, err := Parse("fuzz.yaml", []byte(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if tr, err := inv.Check(tracks); err == nil {
			sc, _ := remote.LoadSSHConfig()
			inv.Targets(tr, sc)
			inv.Placeholders(tr)
		}
	})
}

func TestHugeInventoryIsRefusedUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hardway.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("track: classic\nvars:\n")
	f.Truncate(MaxFileSize + 1)
	f.Close()
	_, _, err = Load(path, classic(t))
	if err == nil || !strings.Contains(err.Error(), "not an inventory") {
		t.Errorf("%v", err)
	}
}
