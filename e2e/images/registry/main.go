// Command registry serves an image store read-only over the registry API
// (enough of it for containerd to pull): GET and HEAD of /v2/,
// /v2/<name>/manifests/<tag|digest> and /v2/<name>/blobs/<digest>.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"strings"
	"time"

	"hardway.e2e/images/store"
)

const manifestType = "application/vnd.oci.image.manifest.v1+json"

func main() {
	dir := flag.String("store", "", "image store directory")
	listen := flag.String("listen", "127.0.0.1:5000", "address to listen on")
	flag.Parse()
	if *dir == "" {
		log.Fatal("registry: -store is required")
	}
	s := store.Store(*dir)
	http.HandleFunc("/v2/", func(w http.ResponseWriter, r *http.Request) {
		serve(s, w, r)
	})
	log.Printf("registry: serving %s on %s", *dir, *listen)
	log.Fatal(http.ListenAndServe(*listen, nil))
}

func serve(s store.Store, w http.ResponseWriter, r *http.Request) {
	log.Printf("%s %s", r.Method, r.URL.String())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "read-only registry", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Docker-Distribution-API-Version", "registry/2.0")
	path := strings.TrimPrefix(r.URL.Path, "/v2/")
	if path == "" {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("{}"))
		return
	}
	name, kind, ref, ok := split(path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	digest := ref
	if kind == "manifests" && !strings.HasPrefix(ref, "sha256:") {
		d, err := s.Resolve(name, ref)
		if err != nil {
			http.Error(w, `{"errors":[{"code":"MANIFEST_UNKNOWN"}]}`, http.StatusNotFound)
			return
		}
		digest = d
	}
	file, err := s.BlobPath(digest)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	f, err := os.Open(file)
	if err != nil {
		http.Error(w, `{"errors":[{"code":"BLOB_UNKNOWN"}]}`, http.StatusNotFound)
		return
	}
	defer f.Close()
	if kind == "manifests" {
		w.Header().Set("Content-Type", manifestType)
	} else {
		w.Header().Set("Content-Type", "application/octet-stream")
	}
	w.Header().Set("Docker-Content-Digest", digest)
	http.ServeContent(w, r, "", time.Time{}, f)
}

// split cuts "<name>/manifests/<ref>" or "<name>/blobs/<digest>".
func split(path string) (name, kind, ref string, ok bool) {
	for _, k := range []string{"manifests", "blobs"} {
		if i := strings.LastIndex(path, "/"+k+"/"); i > 0 {
			return path[:i], k, path[i+len(k)+2:], true
		}
	}
	return "", "", "", false
}
