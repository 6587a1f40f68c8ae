package mirror

import (
	"io"
	"net/http"
	"net/http/cgi"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Server serves a mirror directory over HTTP: files as they are, and bare
// git repositories over git's smart HTTP protocol (git http-backend as a
// CGI), which shallow clones (git clone --depth 1) need. It serves nothing
// outside the directory, refuses pushes, and reports every URL it does not
// have through Missing, so an instructor sees what the mirror lacks.
type Server struct {
	root    *os.Root
	dir     string
	git     *cgi.Handler
	Missing func(path string)
	// Refused receives requests turned away (a path that tries to leave
	// the directory, a push).
	Refused func(path, why string)
}

// NewServer serves dir; git is the git program (found on PATH when ""),
// gitLog receives what git http-backend says on its standard error.
func NewServer(dir, git string, gitLog io.Writer) (*Server, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return nil, err
	}
	if git == "" {
		if git, err = exec.LookPath("git"); err != nil {
			root.Close()
			return nil, err
		}
	}
	return &Server{root: root, dir: abs, git: &cgi.Handler{
		Path:   git,
		Args:   []string{"http-backend"},
		Dir:    abs,
		Stderr: gitLog,
		// http-backend serves the repository PATH_INFO names under
		// GIT_PROJECT_ROOT; every repository here is for the taking. The
		// mirror's owner may differ from the server's user (copied as root).
		Env: []string{"GIT_PROJECT_ROOT=" + abs, "GIT_HTTP_EXPORT_ALL=1",
			"GIT_CONFIG_COUNT=1", "GIT_CONFIG_KEY_0=safe.directory", "GIT_CONFIG_VALUE_0=*"},
	}}, nil
}

// Close releases the directory.
func (s *Server) Close() error { return s.root.Close() }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	rel := strings.TrimPrefix(p, "/")
	if !strings.HasPrefix(p, "/") || cleanPath(rel) != nil {
		s.refuse(w, p, "not a path inside the mirror", http.StatusBadRequest)
		return
	}
	if service, ok := s.gitRequest(rel, r); ok {
		if service == "git-receive-pack" {
			s.refuse(w, p, "a mirror is read-only", http.StatusForbidden)
			return
		}
		s.git.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "a mirror only serves files", http.StatusMethodNotAllowed)
		return
	}
	f, err := s.root.Open(filepath.FromSlash(rel))
	if err != nil {
		s.missing(w, p)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		s.missing(w, p)
		return
	}
	// Range requests and Last-Modified (wget --timestamping) come with it.
	http.ServeContent(w, r, fi.Name(), fi.ModTime(), f)
}

func (s *Server) missing(w http.ResponseWriter, p string) {
	if s.Missing != nil {
		s.Missing(p)
	}
	http.Error(w, "not in mirror: "+p, http.StatusNotFound)
}

func (s *Server) refuse(w http.ResponseWriter, p, why string, code int) {
	if s.Refused != nil {
		s.Refused(p, why)
	}
	http.Error(w, why, code)
}

// gitRequest recognises a request for a repository of the mirror: its path
// is a bare repository's followed by one of git's HTTP endpoints.
func (s *Server) gitRequest(rel string, r *http.Request) (service string, ok bool) {
	for i := strings.LastIndex(rel, "/"); i > 0; i = strings.LastIndex(rel[:i], "/") {
		repo, rest := rel[:i], rel[i+1:]
		switch {
		case rest == "info/refs":
			service = r.URL.Query().Get("service")
		case rest == "git-upload-pack" || rest == "git-receive-pack":
			service = rest
		case rest == "HEAD" || strings.HasPrefix(rest, "objects/") || strings.HasPrefix(rest, "info/"):
		default:
			continue
		}
		if s.isRepo(repo) {
			return service, true
		}
	}
	return "", false
}

// isRepo: a bare repository, as git clone --mirror makes it.
func (s *Server) isRepo(rel string) bool {
	for _, name := range []string{"HEAD", "objects", "refs"} {
		if _, err := s.root.Stat(filepath.Join(filepath.FromSlash(rel), name)); err != nil {
			return false
		}
	}
	return true
}
