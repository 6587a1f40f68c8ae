package mirror

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"hardway/mirror/mirrortest"
)

// serveMirror pulls items from a fake upstream into a directory and serves
// it on loopback; it returns the server's URL, the directory and the paths
// reported missing.
func servedMirror(t *testing.T, dir string) (string, *[]string) {
	t.Helper()
	srv, err := NewServer(dir, "", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	var mu sync.Mutex
	var missing []string
	srv.Missing = func(p string) { mu.Lock(); missing = append(missing, p); mu.Unlock() }
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return hs.URL, &missing
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServeFilesAndRepositories(t *testing.T) {
	up := mirrortest.Start(t, map[string]string{"v1/tool": "tool v1\n"},
		map[string]map[string]string{"org/demo.git": {"README": "demo\n"}})
	dir := t.TempDir()
	p := &Puller{Dir: dir}
	res, err := p.Pull(t.Context(), []Item{{URL: up.URL + "/v1/tool"}, {URL: up.URL + "/org/demo.git", Git: true}})
	if err != nil || res[0].Outcome != Fetched || res[1].Outcome != Fetched {
		t.Fatalf("pull: %v %+v", err, res)
	}
	up.Close()
	base, missing := servedMirror(t, dir)
	host := strings.TrimPrefix(up.URL, "http://")

	if code, body := get(t, base+"/"+host+"/v1/tool"); code != 200 || body != "tool v1\n" {
		t.Errorf("file: %d %q", code, body)
	}
	if code, _ := get(t, base+"/"+host+"/v1/other"); code != 404 {
		t.Errorf("a file not in the mirror: %d", code)
	}
	if code, _ := get(t, base+"/"+host+"/v1"); code != 404 {
		t.Errorf("a directory is not served: %d", code)
	}
	if len(*missing) != 2 || (*missing)[0] != "/"+host+"/v1/other" {
		t.Errorf("missing reported: %q", *missing)
	}

	// A shallow clone needs the smart protocol.
	work := t.TempDir()
	out, err := exec.Command("git", "clone", "-q", "--depth", "1", base+"/"+host+"/org/demo.git", filepath.Join(work, "demo")).CombinedOutput()
	if err != nil {
		t.Fatalf("git clone --depth 1 from the mirror: %v\n%s", err, out)
	}
	if data, _ := os.ReadFile(filepath.Join(work, "demo", "README")); string(data) != "demo\n" {
		t.Errorf("cloned README: %q", data)
	}
	// Read-only: a push is refused.
	if code, _ := get(t, base+"/"+host+"/org/demo.git/info/refs?service=git-receive-pack"); code != http.StatusForbidden {
		t.Errorf("receive-pack: %d", code)
	}
}

func TestServeStaysInsideTheDirectory(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "mirror")
	os.MkdirAll(filepath.Join(dir, "h"), 0o755)
	os.WriteFile(filepath.Join(parent, "secret"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(dir, "h", "ok"), []byte("ok"), 0o644)
	os.Symlink(filepath.Join(parent, "secret"), filepath.Join(dir, "h", "link"))
	srv, err := NewServer(dir, "", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var refused []string
	srv.Refused = func(p, why string) { refused = append(refused, p) }
	for _, p := range []string{"/../secret", "/h/../../secret", "/h/link", "/h//ok", "h/ok", "/h/./ok"} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path = p
		srv.ServeHTTP(rec, req)
		if rec.Code == 200 || strings.Contains(rec.Body.String(), "secret") && !strings.Contains(rec.Body.String(), "not in mirror") {
			t.Errorf("%s: %d %q", p, rec.Code, rec.Body.String())
		}
	}
	if len(refused) != 5 {
		t.Errorf("refused: %q", refused)
	}
}

// No request path reads a file outside the mirror directory.
func FuzzServePath(f *testing.F) {
	for _, s := range []string{"/h/ok", "/../secret", "/h/../../secret", "/h/link", "/%2e%2e/secret", "/h/ok/..", "//secret"} {
		f.Add(s)
	}
	parent := f.TempDir()
	dir := filepath.Join(parent, "mirror")
	os.MkdirAll(filepath.Join(dir, "h"), 0o755)
	os.WriteFile(filepath.Join(parent, "secret"), []byte("TOP-SECRET"), 0o644)
	os.WriteFile(filepath.Join(dir, "h", "ok"), []byte("ok"), 0o644)
	os.Symlink(filepath.Join(parent, "secret"), filepath.Join(dir, "h", "link"))
	srv, err := NewServer(dir, "", io.Discard)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, p string) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path = p
		srv.ServeHTTP(rec, req)
		if strings.Contains(rec.Body.String(), "TOP-SECRET") {
			t.Fatalf("%q read a file outside the mirror", p)
		}
	})
}
