package cli

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"hardway/content"
	"hardway/internal/sshlab"
	"hardway/steps"
	"hardway/term"
	"hardway/walk"
)

// The real binary in a pseudo-terminal, against real sshd hosts: open the
// UI, run a step, see each pane's output, pass the check, advance, quit.
func TestTUIEndToEndOnRealHosts(t *testing.T) {
	if !sshlab.Root() {
		t.Skip("the classic step checks per-host hostnames: run as root")
	}
	_, inv := classicLab(t, 60, true)
	state := t.TempDir()
	// The learner has done everything before 07/etcd-name: the UI resumes there.
	tracks, _ := steps.LoadAll(content.FS, "content")
	tr, _ := steps.FindTrack(tracks, "classic")
	prog, err := walk.OpenProgress(filepath.Join(state, "progress.json"), "classic")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range tr.Steps() {
		if s.ID == "07-bootstrapping-etcd/etcd-name" {
			break
		}
		hosts, _ := tr.Resolve(s.Targets)
		for _, h := range hosts {
			prog.Set(s.ID, h.Name, walk.HostState{Status: walk.Done})
		}
	}
	cmd := exec.Command(os.Args[0], "--inventory", inv, "--state", state)
	cmd.Env = append(os.Environ(), "HARDWAY_CLI_MAIN=1", "TERM=xterm-256color", "LANG=C.UTF-8")
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 120, Rows: 40})
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	screen := term.New(120, 40)
	screen.ReplyTo(ptmx) // answer the program's terminal queries, as a terminal does
	go io.Copy(screen, ptmx)

	waitFor := func(what string, d time.Duration) string {
		t.Helper()
		deadline := time.Now().Add(d)
		for time.Now().Before(deadline) {
			if s := screen.String(); strings.Contains(s, what) {
				return s
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("the screen never showed %q:\n%s", what, screen.String())
		return ""
	}
	send := func(s string) {
		ptmx.Write([]byte(s))
		time.Sleep(150 * time.Millisecond)
	}

	waitFor("hardway · classic v1.15.3", 15*time.Second)
	waitFor("step 6 of 9", 5*time.Second) // 07/etcd-name
	send("\r")                            // run: the first time, the host list is confirmed
	waitFor("Run this step on controller-0, controller-1, controller-2?", 5*time.Second)
	send("y")
	s := waitFor("passed on every host", 30*time.Second)
	for _, h := range controllers {
		if !strings.Contains(s, h+" ✓") {
			t.Errorf("pane title of %s shows no pass:\n%s", h, s)
		}
	}
	// Each pane shows what ran there (and the command box shows it once).
	if n := strings.Count(s, "ETCD_NAME=$(hostname -s)"); n < 4 {
		t.Errorf("the command appears %d times, want the command box and 3 panes:\n%s", n, s)
	}
	send("n")
	waitFor("step 7 of 9", 5*time.Second)
	send("q")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("hardway exited with %v", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("q did not quit")
	}
	// The step is recorded as passed on every host.
	data, _ := os.ReadFile(state + "/progress.json")
	if strings.Count(string(data), `"passed"`) < 3 {
		t.Errorf("progress:\n%s", data)
	}
}
