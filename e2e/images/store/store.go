// Package store is the image store the lab's registry serves and mkimage
// fills: content-addressed blobs and one file per tag naming its manifest.
//
//	DIR/blobs/sha256/<hex>
//	DIR/refs/<repository>/<tag>   (the manifest's digest, sha256:<hex>)
package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Store is an image store rooted at a directory.
type Store string

// Put writes a blob and returns its digest.
func (s Store) Put(data []byte) (string, error) {
	sum := sha256.Sum256(data)
	hexSum := hex.EncodeToString(sum[:])
	dir := filepath.Join(string(s), "blobs", "sha256")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp := filepath.Join(dir, hexSum+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return "", err
	}
	return "sha256:" + hexSum, os.Rename(tmp, filepath.Join(dir, hexSum))
}

// BlobPath is where the blob with this digest lives, if the digest is valid.
func (s Store) BlobPath(digest string) (string, error) {
	hexSum, ok := strings.CutPrefix(digest, "sha256:")
	if !ok || len(hexSum) != 64 {
		return "", fmt.Errorf("not a sha256 digest: %q", digest)
	}
	if _, err := hex.DecodeString(hexSum); err != nil {
		return "", fmt.Errorf("not a sha256 digest: %q", digest)
	}
	return filepath.Join(string(s), "blobs", "sha256", hexSum), nil
}

// Tag points repository:tag at a manifest digest.
func (s Store) Tag(repository, tag, digest string) error {
	dir := filepath.Join(string(s), "refs", repository)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, tag), []byte(digest+"\n"), 0o644)
}

// Resolve returns the manifest digest of repository:tag.
func (s Store) Resolve(repository, tag string) (string, error) {
	if strings.Contains(tag, "/") || strings.Contains(repository, "..") {
		return "", fmt.Errorf("bad reference %s:%s", repository, tag)
	}
	b, err := os.ReadFile(filepath.Join(string(s), "refs", repository, tag))
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}
