// Package bench compares hardway with the tools people use to run the same
// commands on many hosts: pssh and ansible. It runs only when asked
// (HARDWAY_BENCH_PEERS=1, see compare.sh), on real sshd hosts on loopback.
package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"hardway/internal/sshlab"
)

var hosts = []string{"controller-0", "controller-1", "controller-2", "worker-0", "worker-1", "worker-2"}

// The 20 commands of the step, small ones as a tutorial's step has.
var commands = []string{
	"true", "hostname", "uname -r", "id -u", "date +%s", "echo hello", "pwd", "ls / >/dev/null", "cat /etc/hostname",
	"test -d /tmp", "printf ok", "whoami", "uname -m", "echo $HOME", "ls /usr/local/bin", "true", "nproc", "echo done",
	"test -f /etc/os-release", "echo bye",
}

func median(d []time.Duration) time.Duration {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return d[len(d)/2]
}

func timeIt(t *testing.T, runs int, name string, f func() error) time.Duration {
	var d []time.Duration
	for i := 0; i < runs; i++ {
		start := time.Now()
		if err := f(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d = append(d, time.Since(start))
	}
	m := median(d)
	t.Logf("%-34s median %8.1f ms over %d runs (min %.1f, max %.1f)", name, ms(m), runs, ms(d[0]), ms(d[len(d)-1]))
	return m
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func run(name string, args ...string) error {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v\n%s", err, out)
	}
	return nil
}

func TestCompareWithPeers(t *testing.T) {
	if os.Getenv("HARDWAY_BENCH_PEERS") == "" {
		t.Skip("set HARDWAY_BENCH_PEERS=1 (bench/compare.sh does) to compare with pssh and ansible")
	}
	runs := 5
	l := sshlab.Start(t, 240, hosts)
	dir := t.TempDir()

	// hardway: a track with one step of the 20 commands, run from the CLI
	// as a learner would (a new process: connect, run, verify nothing).
	hw := filepath.Join(dir, "hardway")
	if err := run("go", "build", "-o", hw, ".."); err != nil {
		t.Fatal(err)
	}
	var layout, block strings.Builder
	for i, h := range hosts {
		fmt.Fprintf(&layout, "  - name: %s\n    address: 10.240.0.%d\n    roles: [all]\n", h, 10+i)
	}
	for _, c := range commands {
		block.WriteString("      " + c + "\n")
	}
	files := map[string]string{
		"content/bench/track.yaml":    "id: bench\nversion: v1\nhosts:\n" + layout.String() + "chapters: [01-bench]\n",
		"content/bench/01-bench.yaml": "steps:\n  - id: twenty\n    on: [all]\n    run: |\n" + block.String(),
		"hardway.yaml":                fmt.Sprintf("track: bench\nssh_config: [%s]\nknown_hosts: [%s]\n", l.SSHConfigFile, l.KnownHostsFile),
	}
	for name, body := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	hardway := timeIt(t, runs, "hardway run (1 step, 20 commands)", func() error {
		return run(hw, "--content", filepath.Join(dir, "content"), "--inventory", filepath.Join(dir, "hardway.yaml"),
			"--state", filepath.Join(dir, "state"), "run", "01/twenty", "--yes")
	})

	if os.Getenv("HARDWAY_BENCH_PEERS") == "hardway" {
		return // only hardway's number (quick)
	}
	// pssh: one call per command, as the tutorial's blocks would be sent.
	hostFile := filepath.Join(dir, "pssh_hosts")
	os.WriteFile(hostFile, []byte(strings.Join(hosts, "\n")+"\n"), 0o644)
	psshBin, err := exec.LookPath("parallel-ssh")
	if err != nil {
		t.Fatal("parallel-ssh is not installed (apt-get install pssh)")
	}
	pssh := func(kex bool) func() error {
		return func() error {
			x := "-F " + l.SSHConfigFile
			if kex {
				x += " -o KexAlgorithms=curve25519-sha256"
			}
			for _, c := range commands {
				if err := run(psshBin, "-h", hostFile, "-p", "6", "-x", x, c); err != nil {
					return err
				}
			}
			return nil
		}
	}
	psshDefault := timeIt(t, runs, "pssh, 20 calls (default KEX)", pssh(false))
	psshFair := timeIt(t, runs, "pssh, 20 calls (curve25519 KEX)", pssh(true))

	// ansible ad-hoc: one call per command, its defaults (ControlPersist on).
	inv := filepath.Join(dir, "ansible.ini")
	var ini strings.Builder
	ini.WriteString("[lab]\n")
	for _, h := range l.Hosts {
		fmt.Fprintf(&ini, "%s ansible_host=%s ansible_port=%d ansible_user=%s ansible_ssh_private_key_file=%s\n", h.Name, h.Addr, h.Port, l.User, l.ClientKeyFile)
	}
	fmt.Fprintf(&ini, "[lab:vars]\nansible_ssh_common_args='-o UserKnownHostsFile=%s'\nansible_python_interpreter=/usr/bin/python3\n", l.KnownHostsFile)
	os.WriteFile(inv, []byte(ini.String()), 0o644)
	os.Setenv("ANSIBLE_HOST_KEY_CHECKING", "True")
	os.Setenv("ANSIBLE_LOCAL_TEMP", filepath.Join(dir, "ansible-tmp"))
	ansible := timeIt(t, runs, "ansible ad-hoc, 20 calls", func() error {
		for _, c := range commands {
			if err := run("ansible", "all", "-i", inv, "-f", "6", "-m", "shell", "-a", c); err != nil {
				return err
			}
		}
		return nil
	})
	t.Logf("ratios: pssh/hardway %.1fx (default KEX %.1fx), ansible/hardway %.1fx",
		float64(psshFair)/float64(hardway), float64(psshDefault)/float64(hardway), float64(ansible)/float64(hardway))
}
