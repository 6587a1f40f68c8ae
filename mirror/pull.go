package mirror

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// Item is an upstream URL to keep: a file, or a git repository (what a
// step git clones).
type Item struct {
	URL string
	Git bool
}

// Outcome of pulling one item.
type Outcome string

const (
	Fetched Outcome = "fetched" // downloaded now
	Present Outcome = "present" // already there with the listed checksum
	Updated Outcome = "updated" // a repository brought up to date
	Failed  Outcome = "failed"
)

// Result is what happened to one item.
type Result struct {
	Item
	Outcome Outcome
	Bytes   int64
	Err     error
}

// Puller fills a mirror directory.
type Puller struct {
	Dir    string
	Client *http.Client // default: http.DefaultClient (proxy from the environment)
	Git    string       // the git program; default "git"
	// Parallel downloads at once; default 4.
	Parallel int
	// Progress, when set, receives each result as it comes.
	Progress func(Result)

	mu   sync.Mutex
	sums Sums
}

// Pull fetches every item into the layout and writes SHA256SUMS. A file
// whose checksum there matches is not fetched again, so a pull cut short
// resumes; a repository there is updated. Results come in the items' order.
func (p *Puller) Pull(ctx context.Context, items []Item) ([]Result, error) {
	if err := os.MkdirAll(p.Dir, 0o755); err != nil {
		return nil, err
	}
	sums, err := ReadSums(p.Dir)
	if err != nil {
		return nil, err
	}
	p.sums = sums
	results := make([]Result, len(items))
	work := make(chan int)
	var wg sync.WaitGroup
	parallel := p.Parallel
	if parallel <= 0 {
		parallel = 4
	}
	for range parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = p.pullOne(ctx, items[i])
				if p.Progress != nil {
					p.Progress(results[i])
				}
			}
		}()
	}
	for i := range items {
		work <- i
	}
	close(work)
	wg.Wait()
	// Written even when nothing was fetched: the directory is a mirror.
	return results, p.sums.Write(p.Dir)
}

func (p *Puller) pullOne(ctx context.Context, it Item) Result {
	r := Result{Item: it}
	rel, err := Path(it.URL)
	if err == nil {
		if it.Git {
			r.Outcome, err = p.pullRepo(ctx, it.URL, rel)
		} else {
			r.Outcome, r.Bytes, err = p.pullFile(ctx, it.URL, rel)
		}
	}
	if err != nil {
		r.Outcome, r.Err = Failed, err
	}
	return r
}

func (p *Puller) pullFile(ctx context.Context, rawURL, rel string) (Outcome, int64, error) {
	dest := filepath.Join(p.Dir, filepath.FromSlash(rel))
	p.mu.Lock()
	want := p.sums[rel]
	p.mu.Unlock()
	if want != "" {
		if got, err := fileSum(dest); err == nil && got == want {
			return Present, 0, nil
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Failed, 0, err
	}
	req.Header.Set("User-Agent", "hardway-mirror")
	client := p.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return Failed, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Failed, 0, fmt.Errorf("%s", resp.Status)
	}
	// Written beside the file and renamed when whole: a file in the mirror
	// is never half a download.
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return Failed, 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".part-*")
	if err != nil {
		return Failed, 0, err
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), resp.Body)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && resp.ContentLength >= 0 && n != resp.ContentLength {
		err = fmt.Errorf("got %d of %d bytes", n, resp.ContentLength)
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dest)
	}
	if err != nil {
		return Failed, n, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sums[rel] = hex.EncodeToString(h.Sum(nil))
	// Saved after every file, so that an interrupted pull resumes.
	return Fetched, n, p.sums.Write(p.Dir)
}

// pullRepo keeps a bare mirror of a repository: git clone --mirror the
// first time, git remote update after.
func (p *Puller) pullRepo(ctx context.Context, rawURL, rel string) (Outcome, error) {
	dest := filepath.Join(p.Dir, filepath.FromSlash(rel))
	if fi, err := os.Stat(filepath.Join(dest, "HEAD")); err == nil && fi.Mode().IsRegular() {
		return Updated, p.git(ctx, "--git-dir="+dest, "remote", "update", "--prune")
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return Failed, err
	}
	tmp := dest + ".part"
	os.RemoveAll(tmp)
	if err := p.git(ctx, "clone", "--mirror", "--quiet", rawURL, tmp); err != nil {
		os.RemoveAll(tmp)
		return Failed, err
	}
	return Fetched, os.Rename(tmp, dest)
}

func (p *Puller) git(ctx context.Context, args ...string) error {
	prog := p.Git
	if prog == "" {
		prog = "git"
	}
	cmd := exec.CommandContext(ctx, prog, args...)
	// Never wait for a password on a terminal: a private URL fails.
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if msg == "" {
			return err
		}
		return errors.New(msg)
	}
	return nil
}
