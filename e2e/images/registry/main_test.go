package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"hardway.e2e/images/store"
)

func TestServesTagsDigestsAndBlobs(t *testing.T) {
	s := store.Store(t.TempDir())
	manifest := []byte(`{"schemaVersion":2}`)
	digest, err := s.Put(manifest)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Tag("library/nginx", "latest", digest); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { serve(s, w, r) }))
	defer srv.Close()

	for _, tc := range []struct {
		method, path string
		status       int
		body         string
	}{
		{"GET", "/v2/", 200, "{}"},
		{"GET", "/v2/library/nginx/manifests/latest?ns=docker.io", 200, string(manifest)},
		{"HEAD", "/v2/library/nginx/manifests/latest", 200, ""},
		{"GET", "/v2/library/nginx/manifests/" + digest, 200, string(manifest)},
		{"GET", "/v2/library/nginx/blobs/" + digest, 200, string(manifest)},
		{"GET", "/v2/library/nginx/manifests/1.0", 404, ""},
		{"GET", "/v2/library/nginx/blobs/sha256:" + hex.EncodeToString(make([]byte, 32)), 404, ""},
		{"GET", "/v2/library/nginx/blobs/sha256:../../refs", 404, ""},
		{"PUT", "/v2/library/nginx/manifests/latest", 405, ""},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, resp.StatusCode, tc.status)
			continue
		}
		if tc.status == 200 && tc.body != "" && string(body) != tc.body {
			t.Errorf("%s %s: body %q, want %q", tc.method, tc.path, body, tc.body)
		}
		if tc.status == 200 && tc.path != "/v2/" && resp.Header.Get("Docker-Content-Digest") != digest {
			t.Errorf("%s %s: Docker-Content-Digest %q, want %q", tc.method, tc.path, resp.Header.Get("Docker-Content-Digest"), digest)
		}
	}
	sum := sha256.Sum256(manifest)
	if digest != "sha256:"+hex.EncodeToString(sum[:]) {
		t.Errorf("digest %s is not the content's sha256", digest)
	}
}
