// Package mirrortest is a fake upstream for mirror tests: an HTTP server on
// loopback that serves files (some behind a redirect, as release downloads
// are) and git repositories over smart HTTP (git http-backend), and counts
// what it was asked for.
package mirrortest

import (
	"io"
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Upstream is a running fake upstream.
type Upstream struct {
	URL  string // http://127.0.0.1:PORT
	Root string // what it serves
	srv  *httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

// RedirectPrefix: /redirect/PATH answers 302 to /PATH.
const RedirectPrefix = "/redirect/"

// Start serves files (path → content) and repositories (a repository's
// path, ending in .git, → its files, committed once on the default branch).
// It stops with the test.
func Start(t testing.TB, files map[string]string, repos map[string]map[string]string) *Upstream {
	t.Helper()
	u := &Upstream{Root: t.TempDir(), hits: map[string]int{}}
	for p, body := range files {
		write(t, filepath.Join(u.Root, filepath.FromSlash(p)), body)
	}
	for p, content := range repos {
		work := t.TempDir()
		for name, body := range content {
			write(t, filepath.Join(work, name), body)
		}
		git(t, work, "init", "-q", "-b", "main")
		git(t, work, "add", ".")
		git(t, work, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "one")
		git(t, "", "clone", "-q", "--bare", work, filepath.Join(u.Root, filepath.FromSlash(p)))
	}
	gitPath, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	backend := &cgi.Handler{Path: gitPath, Args: []string{"http-backend"}, Stderr: io.Discard,
		Env: []string{"GIT_PROJECT_ROOT=" + u.Root, "GIT_HTTP_EXPORT_ALL=1"}}
	u.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.mu.Lock()
		u.hits[r.URL.Path]++
		u.mu.Unlock()
		switch {
		case strings.HasPrefix(r.URL.Path, RedirectPrefix):
			http.Redirect(w, r, "/"+strings.TrimPrefix(r.URL.Path, RedirectPrefix), http.StatusFound)
		case strings.Contains(r.URL.Path, ".git/"):
			backend.ServeHTTP(w, r)
		default:
			http.ServeFile(w, r, filepath.Join(u.Root, filepath.FromSlash(r.URL.Path)))
		}
	}))
	u.URL = u.srv.URL
	t.Cleanup(u.Close)
	return u
}

// Close stops the upstream: from then on nothing can come from it.
func (u *Upstream) Close() { u.srv.Close() }

// Hits is how many requests asked for path.
func (u *Upstream) Hits(path string) int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.hits[path]
}

func write(t testing.TB, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func git(t testing.TB, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}
