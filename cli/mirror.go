package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"hardway/inventory"
	"hardway/mirror"
	"hardway/steps"
)

// mirrorCommand: a download mirror for workshops without Internet. pull
// fills a directory with every URL a track's steps declare, serve serves it
// (files, and git repositories over smart HTTP), verify re-checks it.
func (a *app) mirrorCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:  "mirror",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usage("mirror needs pull, serve or verify (see hardway mirror --help)")
		},
	}
	cmd.AddCommand(a.mirrorPullCommand(), a.mirrorServeCommand(), a.mirrorVerifyCommand())
	return cmd
}

func (a *app) mirrorPullCommand() *cobra.Command {
	var arch string
	cmd := &cobra.Command{
		Use:  "pull DIR",
		Args: exactArgs(1, "DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.mirrorPull(args[0], arch)
		},
	}
	cmd.Flags().StringVar(&arch, "arch", "amd64,arm64", "architectures whose downloads to keep (amd64, arm64)")
	return cmd
}

func (a *app) mirrorServeCommand() *cobra.Command {
	var listen string
	cmd := &cobra.Command{
		Use:  "serve DIR",
		Args: exactArgs(1, "DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.mirrorServe(args[0], listen)
		},
	}
	cmd.Flags().StringVar(&listen, "listen", "127.0.0.1:8080", "the address to listen on")
	return cmd
}

func (a *app) mirrorVerifyCommand() *cobra.Command {
	return &cobra.Command{
		Use:  "verify DIR",
		Args: exactArgs(1, "DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.mirrorVerify(args[0])
		},
	}
}

// pullTracks are the tracks to pull: --track all, --track ID, else the
// inventory's track or the default.
func (a *app) pullTracks() ([]*steps.Track, error) {
	if a.trackFlag == "all" {
		return a.allTracks()
	}
	t, err := a.track()
	if err != nil {
		return nil, err
	}
	return []*steps.Track{t}, nil
}

// pullVars are the values a track's downloads are rendered with: the lab's
// inventory's when it is for this track (its kubernetes_version), else the
// track's own.
func (a *app) pullVars(t *steps.Track) steps.Vars {
	path, err := a.inventoryPath()
	if err != nil {
		return t.DefaultVars()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return t.DefaultVars()
	}
	inv, err := inventory.Parse(path, data)
	if err != nil || inv.Track != t.ID {
		return t.DefaultVars()
	}
	return inv.Placeholders(t)
}

// mirrorItems are the declared downloads of the tracks, once each, in step
// order; a URL a step git clones is a repository.
func (a *app) mirrorItems(tracks []*steps.Track, arches []string) []mirror.Item {
	var items []mirror.Item
	seen := map[string]bool{}
	for _, t := range tracks {
		all := a.pullVars(t)
		for _, s := range t.Steps() {
			if s.Manual || len(s.Downloads) == 0 {
				continue
			}
			vars := all
			if hosts, err := s.TargetHosts(); err == nil && len(hosts) > 0 {
				vars = all.ForHost(hosts[0])
			}
			cloned := map[string]bool{}
			for _, u := range s.ClonedURLs(vars) {
				cloned[u] = true
			}
			for _, u := range s.DownloadURLs(vars) {
				if seen[u] || !forArch(u, arches) {
					continue
				}
				seen[u] = true
				items = append(items, mirror.Item{URL: u, Git: cloned[u]})
			}
		}
	}
	return items
}

// archNames are the spellings of each architecture in download URLs.
var archNames = map[string][]string{"amd64": {"amd64", "x86_64"}, "arm64": {"arm64", "aarch64"}}

// forArch: a URL that names an architecture is kept when it is one of
// arches; a URL that names none is for every machine.
func forArch(u string, arches []string) bool {
	named := false
	for arch, spellings := range archNames {
		for _, sp := range spellings {
			if strings.Contains(u, sp) {
				named = true
				for _, want := range arches {
					if want == arch {
						return true
					}
				}
			}
		}
	}
	return !named
}

