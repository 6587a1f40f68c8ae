package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hardway/internal/sshlab"
)

// roomTrack is a small track for rooms: four nodes and a local workstation;
// each check reads a file the test writes per host and chapter (markers/
// <sshd host name>.<chapter>), so a test decides what every host answers.
func roomTrack(t testing.TB, root string) (content, markers string) {
	content = filepath.Join(root, "content")
	markers = filepath.Join(root, "markers")
	os.MkdirAll(markers, 0o755)
	check := func(ch string) string {
		return fmt.Sprintf(`    check:
      kind: output
      run: cat %s/$HARDWAY_LAB_HOST.%s
      timeout: 0s
      params: {equals: ok}
      pass: [{output: "ok\n"}]
      fail: [{output: "broken\n"}]
`, markers, ch)
	}
	files := map[string]string{
		"track.yaml": "id: roomlab\nversion: v1\nhosts:\n  - name: ws\n    roles: [workstation]\n    local: true\n" +
			"  - name: node-0\n    address: 10.240.0.20\n    roles: [nodes]\n  - name: node-1\n    address: 10.240.0.21\n    roles: [nodes]\n  - name: node-2\n    address: 10.240.0.22\n    roles: [nodes]\n  - name: node-3\n    address: 10.240.0.23\n    roles: [nodes]\n" +
			"chapters:\n  - 01-ready\n  - 02-serve\n",
		"01-ready.yaml": "steps:\n  - id: ready\n    on: [nodes]\n    run: |\n      echo ok\n" + check("01") +
			"  - id: local-only\n    on: [ws]\n    run: |\n      echo here\n    check:\n      kind: output\n      run: exit 1\n      timeout: 0s\n      params: {equals: ok}\n      pass: [{output: \"ok\\n\"}]\n      fail: [{output: \"no\\n\"}]\n",
		"02-serve.yaml": "steps:\n  - id: serve\n    on: [nodes]\n    run: |\n      echo ok\n" + check("02") +
			"  - id: answer\n    on: [node-0]\n    run: |\n      echo ok\n" + check("02"),
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["prose/"+lang+"/track.md"] = "# Room lab\n"
		files["prose/"+lang+"/01-ready.md"] = "# Ready\n\n## ready: ready\n\nWhy.\n\n### hint\n\nWrite ok.\n\n## local-only: local\n\nWhy.\n\n### hint\n\nNothing.\n"
		files["prose/"+lang+"/02-serve.md"] = "# Serve\n\n## serve: serve\n\nWhy.\n\n### hint\n\nLook at the marker.\n\n## answer: answer\n\nWhy.\n\n### hint\n\nAgain.\n"
	}
	for name, body := range files {
		p := filepath.Join(content, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return content, markers
}

// startRoom starts n labs of four sshd hosts each (all on the loopback
// addresses base..base+3, each host on its own port) and writes the room
// file and an inventory per lab; every marker says ok.
func startRoom(t testing.TB, base, n int, root, markers string) (room string, labs []*sshlab.Lab) {
	var rb strings.Builder
	rb.WriteString("labs:\n")
	for i := range n {
		name := fmt.Sprintf("lab%02d", i)
		var names []string
		for j := range 4 {
			names = append(names, fmt.Sprintf("%s-n%d", name, j))
		}
		l := sshlab.Start(t, base, names)
		labs = append(labs, l)
		dir := filepath.Join(root, "labs", name)
		os.MkdirAll(dir, 0o755)
		var inv strings.Builder
		fmt.Fprintf(&inv, "track: roomlab\nssh_config: [%s]\nknown_hosts: [%s]\nhosts:\n", l.SSHConfigFile, l.KnownHostsFile)
		for j, h := range l.Hosts {
			fmt.Fprintf(&inv, "  - name: node-%d\n    ssh: %s\n", j, h.Name)
			for _, ch := range []string{"01", "02"} {
				os.WriteFile(filepath.Join(markers, h.Name+"."+ch), []byte("ok\n"), 0o644)
			}
		}
		os.WriteFile(filepath.Join(dir, "hardway.yaml"), []byte(inv.String()), 0o644)
		fmt.Fprintf(&rb, "  - {name: %s, inventory: labs/%s/hardway.yaml}\n", name, name)
	}
	room = filepath.Join(root, "room.yaml")
	os.WriteFile(room, []byte(rb.String()), 0o644)
	return room, labs
}

// forgetKeys makes every host of a lab unknown: its ssh_config sends the
// keys to an empty known_hosts.
func forgetKeys(t testing.TB, l *sshlab.Lab) string {
	empty := filepath.Join(l.Dir, "known_hosts.empty")
	os.WriteFile(empty, nil, 0o600)
	cfg, _ := os.ReadFile(l.SSHConfigFile)
	os.WriteFile(l.SSHConfigFile, bytes.ReplaceAll(cfg, []byte(l.KnownHostsFile), []byte(empty)), 0o600)
	return empty
}

// A room of 20 labs x 4 hosts: one lab with a broken step, one with a host
// that is down, one whose host keys are unknown. The table names the broken
// lab's first failing step and host and marks the unreachable lab; the
// others pass, and nothing stops them.
func TestRoomVerify(t *testing.T) {
	root := t.TempDir()
	content, markers := roomTrack(t, root)
	start := time.Now()
	room, labs := startRoom(t, 44, 20, root, markers)
	t.Logf("20 labs x 4 sshd hosts started in %v", time.Since(start).Round(time.Millisecond))

	os.WriteFile(filepath.Join(markers, "lab03-n2.02"), []byte("broken\n"), 0o644) // lab03: serve fails on node-2
	labs[5].Host("lab05-n1").Stop()                                                // lab05: node-1 is down
	known := forgetKeys(t, labs[7])                                                // lab07: keys not known yet

	hw := func(args ...string) result {
		return run(t, "", nil, append([]string{"--content", content, "--state", filepath.Join(root, "state"), "room", "verify", room}, args...)...)
	}
	start = time.Now()
	r := hw()
	took := time.Since(start)
	t.Logf("room verify, 80 hosts: %v\n%s", took.Round(time.Millisecond), r.stdout)
	if r.code != ExitCheckFailed {
		t.Fatalf("exit %d, want 1: %+v", r.code, r)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(r.stdout, "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(f[0], "lab") && len(f[0]) == 5 {
			if _, seen := rows[f[0]]; !seen {
				rows[f[0]] = line
			}
		}
	}
	if len(rows) != 20 {
		t.Fatalf("%d lab rows, want 20:\n%s", len(rows), r.stdout)
	}
	for name, row := range rows {
		switch name {
		case "lab03":
			if !strings.Contains(row, "✓") || !strings.Contains(row, "✗ serve@node-2") {
				t.Errorf("lab03: 01 passes, 02 fails at serve on node-2: %q", row)
			}
		case "lab05", "lab07":
			if strings.Count(row, "⊘") != 2 {
				t.Errorf("%s: unreachable in both chapters: %q", name, row)
			}
		default:
			if strings.Count(row, "✓") != 2 || strings.ContainsAny(row, "✗⊘") {
				t.Errorf("%s: passes both chapters: %q", name, row)
			}
		}
	}
	for _, want := range []string{"serve on node-2", "output is broken", "Look at the marker.", "node-1 could not be reached", "17 of 20 labs passed"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "lab07") || !strings.Contains(r.stderr, "SHA256:") {
		t.Errorf("the unknown keys are not shown with their lab:\n%s", r.stderr)
	}
	// The local workstation is the instructor's machine: never checked.
	if strings.Contains(r.stdout, "local-only") {
		t.Errorf("a check of the local workstation ran:\n%s", r.stdout)
	}

	// --json carries the same; --accept-new trusts lab07's keys in one pass.
	r = hw("--json", "--accept-new")
	if r.code != ExitCheckFailed {
		t.Fatalf("--json: exit %d: %+v", r.code, r)
	}
	var res struct {
		Labs []struct {
			Name, Status string
			Unreachable  map[string]string
			Chapters     []struct{ Chapter, Status, Step, Host, Reason string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatalf("--json: %v\n%s", err, r.stdout)
	}
	status := map[string]string{}
	for _, l := range res.Labs {
		status[l.Name] = l.Status
		if l.Name == "lab03" {
			c := l.Chapters[1]
			if c.Status != "failed" || c.Step != "02-serve/serve" || c.Host != "node-2" || !strings.Contains(c.Reason, "broken") {
				t.Errorf("lab03's 02 in JSON: %+v", c)
			}
		}
		if l.Name == "lab05" && l.Unreachable["node-1"] == "" {
			t.Errorf("lab05: node-1 not reported unreachable: %+v", l)
		}
	}
	if status["lab03"] != "failed" || status["lab05"] != "unreachable" || status["lab07"] != "passed" || status["lab00"] != "passed" {
		t.Errorf("statuses: %v", status)
	}
	if data, _ := os.ReadFile(known); !bytes.Contains(data, []byte("ssh-ed25519")) {
		t.Errorf("lab07's accepted keys were not recorded in %s", known)
	}

	// One chapter, as CSV: one line per lab.
	r = hw("01", "--csv")
	if r.code != ExitUnreachable || strings.Count(r.stdout, "\n") != 21 || !strings.Contains(r.stdout, "lab05,") {
		t.Errorf("01 --csv: exit %d (want 3: only lab05 is wrong there)\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestRoomFileMistakes(t *testing.T) {
	dir := t.TempDir()
	for body, want := range map[string]string{
		"labs:\n  - {name: a, inventory: a.yaml}\n  - {name: a, inventory: b.yaml}\n": "room.yaml:3: a: name: already the name of the lab at line 2",
		"labs:\n  - {name: a}\n":                   "room.yaml:2: a: inventory: missing",
		"labs:\n  - {name: a, inventry: a.yaml}\n": "inventry",
		"labs: []\n": "no labs",
	} {
		p := filepath.Join(dir, "room.yaml")
		os.WriteFile(p, []byte(body), 0o644)
		r := run(t, "", nil, "room", "verify", p)
		if r.code != ExitUsage || !strings.Contains(r.stderr, want) {
			t.Errorf("%q: exit %d, want 2 and %q: %s", body, r.code, want, r.stderr)
		}
	}
}

// Fast-forward over SSH: one lab of four hosts; the walk runs and verifies
// 01's step on the four hosts, then stops at the first step that fails (the
// workstation's), running nothing of 02. Room verify, which checks no local
// workstation, finds the lab's hosts as they should be.
func TestFastForwardOverSSH(t *testing.T) {
	root := t.TempDir()
	content, markers := roomTrack(t, root)
	room, _ := startRoom(t, 36, 1, root, markers)
	state := filepath.Join(root, "state")
	inv := filepath.Join(root, "labs", "lab00", "hardway.yaml")
	r := run(t, "", nil, "--content", content, "--inventory", inv, "--state", filepath.Join(state, "lab00"), "run", "--through", "02-serve", "--yes")
	if r.code != ExitCheckFailed || !strings.Contains(r.stdout, "Will run 4 steps") || strings.Count(r.stdout, "Check: PASS") != 4 ||
		!strings.Contains(r.stdout, "ws          | Check: FAIL") || strings.Contains(r.stdout, "02-serve/serve →") {
		t.Fatalf("run --through 02 over SSH: %+v", r)
	}
	if r := run(t, "", nil, "--content", content, "--state", state, "room", "verify", room); r.code != 0 || !strings.Contains(r.stdout, "1 of 1 labs passed") {
		t.Errorf("room verify after the fast-forward: %+v", r)
	}
}
