package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"hardway/internal/sshlab"
)

// failingChapter has a step whose check fails with a long output naming
// missing files, one whose command is missing (exit 127), one that fails
// silently under -q, one that passes, and one whose check command is
// missing.
const failingChapter = `steps:
  - id: copy-files
    on: [nodes]
    run: echo copied
    check:
      kind: output
      run: |
        for i in $(seq 1 45); do echo "file-$i"; done
        ls kubelet kubelet.service
      timeout: 0s
      params:
        exit: 0
        contains: [kubelet.service]
      pass:
        - note: both files are there
          exit: 0
          output: |
            kubelet
            kubelet.service
      fail:
        - exit: 2
          output: |
            ls: cannot access 'kubelet': No such file or directory
  - id: encryption-config
    on: [nodes]
    run: |
      PATH=/nonexistent envsubst < /dev/null > encryption-config.yaml
    check:
      kind: output
      run: echo 32
      timeout: 0s
      params: {equals: "32"}
      pass: [{output: "32"}]
      fail: [{output: "0"}]
  - id: download
    on: [nodes]
    run: |
      wget -q --timeout=2 --tries=1 http://127.0.0.1:9/nothing
  - id: tools
    on: [nodes]
    run: echo installed
    check:
      kind: output
      run: echo ok
      timeout: 0s
      params: {equals: ok}
      pass: [{output: ok}]
      fail: [{output: no}]
  - id: members
    on: [nodes]
    check:
      kind: output
      run: PATH=/nonexistent etcdctl member list
      timeout: 0s
      params: {exit: 0, contains: [started]}
      pass: [{output: "8e9e05c52164694d, started, controller-0"}]
      fail: [{output: ""}]
`

// The hints are prose Markdown with code spans; the download's talks of a
// network error, as the tutorial's does.
const failingProse = "# Chapter\n\n" +
	"## copy-files: Copy\n\nCopy.\n\n### hint\n\nMissing binaries mean `downloads/worker` is empty; ``a `b` c`` too.\n\n" +
	"## encryption-config: Encrypt\n\nEncrypt.\n\n### hint\n\nLook at its output for a network error.\n\n" +
	"## download: Download\n\nDownload.\n\n### hint\n\nLook at its output for a network error, and at `df -h .` for a full disk.\n\n" +
	"## tools: Tools\n\nTools.\n\n### hint\n\nInstall them.\n\n" +
	"## members: Members\n\nMembers.\n\n### hint\n\nA network error means etcd is down.\n"

// failingLab starts node-0 and node-1 as sshd hosts, writes the track and
// an inventory, and returns the arguments that reach them and the state
// directory.
func failingLab(t *testing.T, base int) (*sshlab.Lab, func(...string) []string, string) {
	t.Helper()
	l := sshlab.Start(t, base, []string{"node-0", "node-1"})
	dir := t.TempDir()
	files := map[string]string{
		"ev/track.yaml": "id: ev\nversion: v1\nhosts:\n" +
			"  - name: node-0\n    address: 10.0.0.1\n    roles: [nodes]\n" +
			"  - name: node-1\n    address: 10.0.0.2\n    roles: [nodes]\n" +
			"chapters: [01-c]\n",
		"ev/01-c.yaml": failingChapter,
		"hardway.yaml": fmt.Sprintf("track: ev\nssh_config: [%s]\nknown_hosts: [%s]\n", l.SSHConfigFile, l.KnownHostsFile),
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["ev/prose/"+lang+"/track.md"] = "# Evidence\n"
		files["ev/prose/"+lang+"/01-c.md"] = failingProse
	}
	for name, body := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	state := filepath.Join(dir, "state")
	args := func(a ...string) []string {
		return append([]string{"--content", dir, "--inventory", filepath.Join(dir, "hardway.yaml"), "--state", state}, a...)
	}
	return l, args, state
}

// hostPadding is the printer's alignment of host names, left out so the
// tests read "node-0 | ...".
var hostPadding = regexp.MustCompile(`(?m)^(\S+) +\| `)

func unpadded(s string) string { return hostPadding.ReplaceAllString(s, "$1 | ") }

