package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"hardway/internal/sshlab"
)

// The check commands of the room's two chapters, as a workshop's checks
// are: small reads of the host's state, each printing one verdict line.
var roomChecks = []struct{ chapter, id, cmd string }{
	{"01-ready", "hostname", "cat /etc/hostname >/dev/null && echo ok"},
	{"01-ready", "tmp", "test -d /tmp && echo ok"},
	{"02-serve", "bin", "ls /usr/local/bin >/dev/null && echo ok"},
	{"02-serve", "release", "test -f /etc/os-release && echo ok"},
}

// TestRoomVerifyAgainstAnsible times `hardway room verify` of two chapters'
// checks on 30 labs x 4 hosts (120 sshd on loopback), from a cold start (a
// new process), against ansible ad-hoc running the same check commands on
// the same 120 hosts, in turn, and hardway's peak RSS. Run with
// HARDWAY_BENCH_ROOM=1 (a few minutes: ansible is the slow one).
func TestRoomVerifyAgainstAnsible(t *testing.T) {
	if os.Getenv("HARDWAY_BENCH_ROOM") == "" {
		t.Skip("set HARDWAY_BENCH_ROOM=1 to time room verify against ansible on 120 hosts")
	}
	labs, perLab, runs := 30, 4, 3
	if n, err := strconv.Atoi(os.Getenv("HARDWAY_BENCH_ROOM_RUNS")); err == nil && n > 0 {
		runs = n
	}
	dir := t.TempDir()
	hw := filepath.Join(dir, "hardway")
	if err := run("go", "build", "-o", hw, ".."); err != nil {
		t.Fatal(err)
	}
	writeRoomTrack(t, filepath.Join(dir, "content"))
	start := time.Now()
	var room, ini strings.Builder
	room.WriteString("labs:\n")
	ini.WriteString("[room]\n")
	for i := range labs {
		name := fmt.Sprintf("lab%02d", i)
		var names []string
		for j := range perLab {
			names = append(names, fmt.Sprintf("%s-n%d", name, j))
		}
		l := sshlab.Start(t, 56, names) // the labs share 127.0.1.56-59, each host on its own port
		var inv strings.Builder
		fmt.Fprintf(&inv, "track: roomlab\nssh_config: [%s]\nknown_hosts: [%s]\nhosts:\n", l.SSHConfigFile, l.KnownHostsFile)
		for j, h := range l.Hosts {
			fmt.Fprintf(&inv, "  - name: node-%d\n    ssh: %s\n", j, h.Name)
			fmt.Fprintf(&ini, "%s ansible_host=%s ansible_port=%d ansible_user=%s ansible_ssh_private_key_file=%s ansible_ssh_common_args='-o UserKnownHostsFile=%s'\n",
				h.Name, h.Addr, h.Port, l.User, l.ClientKeyFile, l.KnownHostsFile)
		}
		invFile := filepath.Join(dir, "labs", name+".yaml")
		os.MkdirAll(filepath.Dir(invFile), 0o755)
		os.WriteFile(invFile, []byte(inv.String()), 0o644)
		fmt.Fprintf(&room, "  - {name: %s, inventory: labs/%s.yaml}\n", name, name)
	}
	t.Logf("%d labs x %d hosts started in %v", labs, perLab, time.Since(start).Round(time.Millisecond))
	roomFile := filepath.Join(dir, "room.yaml")
	os.WriteFile(roomFile, []byte(room.String()), 0o644)
	ini.WriteString("[room:vars]\nansible_python_interpreter=/usr/bin/python3\n")
	invFile := filepath.Join(dir, "ansible.ini")
	os.WriteFile(invFile, []byte(ini.String()), 0o644)
	os.Setenv("ANSIBLE_HOST_KEY_CHECKING", "True")
	os.Setenv("ANSIBLE_LOCAL_TEMP", filepath.Join(dir, "ansible-tmp"))
	forks := strconv.Itoa(labs * perLab)

	hardway := func() (time.Duration, int64, error) {
		return timed(hw, "--content", filepath.Join(dir, "content"), "--state", filepath.Join(dir, "state"),
			"room", "verify", roomFile, "01", "02", "--csv")
	}
	ansible := func() (time.Duration, int64, error) {
		var total time.Duration
		var peak int64
		for _, c := range roomChecks {
			d, rss, err := timed("ansible", "room", "-i", invFile, "-f", forks, "-m", "shell", "-a", c.cmd)
			if err != nil {
				return 0, 0, err
			}
			total, peak = total+d, max(peak, rss)
		}
		return total, peak, nil
	}
	var hwTimes, anTimes []time.Duration
	var hwRSS int64
	for i := range runs {
		d, rss, err := hardway()
		if err != nil {
			t.Fatalf("hardway room verify: %v", err)
		}
		hwTimes, hwRSS = append(hwTimes, d), max(hwRSS, rss)
		a, _, err := ansible()
		if err != nil {
			t.Fatalf("ansible: %v", err)
		}
		anTimes = append(anTimes, a)
		t.Logf("run %d: hardway %.2f s (RSS %d MB), ansible %.2f s", i+1, d.Seconds(), rss>>10, a.Seconds())
	}
	h, a := median(hwTimes), median(anTimes)
	t.Logf("median over %d runs: hardway room verify %.2f s, peak RSS %d MB; ansible ad-hoc (4 calls, -f %s) %.2f s; ansible/hardway %.1fx",
		runs, h.Seconds(), hwRSS>>10, forks, a.Seconds(), float64(a)/float64(h))
}

