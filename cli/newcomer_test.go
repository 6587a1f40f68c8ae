package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hardway/internal/sshlab"
	"hardway/locales"
	"hardway/steps"
	"hardway/walk"
)

// twoNodeTrack is a track of two hosts, a step on each: "hello" on node-0
// first, then "other" on node-1.
var twoNodeTrack = map[string]string{
	"nc/track.yaml": "id: nc\nversion: v1\nhosts:\n" +
		"  - name: workstation\n    local: true\n    roles: [workstation]\n" +
		"  - name: node-0\n    address: 10.0.0.1\n    roles: [nodes]\n" +
		"  - name: node-1\n    address: 10.0.0.2\n    roles: [nodes]\n" +
		"chapters: [01-c]\n",
	"nc/01-c.yaml": `steps:
  - id: hello
    on: [node-0]
    run: echo hello
    check:
      kind: output
      run: echo hello
      timeout: 0s
      params: {equals: hello}
      pass: [{output: hello}]
      fail: [{output: bye}]
  - id: other
    on: [node-1]
    run: echo other
`,
}

// writeTwoNodeLab writes the track and an inventory (the given hosts:
// block) and returns the arguments that use them.
func writeTwoNodeLab(t *testing.T, l *sshlab.Lab, hosts string) (dir string, args func(...string) []string) {
	t.Helper()
	dir = t.TempDir()
	emptyConfig := filepath.Join(dir, "ssh_config") // not the user's ~/.ssh/config
	files := map[string]string{
		"ssh_config":   "",
		"hardway.yaml": fmt.Sprintf("track: nc\nssh_config: [%s]\nknown_hosts: [%s]\nhosts:\n%s", emptyConfig, l.KnownHostsFile, hosts),
	}
	for k, v := range twoNodeTrack {
		files[k] = v
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["nc/prose/"+lang+"/track.md"] = "# Two nodes\n"
		files["nc/prose/"+lang+"/01-c.md"] = "# Chapter\n\n## hello: Hello\n\nSay hello.\n\n### hint\n\nLook.\n\n## other: Other\n\nThe other one.\n"
	}
	for name, body := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	state := filepath.Join(dir, "state")
	return dir, func(a ...string) []string {
		return append([]string{"--content", dir, "--inventory", filepath.Join(dir, "hardway.yaml"), "--state", state}, a...)
	}
}

// ssh: user@host:port reaches the host as ssh users write it; a missing
// identity file is a mistake in the inventory (exit 2 at its line), not an
// unreachable host (exit 3).
func TestInventoryAsSSHUsersWriteItOnRealHosts(t *testing.T) {
	l := sshlab.Start(t, 246, []string{"node-0"})
	h := l.Host("node-0")
	dest := fmt.Sprintf("%s@%s:%d", l.User, h.Addr, h.Port)
	_, args := writeTwoNodeLab(t, l, fmt.Sprintf("  - name: node-0\n    ssh: %s\n    identity: %s\n", dest, l.ClientKeyFile))
	r := run(t, "", nil, args("run", "01/hello", "--yes")...)
	if r.code != 0 || !strings.Contains(unpadded(r.stdout), "node-0 | hello") {
		t.Fatalf("ssh: %s: %+v", dest, r)
	}

	_, args = writeTwoNodeLab(t, l, fmt.Sprintf("  - name: node-0\n    ssh: %s\n    identity: /nonexistent/.ssh/does_not_exist\n", dest))
	r = run(t, "", nil, args("run", "01/hello", "--yes")...)
	if r.code != 2 || !strings.Contains(r.stderr, "hardway.yaml:7: hosts[0].identity: /nonexistent/.ssh/does_not_exist does not exist") ||
		strings.Contains(r.stderr, "cannot reach") {
		t.Errorf("missing identity file: %+v", r)
	}

	// The port given twice, differently, is said where it is wrong.
	_, args = writeTwoNodeLab(t, l, fmt.Sprintf("  - name: node-0\n    ssh: %s\n    port: 22\n", dest))
	r = run(t, "", nil, args("run", "01/hello", "--yes")...)
	if r.code != 2 || !strings.Contains(r.stderr, "hardway.yaml:7: hosts[0].port: 22, but ssh: "+dest+" says port") {
		t.Errorf("two ports: %+v", r)
	}
}