func TestFailingCheckShowsItsEvidence(t *testing.T) {
	_, args, state := failingLab(t, 220)
	transcript := filepath.Join(state, "transcript.jsonl")

	r := run(t, "", nil, args("run", "01/copy-files", "--yes")...)
	r.stdout = unpadded(r.stdout)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1:\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		// The check command, its output (the last 40 of 47 lines), its exit.
		"node-0 | $ for i in $(seq 1 45); do echo \"file-$i\"; done\n",
		"node-0 |   ls kubelet kubelet.service\n",
		"node-0 |   … 7 earlier lines not shown; the whole output is in the transcript: " + transcript + "\n",
		"node-1 |   file-8\n",
		"node-1 |   file-45\n",
		"node-0 |   ls: cannot access 'kubelet': No such file or directory\n",
		"node-0 | exit 2\n",
		// Every missing file named, in the verdict.
		"node-1 |   ✗ files: no such file (2): kubelet, kubelet.service\n",
		// The tutorial's output, once.
		"\nexpected (the tutorial's output):\n  kubelet\n  kubelet.service\n",
		// The hint, its code spans without backticks.
		"Missing binaries mean downloads/worker is empty; a `b` c too.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("run output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "node-0 |   file-7\n") {
		t.Errorf("more than 40 lines printed:\n%s", r.stdout)
	}
	if strings.Count(r.stdout, "expected (the tutorial's output):") != 1 {
		t.Errorf("the expected output is printed once per step:\n%s", r.stdout)
	}
	// The transcript has the whole of it.
	data, _ := os.ReadFile(transcript)
	if !strings.Contains(string(data), "file-1\\r\\n") && !strings.Contains(string(data), "file-1\\n") {
		t.Errorf("transcript lacks the first lines:\n%s", data)
	}

	// verify shows the same evidence, in Korean when asked.
	r = run(t, "", nil, args("verify", "01/copy-files", "--lang", "ko")...)
	r.stdout = unpadded(r.stdout)
	if r.code != 1 || !strings.Contains(r.stdout, "node-1 | 종료 상태 2\n") || !strings.Contains(r.stdout, "기대 출력(튜토리얼의 출력):\n  kubelet\n") ||
		!strings.Contains(r.stdout, "없는 파일 2개: kubelet, kubelet.service") {
		t.Errorf("verify --lang ko:\n%s", r.stdout)
	}

	// --json prints events only.
	r = run(t, "", nil, args("verify", "01/copy-files", "--json")...)
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("--json printed a line that is not an event: %q", sc.Text())
		}
	}
}

func TestMissingCommandIsNamedAndTheHintLeftOut(t *testing.T) {
	_, args, _ := failingLab(t, 223)
	r := run(t, "", nil, args("run", "01/encryption-config", "--yes")...)
	r.stdout = unpadded(r.stdout)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1:\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"node-0 | exit 127",
		"\nWhat the output says:\n  ✗ envsubst is not installed on this host, or not on its PATH (",
		"envsubst: command not found); it usually comes with the gettext-base package: apt-get install gettext-base (node-0, node-1)\n",
		"(the step's hint is about other failures; hardway show 01-c/encryption-config prints it)",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("run output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "network error") {
		t.Errorf("a hint about a network error for a missing command:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "expected (the tutorial's output)") {
		t.Errorf("the check never ran, yet an expected output is shown:\n%s", r.stdout)
	}

	// A check whose command is missing says so in its verdict, and the
	// step's hint is left out there too.
	r = run(t, "", nil, args("verify", "01/members")...)
	r.stdout = unpadded(r.stdout)
	if r.code != 1 || !strings.Contains(r.stdout, "node-1 |   ✗ etcdctl: etcdctl is not installed on this host, or not on its PATH") ||
		strings.Contains(r.stdout, "network error") || !strings.Contains(r.stdout, "hardway show 01-c/members prints it") {
		t.Errorf("verify with etcdctl missing:\n%s", r.stdout)
	}

	// A silent failure under -q: said so, then the step's hint as a
	// general one.
	r = run(t, "", nil, args("run", "01/download", "--yes", "--lang", "ja")...)
	if r.code != 1 {
		t.Fatalf("download: exit %d:\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"出力からわかること:\n  ✗ コマンドは何も出力せず、終了ステータス 4 で終了しました。wget を -q 付きで実行したため",
		"このステップの一般的なヒント:\nLook at its output for a network error, and at df -h . for a full disk.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("download output lacks %q:\n%s", want, r.stdout)
		}
	}
}
