package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// test.sh installs what the tests need even while another apt runs: it
// waits for the lock instead of dying with "Could not get lock" (rc 100).
// A stand-in apt-get on PATH plays an apt whose lock is held for the first
// two updates, and records how it was called.
func TestTestShWaitsForTheAptLock(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "calls")
	fake := `#!/usr/bin/env bash
echo "$*" >>"` + log + `"
case "$*" in
*update*)
  n=$(grep -c update "` + log + `")
  if [ "$n" -le 2 ]; then
    echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 42 (apt-get)" >&2
    exit 100
  fi ;;
esac
exit 0
`
	if err := os.WriteFile(filepath.Join(dir, "apt-get"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := aptInstall(dir, "openssh-server sudo").CombinedOutput()
	if err != nil {
		t.Fatalf("apt_install: %v\n%s", err, out)
	}
	calls, _ := os.ReadFile(log)
	lines := strings.Split(strings.TrimSpace(string(calls)), "\n")
	if len(lines) != 4 || strings.Count(string(calls), "update") != 3 {
		t.Fatalf("want three updates (two locked out) then one install, got:\n%s", calls)
	}
	install := lines[3]
	if !strings.Contains(install, "-o DPkg::Lock::Timeout=300") || !strings.HasSuffix(install, "install -y -qq openssh-server sudo") {
		t.Errorf("install does not wait for the dpkg lock: %q", install)
	}
	if !strings.Contains(string(out), "waiting up to 300s") {
		t.Errorf("the wait is not said: %s", out)
	}

	// Another failure than the lock is reported at once, with apt's words.
	os.WriteFile(log, nil, 0o644)
	os.WriteFile(filepath.Join(dir, "apt-get"), []byte("#!/usr/bin/env bash\necho \"$*\" >>\""+log+"\"\necho 'E: The repository is not signed.' >&2\nexit 100\n"), 0o755)
	out, err = aptInstall(dir, "sudo").CombinedOutput()
	calls, _ = os.ReadFile(log)
	if err == nil || !strings.Contains(string(out), "not signed") || strings.Count(string(calls), "\n") != 1 {
		t.Errorf("a real apt error: err=%v out=%s calls=%s", err, out, calls)
	}
}

// aptInstall runs test.sh's apt_install with the apt-get of dir.
func aptInstall(dir, packages string) *exec.Cmd {
	cmd := exec.Command("bash", "-c", "source ./test.sh && apt_install "+packages)
	cmd.Env = append(os.Environ(), "PATH="+dir+":"+os.Getenv("PATH"), "APT_LOCK_POLL=1")
	return cmd
}
