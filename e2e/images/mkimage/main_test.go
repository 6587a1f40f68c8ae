package main

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"hardway.e2e/images/store"
)

func TestBuildIsReproducibleAndComplete(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "usr/sbin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "usr/sbin/nginx"), []byte("binary"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("usr/sbin", filepath.Join(root, "sbin")); err != nil {
		t.Fatal(err)
	}
	s := store.Store(t.TempDir())
	cfg := map[string]any{"Cmd": []string{"nginx"}}
	first, err := build(s, root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	second, err := build(s, root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if first != second {
		t.Errorf("two builds of the same tree differ: %s, %s", first, second)
	}

	layer, err := tarTree(root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*tar.Header{}
	tr := tar.NewReader(bytes.NewReader(layer))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got[h.Name] = h
	}
	if h := got["usr/sbin/nginx"]; h == nil || h.Mode&0o111 == 0 || h.Uid != 0 {
		t.Errorf("usr/sbin/nginx: %+v, want an executable owned by root", h)
	}
	if h := got["sbin"]; h == nil || h.Typeflag != tar.TypeSymlink || h.Linkname != "usr/sbin" {
		t.Errorf("sbin: %+v, want a symlink to usr/sbin", h)
	}
	if got["usr/"] == nil || got["usr/sbin/"] == nil {
		t.Errorf("directories missing from the layer: %v", got)
	}

	path, _ := s.BlobPath(first)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Config struct{ Digest string }
		Layers []struct{ Digest string }
	}
	if err := json.Unmarshal(b, &m); err != nil || len(m.Layers) != 1 {
		t.Fatalf("manifest %s: %v", b, err)
	}
	for _, d := range []string{m.Config.Digest, m.Layers[0].Digest} {
		if p, err := s.BlobPath(d); err != nil {
			t.Error(err)
		} else if _, err := os.Stat(p); err != nil {
			t.Errorf("blob %s not stored: %v", d, err)
		}
	}
}