// The terminal UI connects, before it opens, only the hosts of the step the
// learner resumes at: a host that no step in reach needs, down or not, is
// neither contacted nor reported. The command line's run connects the hosts
// of the steps it runs, and no other.
func TestOnlyTheHostsTheLearnerNeedsAreConnected(t *testing.T) {
	l := sshlab.Start(t, 247, []string{"node-0"})
	h := l.Host("node-0")
	// node-1 is down: nothing listens on its port.
	dir, args := writeTwoNodeLab(t, l, fmt.Sprintf("  - name: node-0\n    ssh: %s@%s:%d\n    identity: %s\n  - name: node-1\n    ssh: %s@127.0.1.248:1\n    identity: %s\n",
		l.User, h.Addr, h.Port, l.ClientKeyFile, l.User, l.ClientKeyFile))

	r := run(t, "", nil, args("run", "01/hello", "--yes")...)
	if r.code != 0 || strings.Contains(r.stdout+r.stderr, "node-1") {
		t.Errorf("run on node-0 with node-1 down: %+v", r)
	}

	var stderr bytes.Buffer
	a := &app{ctx: context.Background(), env: Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &stderr, Getenv: func(string) string { return "" }},
		contentDir: dir, inventoryFlag: filepath.Join(dir, "hardway.yaml"), stateFlag: filepath.Join(dir, "ui-state")}
	if err := a.setup(); err != nil {
		t.Fatal(err)
	}
	lb, err := a.openLab()
	if err != nil {
		t.Fatal(err)
	}
	defer lb.pool.Close()
	var remoteHosts []steps.Host
	for _, th := range lb.track.Hosts {
		if !th.Local {
			remoteHosts = append(remoteHosts, th)
		}
	}
	first := a.hostsToConnectFirst(lb, remoteHosts)
	if len(first) != 1 || first[0].Name != "node-0" {
		t.Fatalf("the UI would connect %v first; want node-0, the host of the first step", first)
	}
	if err := a.connect(lb, first); err != nil || strings.Contains(stderr.String(), "node-1") {
		t.Fatalf("connect %v: %v %s", first, err, stderr.String())
	}
	if !lb.pool.Connected("node-0") || lb.pool.Connected("node-1") {
		t.Errorf("connected: node-0 %v, node-1 %v", lb.pool.Connected("node-0"), lb.pool.Connected("node-1"))
	}
	// What the UI did before: every host, and node-1's failure said though
	// no step in reach needs it.
	if err := a.connect(lb, remoteHosts); err == nil || !strings.Contains(err.Error(), "node-1") {
		t.Errorf("connecting every host: %v", err)
	}

	// Once hello is done, the learner resumes at other: node-1 is needed.
	lb.engine.Progress.Set("01-c/hello", "node-0", walk.HostState{Status: walk.Passed})
	if first := a.hostsToConnectFirst(lb, remoteHosts); len(first) != 1 || first[0].Name != "node-1" {
		t.Errorf("after hello: %v; want node-1", first)
	}
}

// Names on the command line: ambiguous is not unknown; a step of another
// chapter is suggested as the learner wrote it.
func TestStepNamesOnTheCommandLine(t *testing.T) {
	r := run(t, "", nil, "show", "login")
	if r.code != 2 || strings.Contains(r.stderr, "unknown") || !strings.Contains(r.stderr, `"login" is a step of several chapters; say which one: 07-bootstrapping-etcd/login`) {
		t.Errorf("show login: %+v", r)
	}
	r = run(t, "", nil, "show", "login", "--lang", "ko")
	if r.code != 2 || !strings.Contains(r.stderr, "여러 장에 있습니다") {
		t.Errorf("show login --lang ko: %+v", r)
	}
	r = run(t, "", nil, "show", "09/start-etcd")
	if r.code != 2 || !strings.Contains(r.stderr, "did you mean: 07/start-etcd") {
		t.Errorf("show 09/start-etcd: %+v", r)
	}
}

// Sample notes are written in English: in another language they are
// marked as such.
func TestSampleNotesAreMarkedEnglish(t *testing.T) {
	note := "both variables were set"
	if got := (&app{lang: locales.EN}).sampleNote(note); got != note {
		t.Errorf("en: %q", got)
	}
	if got := (&app{lang: locales.KO}).sampleNote(note); got != "[영어 원문] "+note {
		t.Errorf("ko: %q", got)
	}
	if got := (&app{lang: locales.JA}).sampleNote(note); got != "[英語の原文] "+note {
		t.Errorf("ja: %q", got)
	}
	if got := (&app{lang: locales.KO}).sampleNote(""); got != "" {
		t.Errorf("no note: %q", got)
	}
}
