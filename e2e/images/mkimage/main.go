// Command mkimage builds a one-layer OCI image from a directory and stores
// it under one or more tags:
//
//	mkimage -store DIR -root ROOTFS -config '{"Cmd":["nginx"]}' library/nginx:latest ...
//
// The layer is reproducible: entries sorted, owned by root, time zero.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"hardway.e2e/images/store"
)

func main() {
	dir := flag.String("store", "", "image store directory")
	root := flag.String("root", "", "directory that becomes the image's file system")
	config := flag.String("config", "{}", "the image's run configuration (Cmd, Entrypoint, Env, User...) as JSON")
	flag.Parse()
	if *dir == "" || *root == "" || flag.NArg() == 0 {
		log.Fatal("usage: mkimage -store DIR -root ROOTFS [-config JSON] NAME:TAG...")
	}
	var runConfig map[string]any
	if err := json.Unmarshal([]byte(*config), &runConfig); err != nil {
		log.Fatalf("mkimage: -config: %v", err)
	}
	s := store.Store(*dir)
	digest, err := build(s, *root, runConfig)
	if err != nil {
		log.Fatalf("mkimage: %v", err)
	}
	for _, ref := range flag.Args() {
		name, tag, ok := strings.Cut(ref, ":")
		if !ok {
			log.Fatalf("mkimage: %s: want NAME:TAG", ref)
		}
		if err := s.Tag(name, tag, digest); err != nil {
			log.Fatalf("mkimage: %v", err)
		}
		fmt.Printf("%s %s\n", ref, digest)
	}
}

type descriptor struct {
	MediaType string `json:"mediaType"`
	Digest    string `json:"digest"`
	Size      int    `json:"size"`
}

// build stores the layer, the config and the manifest; it returns the
// manifest's digest.
func build(s store.Store, root string, runConfig map[string]any) (string, error) {
	layer, err := tarTree(root)
	if err != nil {
		return "", err
	}
	diffID := sha256.Sum256(layer)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(layer); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	layerDigest, err := s.Put(gz.Bytes())
	if err != nil {
		return "", err
	}
	cfg, _ := json.Marshal(map[string]any{
		"architecture": "amd64",
		"os":           "linux",
		"created":      time.Unix(0, 0).UTC().Format(time.RFC3339),
		"config":       runConfig,
		"rootfs":       map[string]any{"type": "layers", "diff_ids": []string{"sha256:" + hex.EncodeToString(diffID[:])}},
	})
	cfgDigest, err := s.Put(cfg)
	if err != nil {
		return "", err
	}
	manifest, _ := json.Marshal(map[string]any{
		"schemaVersion": 2,
		"mediaType":     "application/vnd.oci.image.manifest.v1+json",
		"config":        descriptor{"application/vnd.oci.image.config.v1+json", cfgDigest, len(cfg)},
		"layers":        []descriptor{{"application/vnd.oci.image.layer.v1.tar+gzip", layerDigest, gz.Len()}},
	})
	return s.Put(manifest)
}

// tarTree is the uncompressed layer: every file, directory and symlink under
// root (WalkDir visits them in lexical order).
func tarTree(root string) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == root {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		link := ""
		if info.Mode()&fs.ModeSymlink != 0 {
			if link, err = os.Readlink(path); err != nil {
				return err
			}
		}
		hdr, err := tar.FileInfoHeader(info, link)
		if err != nil {
			return err
		}
		hdr.Name = filepath.ToSlash(rel)
		if d.IsDir() {
			hdr.Name += "/"
		}
		hdr.Uid, hdr.Gid, hdr.Uname, hdr.Gname = 0, 0, "", ""
		hdr.ModTime, hdr.AccessTime, hdr.ChangeTime = time.Unix(0, 0), time.Time{}, time.Time{}
		hdr.Format = tar.FormatPAX
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(tw, f)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
