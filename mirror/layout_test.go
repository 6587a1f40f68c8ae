package mirror

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	good := map[string]string{
		"https://dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl":                   "dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl",
		"https://github.com/kelseyhightower/kubernetes-the-hard-way.git":      "github.com/kelseyhightower/kubernetes-the-hard-way.git",
		"http://nginx.org/download/nginx-1.15.3.tar.gz":                       "nginx.org/download/nginx-1.15.3.tar.gz",
		"http://127.0.0.1:8080/a/b":                                           "127.0.0.1:8080/a/b",
		"https://DL.K8S.IO/x":                                                 "dl.k8s.io/x",
		"https://storage.googleapis.com/kubernetes-the-hard-way/coredns.yaml": "storage.googleapis.com/kubernetes-the-hard-way/coredns.yaml",
	}
	for u, want := range good {
		got, err := Path(u)
		if err != nil || got != want {
			t.Errorf("Path(%q) = %q, %v; want %q", u, got, err, want)
		}
	}
	for _, u := range []string{
		"ftp://example.com/a", "https://example.com", "https://example.com/", "https://example.com/a/",
		"https://example.com/a/../../etc/passwd", "https://example.com/%2e%2e/x", "https://example.com/a//b",
		"https://user@example.com/a", "https://example.com/a?x=1", "https://example.com/a#f",
		"https://exa mple.com/a", "https://example.com/a%5Cb", "https://example.com/a%00b", "file:///etc/passwd",
		"https://../a", "https://[::1]/a",
	} {
		if p, err := Path(u); err == nil {
			t.Errorf("Path(%q) = %q; want an error", u, p)
		}
	}
}

func TestURL(t *testing.T) {
	got, err := URL("http://10.240.0.1:8080/", "https://dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl")
	if want := "http://10.240.0.1:8080/dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl"; err != nil || got != want {
		t.Errorf("URL = %q, %v; want %q", got, err, want)
	}
	got, _ = URL("http://m:1", "https://example.com/a%20b/c")
	if got != "http://m:1/example.com/a%20b/c" {
		t.Errorf("an escaped path stays escaped: %q", got)
	}
}

func TestCheckBase(t *testing.T) {
	for _, ok := range []string{"http://10.240.0.1:8080", "https://mirror.example.com/kthw"} {
		if err := CheckBase(ok); err != nil {
			t.Errorf("CheckBase(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "10.240.0.1:8080", "ftp://x", "http://", "http://x/'a", "http://u@x"} {
		if CheckBase(bad) == nil {
			t.Errorf("CheckBase(%q) accepted", bad)
		}
	}
}

// No URL maps outside the mirror directory, and the mirror's URL for it
// names the same file when a server decodes it.
func FuzzPath(f *testing.F) {
	for _, s := range []string{"https://dl.k8s.io/v1/kubectl", "http://a/../b", "https://a/%2e%2e/b", "https://a/b/./c",
		"https://x:1/a%2Fb", "http://h/a\\b", "https://h/a/b.git", "https://h/%00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		rel, err := Path(raw)
		if err != nil {
			return
		}
		dir := "/srv/mirror"
		full := filepath.Join(dir, filepath.FromSlash(rel))
		if !strings.HasPrefix(full, dir+"/") || filepath.Clean(full) != full || full == dir {
			t.Fatalf("%q maps to %q, outside %s or not clean", raw, full, dir)
		}
		if strings.ContainsAny(rel, "\\\x00") {
			t.Fatalf("%q maps to %q", raw, rel)
		}
		m, err := URL("http://10.240.0.1:8080", raw)
		if err != nil {
			t.Fatalf("URL(%q): %v after Path accepted it", raw, err)
		}
		u, err := url.Parse(m)
		if err != nil || u.Path != "/"+rel || u.Host != "10.240.0.1:8080" {
			t.Fatalf("mirror URL %q of %q does not name %q: %v", m, raw, rel, err)
		}
	})
}
