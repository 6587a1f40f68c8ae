package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"hardway/internal/sshlab"
)

// TestMain lets a test run this package's command line as a separate
// process (for kill -9): HARDWAY_CLI_MAIN=1 makes the test binary hardway.
func TestMain(m *testing.M) {
	if os.Getenv("HARDWAY_CLI_MAIN") == "1" {
		os.Exit(Main(os.Args[1:], OSEnv()))
	}
	os.Exit(m.Run())
}

var controllers = []string{"controller-0", "controller-1", "controller-2"}

// classicLab starts the classic track's three controllers as sshd hosts and
// writes an inventory that reaches them through the lab's ssh_config.
func classicLab(t *testing.T, base int, knownHosts bool) (*sshlab.Lab, string) {
	t.Helper()
	l := sshlab.Start(t, base, controllers)
	dir := t.TempDir()
	known := l.KnownHostsFile
	if !knownHosts {
		known = filepath.Join(dir, "known_hosts") // empty: every host unknown
	}
	var b strings.Builder
	fmt.Fprintf(&b, "track: classic\nssh_config: [%s]\nknown_hosts: [%s]\nhosts:\n", l.SSHConfigFile, known)
	for _, h := range l.Hosts {
		fmt.Fprintf(&b, "  - name: %s\n    ssh: %s\n    address: %s\n", h.Name, h.Name, h.Addr)
	}
	if !knownHosts {
		// The lab's ssh_config names its known_hosts; point it elsewhere.
		cfg, _ := os.ReadFile(l.SSHConfigFile)
		os.WriteFile(l.SSHConfigFile, bytes.ReplaceAll(cfg, []byte(l.KnownHostsFile), []byte(known)), 0o600)
	}
	inv := filepath.Join(dir, "hardway.yaml")
	os.WriteFile(inv, []byte(b.String()), 0o644)
	return l, inv
}

func TestRunAStepOnRealHosts(t *testing.T) {
	if !sshlab.Root() {
		t.Skip("the classic steps use sudo and per-host hostnames: run as root")
	}
	l, inv := classicLab(t, 180, true)
	state := t.TempDir()
	args := func(a ...string) []string { return append([]string{"--inventory", inv, "--state", state}, a...) }

	// ETCD_NAME=$(hostname -s), checked against each host's name.
	r := run(t, "", nil, args("run", "07/etcd-name", "--yes")...)
	if r.code != 0 {
		t.Fatalf("run: %+v", r)
	}
	for _, h := range controllers {
		if !strings.Contains(r.stdout, h+" | ") {
			t.Errorf("no output prefixed by %s:\n%s", h, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "Summary") || strings.Count(r.stdout, "passed") < 3 {
		t.Errorf("summary:\n%s", r.stdout)
	}
	// The variable is carried: the next step's unit check sees it.
	if r := run(t, "", nil, args("verify", "07/etcd-name")...); r.code != 0 {
		t.Errorf("verify: %+v", r)
	}
	r = run(t, "", nil, args("status")...)
	if r.code != 0 || !strings.Contains(r.stdout, "ETCD_NAME=controller-1") || !strings.Contains(r.stdout, "etcd-name") {
		t.Errorf("status: %+v", r)
	}
	// show tells what is carried, with the values this host has.
	r = run(t, "", nil, args("show", "07/etcd-unit", "--host", "controller-1", "-v")...)
	if !strings.Contains(r.stdout, "ETCD_NAME ← 07-bootstrapping-etcd/etcd-name = controller-1") || !strings.Contains(r.stdout, `export ETCD_NAME='controller-1'`) || !strings.Contains(r.stdout, "mktemp -d") {
		t.Errorf("show with carried values:\n%s", r.stdout)
	}
	var prog struct {
		Steps map[string]map[string]struct{ Status string }
	}
	data, _ := os.ReadFile(filepath.Join(state, "progress.json"))
	if err := json.Unmarshal(data, &prog); err != nil || prog.Steps["07-bootstrapping-etcd/etcd-name"]["controller-2"].Status != "passed" {
		t.Errorf("progress: %v %s", err, data)
	}

	// A check that fails exits 1 and says why, in Korean when asked.
	r = run(t, "", nil, args("run", "07/install-etcd", "--host", "controller-0", "--yes", "--lang", "ko")...)
	if r.code != 1 || !strings.Contains(r.stdout, "실패") {
		t.Errorf("failing check: %+v", r)
	}

	// JSON events, one per line.
	r = run(t, "", nil, args("run", "08/nginx-site", "--yes", "--json")...)
	if r.code != 0 {
		t.Fatalf("json run: %+v", r)
	}
	kinds := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("not JSON: %q", sc.Text())
		}
		kinds[fmt.Sprint(ev["event"])]++
	}
	if kinds["started"] != 3 || kinds["exited"] != 3 || kinds["summary"] != 1 {
		t.Errorf("events: %v", kinds)
	}
	// Each host wrote the nginx site into its own home directory.
	for _, h := range l.Hosts {
		if _, err := os.Stat(filepath.Join(h.Dir, "home", "kubernetes.default.svc.cluster.local")); err != nil {
			t.Errorf("%s: %v", h.Name, err)
		}
	}

	// A host that is down: exit 3, the others are not touched.
	l.Host("controller-2").Stop()
	r = run(t, "", nil, args("run", "07/etcd-name", "--yes")...)
	if r.code != 3 || !strings.Contains(r.stderr, "controller-2") {
		t.Errorf("unreachable: %+v", r)
	}

	// Without an inventory: a clear usage error.
	if r := run(t, "", nil, "--inventory", "/nonexistent/hardway.yaml", "run", "07/etcd-name", "--yes"); r.code != 2 {
		t.Errorf("no inventory: %+v", r)
	}
}

