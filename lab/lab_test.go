package lab

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"hardway/content"
	"hardway/internal/sshlab"
	"hardway/steps"
)

func tracks(t *testing.T) []*steps.Track {
	t.Helper()
	ts, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// Open builds a working engine from an inventory: a step's check runs on a
// real sshd host through it, with progress and a transcript in the state.
func TestOpenRunsOnTheInventorysHosts(t *testing.T) {
	l := sshlab.Start(t, 240, []string{"controller-0"})
	dir := t.TempDir()
	inv := filepath.Join(dir, "hardway.yaml")
	os.WriteFile(inv, []byte("track: classic\nssh_config: ["+l.SSHConfigFile+"]\nknown_hosts: ["+l.KnownHostsFile+"]\nhosts:\n  - name: controller-0\n    ssh: controller-0\n    address: "+l.Hosts[0].Addr+"\nvars:\n  join_token_unused: x\n"), 0o600)
	_, err := Open(Options{Inventory: inv, Tracks: tracks(t), State: dir})
	var cfg ConfigError
	if !errors.As(err, &cfg) {
		t.Fatalf("an unknown variable is a configuration error: %v", err)
	}
	os.WriteFile(inv, []byte("track: classic\nssh_config: ["+l.SSHConfigFile+"]\nknown_hosts: ["+l.KnownHostsFile+"]\nhosts:\n  - name: controller-0\n    ssh: controller-0\n    address: "+l.Hosts[0].Addr+"\n"), 0o600)
	lb, err := Open(Options{Inventory: inv, Tracks: tracks(t), State: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer lb.Close()
	if lb.Track.ID != "classic" || lb.Engine.Rehearsing() {
		t.Fatalf("%s rehearsing=%v", lb, lb.Engine.Rehearsing())
	}
	s := lb.Track.Step("07-bootstrapping-etcd/etcd-name")
	rep, err := lb.Engine.Verify(context.Background(), s, []string{"controller-0"})
	if err != nil || len(rep.Hosts) != 1 || rep.Hosts[0].Status == "unreachable" {
		t.Fatalf("%+v %v", rep.Hosts, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "transcript.jsonl")); err != nil {
		t.Errorf("no transcript: %v", err)
	}
}

func TestRehearsalOpensWithoutHosts(t *testing.T) {
	tr := tracks(t)[0]
	lb, err := Rehearsal(tr, t.TempDir())
	if err != nil || !lb.Engine.Rehearsing() || lb.Pool != nil {
		t.Fatalf("%v %v", lb, err)
	}
	lb.Close()
}