// timed runs a command to its end and returns its wall time and peak RSS
// (KB); a non-zero exit is an error.
func timed(name string, args ...string) (time.Duration, int64, error) {
	cmd := exec.Command(name, args...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	if err != nil {
		return d, 0, fmt.Errorf("%s: %v\n%s", name, err, out)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return d, rss, nil
}

func writeRoomTrack(t *testing.T, content string) {
	files := map[string]string{
		"track.yaml": "id: roomlab\nversion: v1\nhosts:\n  - name: ws\n    roles: [workstation]\n    local: true\n" +
			"  - name: node-0\n    address: 10.240.0.20\n    roles: [nodes]\n  - name: node-1\n    address: 10.240.0.21\n    roles: [nodes]\n" +
			"  - name: node-2\n    address: 10.240.0.22\n    roles: [nodes]\n  - name: node-3\n    address: 10.240.0.23\n    roles: [nodes]\n" +
			"chapters: [01-ready, 02-serve]\n",
	}
	yaml := map[string]*strings.Builder{"01-ready": {}, "02-serve": {}}
	prose := map[string]*strings.Builder{"01-ready": {}, "02-serve": {}}
	for _, c := range roomChecks {
		y := yaml[c.chapter]
		if y.Len() == 0 {
			y.WriteString("steps:\n")
			prose[c.chapter].WriteString("# " + c.chapter + "\n")
		}
		fmt.Fprintf(y, "  - id: %s\n    on: [nodes]\n    run: |\n      true\n    check:\n      kind: output\n      run: %s\n      timeout: 0s\n"+
			"      params: {equals: ok}\n      pass: [{output: \"ok\\n\"}]\n      fail: [{output: \"\", exit: 1}]\n", c.id, c.cmd)
		fmt.Fprintf(prose[c.chapter], "\n## %s: %s\n\nWhy.\n\n### hint\n\nLook.\n", c.id, c.id)
	}
	for ch := range yaml {
		files[ch+".yaml"] = yaml[ch].String()
		for _, lang := range []string{"en", "ko", "ja"} {
			files["prose/"+lang+"/"+ch+".md"] = prose[ch].String()
		}
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["prose/"+lang+"/track.md"] = "# Room lab\n"
	}
	for name, body := range files {
		p := filepath.Join(content, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
