package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// show prints what run will execute: the inventory's values, not the
// tutorial's, and refuses an inventory whose values are not data.
func TestShowUsesTheInventorysValues(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "hardway.yaml")
	os.WriteFile(inv, []byte("track: classic\nvars:\n  etcd_version: 3.4.99\n"), 0o600)
	r := run(t, "", nil, "--inventory", inv, "--state", dir, "show", "07/download-etcd")
	if r.code != 0 || !strings.Contains(r.stdout, "etcd-v3.4.99-linux-amd64.tar.gz") || strings.Contains(r.stdout, "etcd-v3.4.0-") {
		t.Errorf("show with an inventory:\n%s%s", r.stdout, r.stderr)
	}
	os.WriteFile(inv, []byte("track: classic\nvars:\n  etcd_version: \"3.4.0;id\"\n"), 0o600)
	r = run(t, "", nil, "--inventory", inv, "--state", dir, "show", "07/download-etcd")
	if r.code != 2 || !strings.Contains(r.stderr, "hardway.yaml:3: vars.etcd_version:") {
		t.Errorf("a bad value: %+v", r)
	}
}
