package check

import (
	"reflect"
	"strings"
	"testing"
)

var allKinds = []string{"componentstatuses", "etcd-members", "http", "kernel-modules", "nodes", "objects", "output", "readyz", "systemd-active", "version"}

func TestKinds(t *testing.T) {
	if got := Kinds(); !reflect.DeepEqual(got, allKinds) {
		t.Fatalf("Kinds() = %q, want %q", got, allKinds)
	}
}

func TestNew(t *testing.T) {
	types := map[string]Check{
		"componentstatuses": &ComponentStatuses{},
		"etcd-members":      &EtcdMembers{},
		"http":              &HTTP{},
		"kernel-modules":    &KernelModules{},
		"nodes":             &Nodes{},
		"objects":           &Objects{},
		"output":            &Match{},
		"readyz":            &Readyz{},
		"systemd-active":    &SystemdActive{},
		"version":           &Version{},
	}
	for _, k := range allKinds {
		c, err := New(k)
		if err != nil {
			t.Fatalf("New(%q): %v", k, err)
		}
		if reflect.TypeOf(c) != reflect.TypeOf(types[k]) {
			t.Errorf("New(%q) = %T, want %T", k, c, types[k])
		}
		// An empty check can never pass, so Validate must say so.
		if err := c.Validate(); err == nil {
			t.Errorf("New(%q).Validate() accepted empty parameters", k)
		}
		// Two calls give two independent values.
		c2, _ := New(k)
		if c == c2 {
			t.Errorf("New(%q) returned the same value twice", k)
		}
		if Help(k) == "" {
			t.Errorf("Help(%q) is empty", k)
		}
	}
}

func TestNewUnknown(t *testing.T) {
	for _, k := range []string{"", "componentstatus", "Nodes", "systemd", "etcd_members"} {
		c, err := New(k)
		if err == nil || c != nil {
			t.Errorf("New(%q) = %v, %v; want an error", k, c, err)
			continue
		}
		// The error lists the known kinds so a step author can fix the typo.
		for _, known := range allKinds {
			if !strings.Contains(err.Error(), known) {
				t.Errorf("New(%q) error %q does not list %q", k, err, known)
			}
		}
	}
	if Help("nope") != "" {
		t.Errorf("Help of an unknown kind should be empty")
	}
}

func TestResult(t *testing.T) {
	if r := result(nil); r.Pass {
		t.Error("no items must not pass")
	}
	r := result([]Item{ok("a", "x"), fail("b", "y", "1"), ok("c", "z")})
	if r.Pass {
		t.Error("a failing item must fail the result")
	}
	f := r.Failures()
	if len(f) != 1 || f[0].Subject != "b" || f[0].Reason.Code != "y" || !reflect.DeepEqual(f[0].Reason.Args, []string{"1"}) {
		t.Errorf("Failures() = %+v", f)
	}
	if r := result([]Item{ok("a", "x")}); !r.Pass || r.Failures() != nil {
		t.Errorf("all ok: %+v", r)
	}
}