func TestUnknownHostsNeedConsent(t *testing.T) {
	if !sshlab.Root() {
		t.Skip("uses the classic track's steps on per-host hostnames: run as root")
	}
	_, inv := classicLab(t, 190, false)
	state := t.TempDir()
	r := run(t, "", nil, "--inventory", inv, "--state", state, "run", "07/etcd-name", "--yes")
	if r.code != 2 || strings.Count(r.stderr, "SHA256:") != 3 || !strings.Contains(r.stderr, "--accept-new") {
		t.Fatalf("without consent: %+v", r)
	}
	r = run(t, "", nil, "--inventory", inv, "--state", state, "run", "07/etcd-name", "--yes", "--accept-new")
	if r.code != 0 {
		t.Fatalf("with --accept-new: %+v", r)
	}
	known, _ := os.ReadFile(filepath.Join(filepath.Dir(inv), "known_hosts"))
	if n := strings.Count(string(known), "ssh-ed25519"); n != 3 {
		t.Errorf("known_hosts has %d keys:\n%s", n, known)
	}
}

// kill -9 of hardway in the middle of a step leaves a progress file that
// reads, with nothing marked passed that was not verified.
func TestKill9MidStepLeavesValidProgress(t *testing.T) {
	l := sshlab.Start(t, 200, []string{"controller-0", "controller-1"})
	dir := t.TempDir()
	track := map[string]string{
		"t/track.yaml": "id: t\nversion: v1\nhosts:\n  - name: controller-0\n    address: 10.0.0.1\n    roles: [controllers]\n  - name: controller-1\n    address: 10.0.0.2\n    roles: [controllers]\nchapters: [01-c]\n",
		"t/01-c.yaml":  "steps:\n  - id: quick\n    on: [controllers]\n    run: echo quick\n    check:\n      kind: output\n      run: echo ok\n      params: {equals: ok}\n      pass: [{output: ok}]\n      fail: [{output: no}]\n  - id: slow\n    on: [controllers]\n    run: echo started-slow; sleep 30\n    check:\n      kind: output\n      run: echo ok\n      params: {equals: ok}\n      pass: [{output: ok}]\n      fail: [{output: no}]\n",
		"hardway.yaml": fmt.Sprintf("track: t\nssh_config: [%s]\nknown_hosts: [%s]\n", l.SSHConfigFile, l.KnownHostsFile),
	}
	for name, body := range track {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	state := filepath.Join(dir, "state")
	hardway := func(ctx context.Context, args ...string) *exec.Cmd {
		cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"--content", dir, "--inventory", filepath.Join(dir, "hardway.yaml"), "--state", state}, args...)...)
		cmd.Env = append(os.Environ(), "HARDWAY_CLI_MAIN=1", "NO_COLOR=1")
		return cmd
	}
	if out, err := hardway(context.Background(), "run", "01/quick", "--yes").CombinedOutput(); err != nil {
		t.Fatalf("quick: %v\n%s", err, out)
	}
	cmd := hardway(context.Background(), "run", "01/slow", "--yes")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	seen := 0
	for sc.Scan() && seen < 2 {
		if strings.Contains(sc.Text(), "started-slow") {
			seen++
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	data, err := os.ReadFile(filepath.Join(state, "progress.json"))
	if err != nil {
		t.Fatal(err)
	}
	var prog struct {
		Steps map[string]map[string]struct{ Status string }
	}
	if err := json.Unmarshal(data, &prog); err != nil {
		t.Fatalf("progress.json does not read after kill -9: %v\n%s", err, data)
	}
	for _, h := range []string{"controller-0", "controller-1"} {
		if st := prog.Steps["01-c/quick"][h].Status; st != "passed" {
			t.Errorf("quick on %s: %q, want passed (it was verified before)", h, st)
		}
		if st := prog.Steps["01-c/slow"][h].Status; st == "passed" || st == "done" {
			t.Errorf("slow on %s is %q though it never finished", h, st)
		}
	}
	// And hardway starts again from that state.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if out, err := hardway(ctx, "status").CombinedOutput(); err != nil || !strings.Contains(string(out), "quick") {
		t.Errorf("status after kill -9: %v\n%s", err, out)
	}
}