func (a *app) mirrorPull(dir, arch string) error {
	var arches []string
	for _, x := range strings.Split(arch, ",") {
		x = strings.TrimSpace(x)
		if _, ok := archNames[x]; !ok {
			return usage("--arch: %q is not amd64 or arm64", x)
		}
		arches = append(arches, x)
	}
	tracks, err := a.pullTracks()
	if err != nil {
		return err
	}
	items := a.mirrorItems(tracks, arches)
	var ids []string
	for _, t := range tracks {
		ids = append(ids, t.ID)
	}
	if len(items) == 0 {
		return usage("no step of %s declares a download (downloads:)", strings.Join(ids, ", "))
	}
	a.printf("%s\n", a.bold(fmt.Sprintf("Pulling %d URLs of %s into %s", len(items), strings.Join(ids, ", "), dir)))
	var mu sync.Mutex
	p := &mirror.Puller{Dir: dir, Progress: func(r mirror.Result) {
		mu.Lock()
		defer mu.Unlock()
		switch r.Outcome {
		case mirror.Failed:
			a.printf("  %s %s: %v\n", a.red("failed "), r.URL, r.Err)
		case mirror.Fetched:
			size := ""
			if !r.Git {
				size = a.dim(" (" + humanBytes(r.Bytes) + ")")
			}
			a.printf("  %s %s%s\n", a.green("fetched"), r.URL, size)
		default:
			a.printf("  %s %s\n", a.dim(string(r.Outcome)), r.URL)
		}
	}}
	results, err := p.Pull(a.ctx, items)
	if err != nil {
		return err
	}
	count := map[mirror.Outcome]int{}
	var failed []string
	for _, r := range results {
		count[r.Outcome]++
		if r.Outcome == mirror.Failed {
			failed = append(failed, r.URL)
		}
	}
	a.printf("fetched %d, already there %d, repositories updated %d, failed %d; checksums in %s\n",
		count[mirror.Fetched], count[mirror.Present], count[mirror.Updated], count[mirror.Failed], filepath.Join(dir, mirror.SumsFile))
	if len(failed) > 0 {
		for _, u := range failed {
			fmt.Fprintf(a.env.Stderr, "hardway: could not fetch %s\n", u)
		}
		return errCheckFailed
	}
	return nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func (a *app) mirrorServe(dir, listen string) error {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return usage("%s: not a directory (hardway mirror pull %s fills one)", dir, dir)
	}
	srv, err := mirror.NewServer(dir, "", a.env.Stderr)
	if err != nil {
		return err
	}
	defer srv.Close()
	var mu sync.Mutex
	logf := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(a.env.Stderr, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
	}
	srv.Missing = func(p string) { logf("not in mirror: %s", p) }
	srv.Refused = func(p, why string) { logf("refused %s: %s", p, why) }
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return usage("--listen: %v", err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 30 * time.Second}
	a.printf("serving %s at http://%s (mirror: http://%s in the inventory, or --mirror)\n", dir, ln.Addr(), ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-a.ctx.Done():
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(ctx)
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

func (a *app) mirrorVerify(dir string) error {
	ok, problems, err := mirror.Verify(dir)
	if err != nil {
		return usageError{err}
	}
	for _, p := range problems {
		a.printf("%s: %s\n", filepath.Join(dir, filepath.FromSlash(p.Path)), a.red(p.What))
	}
	a.printf("%d files match %s, %d do not\n", ok, filepath.Join(dir, mirror.SumsFile), len(problems))
	if len(problems) > 0 {
		return errCheckFailed
	}
	return nil
}

// mirrorFor is the lab's download mirror: --mirror, else the inventory's
// mirror:, else none.
func (a *app) mirrorFor(inv *inventory.Inventory) (string, error) {
	if a.mirrorFlag != "" {
		if err := mirror.CheckBase(a.mirrorFlag); err != nil {
			return "", usage("--mirror: %v", err)
		}
		return a.mirrorFlag, nil
	}
	if inv != nil && inv.Mirror != "" {
		if err := mirror.CheckBase(inv.Mirror); err != nil {
			return "", usage("%s: mirror: %v", inv.File, err)
		}
		return inv.Mirror, nil
	}
	return "", nil
}

// shownMirror is the mirror show describes: --mirror, else the inventory's
// when there is one here (show needs no lab).
func (a *app) shownMirror() (string, error) {
	var inv *inventory.Inventory
	if path, err := a.inventoryPath(); err == nil {
		if data, err := os.ReadFile(path); err == nil {
			inv, _ = inventory.Parse(path, data)
		}
	}
	return a.mirrorFor(inv)
}

// mirrorMark says that a step's downloads come from the mirror; "" when
// they do not (no mirror, nothing declared, or a block the learner runs).
func (a *app) mirrorMark(s *steps.Step, mirrorURL string) string {
	if mirrorURL == "" || len(s.Downloads) == 0 || s.Manual {
		return ""
	}
	return a.msg("ui.mirror_mark", mirrorURL)
}