func TestStripANSI(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "NAME STATUS\n", "NAME STATUS\n"},
		{"SGR colour", "\x1b[32mHealthy\x1b[0m", "Healthy"},
		{"SGR 256 colours", "\x1b[38;5;196mFAIL\x1b[m", "FAIL"},
		{"bracketed paste", "\x1b[?2004hroot@controller-0:~# \x1b[?2004l\r", "root@controller-0:~# \r"},
		{"erase line", "\x1b[2K\rdone", "\rdone"},
		{"cursor move", "a\x1b[10Cb", "ab"},
		{"OSC title with BEL", "\x1b]0;root@node-0: ~\x07active", "active"},
		{"OSC hyperlink with ST", "\x1b]8;;https://kubernetes.io\x1b\\docs\x1b]8;;\x1b\\", "docs"},
		{"charset designation (tput sgr0)", "\x1b[1mbold\x1b(B\x1b[m", "bold"},
		{"keypad mode", "\x1b=\x1b>text", "text"},
		{"save and restore cursor", "\x1b7x\x1b8", "x"},
		{"trailing ESC", "abc\x1b", "abc"},
		{"unterminated CSI", "abc\x1b[12", "abc"},
		{"unterminated OSC", "abc\x1b]0;title", "abc"},
		{"UTF-8 kept", "\x1b[1m노드\x1b[0m ✓", "노드 ✓"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := StripANSI(tc.in); got != tc.want {
				t.Errorf("StripANSI(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"LF", "a\nb\n", []string{"a", "b", ""}},
		{"CRLF", "a\r\nb\r\n", []string{"a", "b", ""}},
		{"progress redraw keeps the last write", "10%\r50%\r100%\n", []string{"100%", ""}},
		{"colour and CRLF", "\x1b[32mactive\x1b[0m\r\n", []string{"active", ""}},
		{"no newline", "ok", []string{"ok"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := lines(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("lines(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPreflight(t *testing.T) {
	tests := []struct {
		name string
		out  Output
		bad  bool
		code Code
		args []string
	}{
		{"empty", pasted(""), true, EmptyOutput, nil},
		{"only colour codes", ran("\x1b[0m\r\n", 0), true, EmptyOutput, nil},
		{"empty with exit 2", ran("", 2), true, CommandFailed, []string{"2", ""}},
		{"bash", ran("bash: etcdctl: command not found\n", 127), true, CommandNotFound, []string{"etcdctl", "bash: etcdctl: command not found"}},
		{"sudo", ran("sudo: etcdctl: command not found\n", 1), true, CommandNotFound, []string{"etcdctl", "sudo: etcdctl: command not found"}},
		{"dash", ran("sh: 1: kubectl: not found\n", 127), true, CommandNotFound, []string{"kubectl", "sh: 1: kubectl: not found"}},
		{"zsh", ran("zsh: command not found: kubectl\n", 127), true, CommandNotFound, []string{"kubectl", "zsh: command not found: kubectl"}},
		{"permission denied", ran("cat: /etc/etcd/kubernetes-key.pem: Permission denied\n", 1), true, PermissionError, []string{"cat: /etc/etcd/kubernetes-key.pem: Permission denied"}},
		{"kubectl localhost:8080", ran(csLocalhost8080, 1), true, ConnectionError, []string{strings.TrimSpace(csLocalhost8080)}},
		{"kubectl x509", ran("Unable to connect to the server: x509: certificate signed by unknown authority\n", 1), true, ConnectionError, nil},
		{"no route", ran("curl: (7) Failed to connect to 10.240.0.10 port 6443: No route to host\n", 7), true, ConnectionError, nil},
		{"DNS", ran("curl: (6) Could not resolve host: server.kubernetes.local\n", 6), true, ConnectionError, nil},
		{"a normal output", ran("active\n", 0), false, "", nil},
		{"'not found' in a normal output", ran("Error from server (NotFound): secrets \"x\" not found\n", 1), false, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it, isBad := preflight("subj", tc.out)
			if isBad != tc.bad {
				t.Fatalf("preflight bad = %v, want %v (%+v)", isBad, tc.bad, it)
			}
			if !isBad {
				return
			}
			if it.Subject != "subj" || it.OK || it.Reason.Code != tc.code {
				t.Errorf("item = %+v, want failing subj %s", it, tc.code)
			}
			if tc.args != nil && !reflect.DeepEqual(it.Reason.Args, tc.args) {
				t.Errorf("args = %q, want %q", it.Reason.Args, tc.args)
			}
		})
	}
}

func TestClip(t *testing.T) {
	if got := clip("short", 10); got != "short" {
		t.Errorf("clip short = %q", got)
	}
	if got := clip(strings.Repeat("a", 12), 10); got != strings.Repeat("a", 10)+"…" {
		t.Errorf("clip long = %q", got)
	}
	// Multi-byte runes are never cut in half.
	s := strings.Repeat("노", 5) // 15 bytes, 5 runes
	if got := clip(s, 10); got != s {
		t.Errorf("clip by runes = %q", got)
	}
	if got := clip(strings.Repeat("노", 12), 10); got != strings.Repeat("노", 10)+"…" {
		t.Errorf("clip multibyte = %q", got)
	}
}