func TestInitWritesAnInventoryThatLoads(t *testing.T) {
	dir := t.TempDir()
	inv := filepath.Join(dir, "hardway.yaml")
	if r := run(t, "", nil, "--inventory", inv, "init", "--track", "classic"); r.code != 0 {
		t.Fatalf("init: %+v", r)
	}
	if r := run(t, "", nil, "--inventory", inv, "init", "--track", "classic"); r.code != 2 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("init over an existing file: %+v", r)
	}
	// The written inventory loads; status needs no connection.
	if r := run(t, "", nil, "--inventory", inv, "--state", t.TempDir(), "status"); r.code != 0 || !strings.Contains(r.stdout, "classic") {
		t.Errorf("status on the new inventory: %+v", r)
	}
	// A broken inventory names file, line and field.
	os.WriteFile(inv, []byte("track: classic\nhosts:\n  - name: controller-9\n    ssh: x\n"), 0o644)
	r := run(t, "", nil, "--inventory", inv, "--state", t.TempDir(), "status")
	if r.code != 2 || !strings.Contains(r.stderr, inv+":3: hosts[0].name: track classic has no host \"controller-9\"") {
		t.Errorf("broken inventory: %+v", r)
	}
}

// An instructor's variant from --content runs on real hosts like an embedded
// track, and a check with stages follows the lab's progress: the same
// output passes before the step that ends the stage and fails after it.
func TestVariantRunsAndItsStagesFollowProgress(t *testing.T) {
	if !sshlab.Root() {
		t.Skip("each host needs its own home directory: run as root")
	}
	l, inv := classicLab(t, 251, true)
	content := t.TempDir()
	files := map[string]string{
		"lab/track.yaml": "id: lab\nbase: classic\nchapters: [07-bootstrapping-etcd]\n",
		"lab/07-bootstrapping-etcd.yaml": `insert:
  - before: etcd-unit
    steps:
      - id: healthz
        on: [controllers]
        check:
          kind: output
          run: test -e ~/.hardway-started && echo up || echo down
          timeout: 0s
          stages:
            - name: before-start
              until: start
              params: {equals: down}
              pass: [{output: down}]
              fail: [{output: up}]
            - name: started
              params: {equals: up}
              pass: [{output: up}]
              fail: [{output: down}]
      - id: start
        on: [controllers]
        run: touch ~/.hardway-started
`,
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["lab/prose/"+lang+"/track.md"] = "# Lab\n"
		files["lab/prose/"+lang+"/07-bootstrapping-etcd.md"] = "# etcd\n\n## healthz: Health\n\nAsk.\n\n### hint\n\nLook.\n\n## start: Start\n\nStart it.\n"
	}
	for name, body := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(content, name)), 0o755)
		os.WriteFile(filepath.Join(content, name), []byte(body), 0o644)
	}
	data, _ := os.ReadFile(inv)
	os.WriteFile(inv, bytes.Replace(data, []byte("track: classic"), []byte("track: lab"), 1), 0o644)
	state := t.TempDir()
	args := func(a ...string) []string {
		return append([]string{"--content", content, "--inventory", inv, "--state", state}, a...)
	}
	for _, h := range l.Hosts {
		os.Remove(filepath.Join(h.Dir, "home", ".hardway-started"))
	}
	if r := run(t, "", nil, args("verify", "07/healthz", "--json")...); r.code != 0 || !strings.Contains(r.stdout, `"stage":"before-start"`) {
		t.Fatalf("before start: %+v", r)
	}
	if r := run(t, "", nil, args("run", "07/start", "--yes")...); r.code != 0 {
		t.Fatalf("start: %+v", r)
	}
	if r := run(t, "", nil, args("verify", "07/healthz", "--json")...); r.code != 0 || !strings.Contains(r.stdout, `"stage":"started"`) {
		t.Fatalf("after start: %+v", r)
	}
	// Offline, the lab's progress picks the stage too.
	if r := run(t, "", nil, args("verify", "07/healthz")...); r.code != 0 || !strings.Contains(r.stdout, "stage: started") {
		t.Errorf("verify says the stage: %+v", r)
	}
	if r := run(t, "down", nil, args("check", "07/healthz", "--input", "-")...); r.code != 1 || !strings.Contains(r.stdout, "started") {
		t.Errorf("check after start: %+v", r)
	}
}
