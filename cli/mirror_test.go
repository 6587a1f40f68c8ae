package cli

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"hardway/internal/sshlab"
	"hardway/mirror/mirrortest"
)

// mirrorTrack writes a track whose steps download from upstream: a list
// read with wget -i, curl -LO behind a redirect, and a shallow git clone,
// on a node over SSH and on the workstation, into work.
func mirrorTrack(t *testing.T, dir, upstream, work string) {
	t.Helper()
	all := `      - "{{upstream}}/rel/v1/tool-amd64"
      - "{{upstream}}/rel/v1/tool-arm64"
      - "{{upstream}}/redirect/dl/app.tar.gz"
      - "{{upstream}}/git/demo.git"
`
	files := map[string]string{
		"track.yaml": fmt.Sprintf(`id: mirrorlab
version: v1
hosts:
  - name: ws
    roles: [workstation]
    local: true
  - name: node-0
    address: 10.0.0.1
    roles: [nodes]
vars:
  upstream: %s
  work: %s
chapters:
  - 01-downloads
`, upstream, work),
		"01-downloads.yaml": `steps:
  - id: list
    on: [nodes]
    downloads:
      - "{{upstream}}/rel/v1/tool-amd64"
      - "{{upstream}}/rel/v1/tool-arm64"
    run: |
      wget -q --https-only --timestamping -P {{work}}/node-0/downloads -i {{work}}/downloads-$(echo amd64).txt
  - id: fetch
    on: [nodes]
    downloads: ["{{upstream}}/redirect/dl/app.tar.gz"]
    run: |
      cd {{work}}/node-0 && curl -fsSLO {{upstream}}/redirect/dl/app.tar.gz
  - id: clone
    on: [nodes]
    downloads: ["{{upstream}}/git/demo.git"]
    run: |
      cd {{work}}/node-0 && git clone -q --depth 1 {{upstream}}/git/demo.git
  - id: workstation
    on: [workstation]
    downloads:
` + all + `    run: |
      mkdir -p {{work}}/ws && cd {{work}}/ws
      wget -q -i {{work}}/downloads-amd64.txt
      curl -fsSLO {{upstream}}/redirect/dl/app.tar.gz
      git clone -q --depth 1 {{upstream}}/git/demo.git
`,
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["prose/"+lang+"/track.md"] = "# Mirror lab\n"
		var b strings.Builder
		b.WriteString("# Downloads\n\n")
		for _, s := range []string{"list", "fetch", "clone", "workstation"} {
			fmt.Fprintf(&b, "## %s: %s\n\nWhy.\n\n", s, s)
		}
		files["prose/"+lang+"/01-downloads.md"] = b.String()
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// lockedBuffer is written by a command running in the background.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveMirror runs `hardway mirror serve DIR` until the test ends and
// returns its URL and its log.
func serveMirror(t *testing.T, dir string) (string, *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, log lockedBuffer
	done := make(chan int)
	go func() {
		done <- MainContext(ctx, []string{"mirror", "serve", dir, "--listen", "127.0.0.1:0"}, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &log})
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("mirror serve exited %d: %s", code, log.String())
		}
	})
	addr := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+)`)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			return m[1], &log
		}
	}
	t.Fatalf("mirror serve did not start: %s %s", out.String(), log.String())
	return "", nil
}

// The whole path: a track's downloads pulled from an upstream, the upstream
// gone, the mirror served, and the steps run on a real sshd host and on the
// workstation with the mirror set: the files arrive, from the mirror.
func TestMirrorPullServeRun(t *testing.T) {
	if _, err := exec.LookPath("wget"); err != nil {
		t.Skip("wget is not installed")
	}
	up := mirrortest.Start(t, map[string]string{
		"rel/v1/tool-amd64": "tool amd64\n", "rel/v1/tool-arm64": "tool arm64\n", "dl/app.tar.gz": "app\n",
	}, map[string]map[string]string{"git/demo.git": {"README": "demo\n"}})
	upHost := strings.TrimPrefix(up.URL, "http://")
	l := sshlab.Start(t, 210, []string{"node-0"})
	root := t.TempDir()
	content, work, mdir := filepath.Join(root, "content"), filepath.Join(root, "work"), filepath.Join(root, "mirror")
	mirrorTrack(t, content, up.URL, work)
	os.MkdirAll(filepath.Join(work, "node-0"), 0o755)
	os.WriteFile(filepath.Join(work, "downloads-amd64.txt"), []byte(up.URL+"/rel/v1/tool-amd64\n"), 0o644)
	hw := func(args ...string) result {
		return run(t, "", nil, append([]string{"--content", content, "--track", "mirrorlab"}, args...)...)
	}

	if r := hw("lint", content); r.code != 0 {
		t.Fatalf("the track's declarations match its commands: %+v", r)
	}
	r := hw("mirror", "pull", mdir, "--arch", "amd64")
	if r.code != 0 || strings.Count(r.stdout, "fetched") != 4 || !strings.Contains(r.stdout, "failed 0") {
		t.Fatalf("pull: %+v", r)
	}
	for _, p := range []string{"rel/v1/tool-amd64", "redirect/dl/app.tar.gz", "git/demo.git/HEAD"} {
		if _, err := os.Stat(filepath.Join(mdir, upHost, p)); err != nil {
			t.Errorf("not pulled: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(mdir, upHost, "rel/v1/tool-arm64")); err == nil {
		t.Error("--arch amd64 pulled the arm64 download")
	}
	// Resumable: nothing is fetched twice.
	if r := hw("mirror", "pull", mdir, "--arch", "amd64"); r.code != 0 || !strings.Contains(r.stdout, "fetched 0, already there 2, repositories updated 1, failed 0") {
		t.Errorf("pull again: %+v", r)
	}
	if r := hw("mirror", "verify", mdir); r.code != 0 || !strings.Contains(r.stdout, "2 files match") {
		t.Errorf("verify: %+v", r)
	}

	up.Close() // from now on, only the mirror has the files
	mirrorURL, serveLog := serveMirror(t, mdir)
	inv := func(name, mirror string) string {
		p := filepath.Join(root, name)
		body := fmt.Sprintf("track: mirrorlab\nssh_config: [%s]\nknown_hosts: [%s]\n", l.SSHConfigFile, l.KnownHostsFile)
		if mirror != "" {
			body += "mirror: " + mirror + "\n"
		}
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}

	// Without the mirror the upstream is gone, and the step fails.
	r = hw("--inventory", inv("offline.yaml", ""), "--state", filepath.Join(root, "state0"), "run", "01/list", "--yes")
	if r.code != 1 {
		t.Fatalf("without a mirror: %+v", r)
	}

	r = hw("--inventory", inv("hardway.yaml", mirrorURL), "--state", filepath.Join(root, "state"), "run", "01-downloads", "--yes")
	if r.code != 0 {
		t.Fatalf("run with the mirror: %+v\nserve log:\n%s", r, serveLog.String())
	}
	if n := strings.Count(r.stdout, "Downloads come from the mirror "+mirrorURL); n != 4 {
		t.Errorf("the mark under each step's header: %d\n%s", n, r.stdout)
	}
	for _, dir := range []string{filepath.Join(work, "node-0"), filepath.Join(work, "ws")} {
		for file, want := range map[string]string{"app.tar.gz": "app\n", "demo/README": "demo\n"} {
			if data, err := os.ReadFile(filepath.Join(dir, file)); err != nil || string(data) != want {
				t.Errorf("%s/%s: %q %v", dir, file, data, err)
			}
		}
		origin, _ := exec.Command("git", "-C", filepath.Join(dir, "demo"), "remote", "get-url", "origin").Output()
		if want := mirrorURL + "/" + upHost + "/git/demo.git"; strings.TrimSpace(string(origin)) != want {
			t.Errorf("%s cloned from %q, want the mirror %s", dir, origin, want)
		}
	}
	for _, f := range []string{filepath.Join(work, "node-0", "downloads", "tool-amd64"), filepath.Join(work, "ws", "tool-amd64")} {
		if data, _ := os.ReadFile(f); string(data) != "tool amd64\n" {
			t.Errorf("%s (wget -i, --https-only with an http mirror): %q", f, data)
		}
	}
	if strings.Contains(serveLog.String(), "not in mirror") {
		t.Errorf("the mirror missed something:\n%s", serveLog.String())
	}
	// A miss is logged for the instructor.
	if resp, err := http.Get(mirrorURL + "/" + upHost + "/rel/v2/tool-amd64"); err != nil || resp.StatusCode != 404 {
		t.Errorf("a URL not in the mirror: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	if !strings.Contains(serveLog.String(), "not in mirror: /"+upHost+"/rel/v2/tool-amd64") {
		t.Errorf("serve log: %s", serveLog.String())
	}

	// show: the tutorial's command, the mark, and with -v the functions;
	// --mirror wins over the inventory's.
	r = hw("--inventory", inv("hardway.yaml", mirrorURL), "show", "01/list", "-v", "--mirror", "http://10.240.0.1:8080")
	if r.code != 0 || !strings.Contains(r.stdout, "wget -q --https-only --timestamping -P "+work+"/node-0/downloads -i "+work+"/downloads-$(echo amd64).txt") ||
		!strings.Contains(r.stdout, "Downloads come from the mirror http://10.240.0.1:8080") || !strings.Contains(r.stdout, "wget() {") ||
		!strings.Contains(r.stdout, "http://10.240.0.1:8080/"+upHost+"/rel/v1/tool-amd64") {
		t.Errorf("show -v: %+v", r)
	}
	if r := hw("--inventory", inv("offline.yaml", ""), "show", "01/list"); strings.Contains(r.stdout, "Downloads come from") {
		t.Errorf("no mirror, no mark: %+v", r)
	}
	if r := hw("show", "01/list", "--mirror", "10.240.0.1:8080"); r.code != 2 {
		t.Errorf("a --mirror that is no URL: %+v", r)
	}

	// verify names a damaged file.
	os.WriteFile(filepath.Join(mdir, upHost, "dl", "app.tar.gz"), []byte("no"), 0o644)
	os.WriteFile(filepath.Join(mdir, upHost, "redirect", "dl", "app.tar.gz"), []byte("no"), 0o644)
	if r := hw("mirror", "verify", mdir); r.code != 1 || !strings.Contains(r.stdout, filepath.Join(mdir, upHost, "redirect", "dl", "app.tar.gz")+": checksum differs") {
		t.Errorf("verify after damage: %+v", r)
	}
}

// A pull that cannot fetch a URL exits 1 and names it.
func TestMirrorPullNamesFailures(t *testing.T) {
	up := mirrortest.Start(t, map[string]string{"rel/v1/tool-amd64": "tool\n"}, nil)
	root := t.TempDir()
	content := filepath.Join(root, "content")
	mirrorTrack(t, content, up.URL, filepath.Join(root, "work"))
	r := run(t, "", nil, "--content", content, "--track", "mirrorlab", "mirror", "pull", filepath.Join(root, "m"))
	if r.code != 1 {
		t.Fatalf("pull with missing upstream files: %+v", r)
	}
	for _, u := range []string{up.URL + "/rel/v1/tool-arm64", up.URL + "/redirect/dl/app.tar.gz", up.URL + "/git/demo.git"} {
		if !strings.Contains(r.stderr, "could not fetch "+u) {
			t.Errorf("failure of %s not named:\n%s", u, r.stderr)
		}
	}
	if !strings.Contains(r.stdout, "fetched 1, already there 0, repositories updated 0, failed 3") {
		t.Errorf("summary: %s", r.stdout)
	}
	if r := run(t, "", nil, "mirror", "pull", filepath.Join(root, "m"), "--arch", "sparc"); r.code != 2 {
		t.Errorf("--arch sparc: %+v", r)
	}
}

// The inventory's mirror: must be a URL; the mistake is reported at its line.
func TestInventoryMirrorIsChecked(t *testing.T) {
	inv := filepath.Join(t.TempDir(), "hardway.yaml")
	os.WriteFile(inv, []byte("track: classic\nmirror: 10.240.0.1:8080\n"), 0o644)
	r := run(t, "", nil, "--inventory", inv, "status")
	if r.code != 2 || !strings.Contains(r.stderr, inv+":2: mirror:") {
		t.Errorf("%+v", r)
	}
	os.WriteFile(inv, []byte("track: classic\nmirror: http://10.240.0.1:8080\n"), 0o644)
	if r := run(t, "", nil, "--inventory", inv, "show", "07/download-etcd"); !strings.Contains(r.stdout, "Downloads come from the mirror http://10.240.0.1:8080") {
		t.Errorf("show with the inventory's mirror: %+v", r)
	}
}
