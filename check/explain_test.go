package check

import (
	"reflect"
	"testing"
)

// Outputs of real failures, as the learner's terminal showed them.
const (
	// current 09/copy-files, checked on a node: the worker binaries never
	// reached it, the configs and units did.
	lsMissingWorkerFiles = `ls: cannot access 'containerd': No such file or directory
ls: cannot access 'containerd-shim-runc-v2': No such file or directory
ls: cannot access 'kubelet': No such file or directory
99-loopback.conf
containerd-config.toml
kubectl
`
	// The same step on the jumpbox: one named file is missing.
	scpMissingOne  = "scp: stat local \"downloads/worker/kubelet\": No such file or directory\n"
	scpMissingOld  = "scp: downloads/worker/kubelet: No such file or directory\n"
	mvMissing      = "mv: cannot stat 'kube-proxy': No such file or directory\nmv: cannot stat 'kubelet': No such file or directory\n"
	cpMissing      = "cp: cannot stat 'ca.pem': No such file or directory\n"
	sedMissing     = "sed: can't read encryption-config.yaml: No such file or directory\n"
	etcdctlNoCert  = "Error: open /etc/etcd/ca.pem: no such file or directory\n"
	envsubstBash   = "bash: line 1: envsubst: command not found\n"
	envsubstDash   = "/bin/sh: 1: envsubst: not found\n"
	hexdumpMissing = "sudo: hexdump: command not found\n"
)

func TestExplain(t *testing.T) {
	tests := []struct {
		name  string
		out   Output
		items []want
	}{
		{"envsubst missing (current 06)", ran(envsubstBash, 127), []want{
			bad("envsubst", CommandNotFoundPackage, "envsubst", "bash: line 1: envsubst: command not found", "gettext-base")}},
		{"envsubst missing, dash", ran(envsubstDash, 127), []want{
			bad("envsubst", CommandNotFoundPackage, "envsubst", "/bin/sh: 1: envsubst: not found", "gettext-base")}},
		{"hexdump missing under sudo (current 12)", ran(hexdumpMissing, 1), []want{
			bad("hexdump", CommandNotFoundPackage, "hexdump", "sudo: hexdump: command not found", "bsdextrautils")}},
		{"a binary of the tutorial: no package named", ran("bash: etcdctl: command not found\n", 127), []want{
			bad("etcdctl", CommandNotFound, "etcdctl", "bash: etcdctl: command not found")}},
		{"exit 127, nothing printed", ran("", 127), []want{bad("output", CommandNotFoundExit, "127")}},
		{"wget -q fails silently (current 02)", Output{Exit: 8,
			Command: "wget -q --show-progress \\\n  --https-only \\\n  --timestamping \\\n  -P downloads \\\n  -i downloads-$(dpkg --print-architecture).txt"},
			[]want{bad("wget", CommandFailedQuiet, "8", "wget")}},
		{"wget -qO- in a pipe", Output{Exit: 4, Command: "wget -qO- https://example.org/x | tar -xz"}, []want{bad("wget", CommandFailedQuiet, "4", "wget")}},
		{"sudo -E and a variable before the quiet tool", Output{Exit: 1, Command: "sudo -E LANG=C systemctl -q is-active etcd"}, []want{
			bad("systemctl", CommandFailedQuiet, "1", "systemctl")}},
		{"quiet inside a loop", Output{Exit: 4, Command: "for f in a b; do wget --quiet $f; done"}, []want{bad("wget", CommandFailedQuiet, "4", "wget")}},
		{"grep -q hides matches, not errors", Output{Exit: 1, Command: "grep -q ok file"}, []want{bad("output", CommandFailed, "1", "")}},
		{"silent without -q", Output{Exit: 3, Command: "curl -s https://127.0.0.1:6443/healthz"}, []want{bad("output", CommandFailed, "3", "")}},
		{"every missing file named (current 09/copy-files)", ran(lsMissingWorkerFiles, 2), []want{
			bad("files", MissingFiles, "containerd, containerd-shim-runc-v2, kubelet", "3")}},
		{"scp of a missing file (OpenSSH 9)", ran(scpMissingOne, 1), []want{bad("files", MissingFiles, "downloads/worker/kubelet", "1")}},
		{"scp of a missing file (OpenSSH 8)", ran(scpMissingOld, 1), []want{bad("files", MissingFiles, "downloads/worker/kubelet", "1")}},
		{"mv", ran(mvMissing, 1), []want{bad("files", MissingFiles, "kube-proxy, kubelet", "2")}},
		{"cp", ran(cpMissing, 1), []want{bad("files", MissingFiles, "ca.pem", "1")}},
		{"sed", ran(sedMissing, 2), []want{bad("files", MissingFiles, "encryption-config.yaml", "1")}},
		{"Go's open error", ran(etcdctlNoCert, 1), []want{bad("files", MissingFiles, "/etc/etcd/ca.pem", "1")}},
		{"a file named twice is named once", ran(scpMissingOne+scpMissingOne, 1), []want{bad("files", MissingFiles, "downloads/worker/kubelet", "1")}},
		{"over a PTY, coloured", ran(crlf("\x1b[31m"+envsubstBash+"\x1b[0m"), 127), []want{
			bad("envsubst", CommandNotFoundPackage, "envsubst", "bash: line 1: envsubst: command not found", "gettext-base")}},
		{"a command and a file", ran(envsubstBash+sedMissing, 127), []want{
			bad("envsubst", CommandNotFoundPackage), bad("files", MissingFiles, "encryption-config.yaml", "1")}},
		{"nothing to say", ran("Job for containerd.service failed because the control process exited with error code.\n", 1), nil},
		{"nothing printed, exit 0", ran("", 0), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Explain(tc.out)
			assertItems(t, got, tc.items)
		})
	}
}

func assertItems(t *testing.T, got []Item, items []want) {
	t.Helper()
	if len(got) != len(items) {
		t.Fatalf("got %d items, want %d: %s", len(got), len(items), dump(Result{Items: got}))
	}
	for i, w := range items {
		g := got[i]
		if g.Subject != w.Subject || g.OK != w.OK || g.Reason.Code != w.Code {
			t.Errorf("item %d = {%q ok=%v %s}, want {%q ok=%v %s}", i, g.Subject, g.OK, g.Reason.Code, w.Subject, w.OK, w.Code)
			continue
		}
		if w.Args != nil && !reflect.DeepEqual(g.Reason.Args, w.Args) {
			t.Errorf("item %d args = %q, want %q", i, g.Reason.Args, w.Args)
		}
	}
}

// Every kind's preflight says the same as Explain, under the kind's subject.
func TestPreflightExplains(t *testing.T) {
	tests := []struct {
		name string
		out  Output
		code Code
		args []string
	}{
		{"exit 127, nothing printed", ran("", 127), CommandNotFoundExit, []string{"127"}},
		{"quiet", Output{Exit: 4, Command: "wget -q https://example.org/"}, CommandFailedQuiet, []string{"4", "wget"}},
		{"a command with its package", ran(envsubstBash, 127), CommandNotFoundPackage, []string{"envsubst", "bash: line 1: envsubst: command not found", "gettext-base"}},
		{"missing files", ran(lsMissingWorkerFiles, 2), MissingFiles, []string{"containerd, containerd-shim-runc-v2, kubelet", "3"}},
		{"missing certificate", ran(etcdctlNoCert, 1), MissingFiles, []string{"/etc/etcd/ca.pem", "1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it, bad := preflight("subj", tc.out)
			if !bad || it.Subject != "subj" || it.OK || it.Reason.Code != tc.code || !reflect.DeepEqual(it.Reason.Args, tc.args) {
				t.Errorf("preflight = %+v, %v; want failing subj %s %q", it, bad, tc.code, tc.args)
			}
		})
	}
}

var explainedMatchCases = []matchCase{
	// current 09/copy-files: the missing binaries are named, all of them,
	// before what the expectations say.
	{matchOf(Match{Exit: intp(0), Contains: []string{"kubelet.service"}, NotContains: []string{"No such file"}}),
		evalCase{"copy-files names every missing file", ran(lsMissingWorkerFiles, 2), false, []want{
			bad("files", MissingFiles, "containerd, containerd-shim-runc-v2, kubelet", "3"),
			bad("exit", MatchExitWrong, "2", "0"),
			bad("kubelet.service", MatchMissing),
			bad("No such file", MatchForbidden),
		}}},
	// current 06/encryption-config's check when envsubst never ran.
	{matchOf(Match{Exit: intp(0), Equals: strp("32")}), evalCase{"a missing command comes first", ran(envsubstBash, 127), false, []want{
		bad("envsubst", CommandNotFoundPackage, "envsubst", "bash: line 1: envsubst: command not found", "gettext-base"),
		bad("exit", MatchExitWrong, "127", "0"),
		bad("output", MatchNotEquals),
	}}},
	// A silent failure replaces "printed nothing".
	{matchOf(Match{Exit: intp(0), Contains: []string{"kubectl"}}), evalCase{"nothing printed, exit 2", ran("", 2), false, []want{
		bad("output", CommandFailed, "2", ""),
	}}},
	{matchOf(Match{Contains: []string{"kubectl"}}), evalCase{"nothing printed, exit 127", ran("", 127), false, []want{
		bad("output", CommandNotFoundExit, "127"),
	}}},
	// A check that expects the file to be gone passes as before.
	{matchOf(Match{Exit: intp(2), Contains: []string{"No such file"}}), evalCase{"an expected missing file", ran(cpMissing, 2), true, []want{
		pass("exit", MatchExitOK, "2"), pass("No such file", MatchContains),
	}}},
}

func TestMatchExplains(t *testing.T) {
	for _, tc := range explainedMatchCases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.check()
			if err := c.Validate(); err != nil {
				t.Fatal(err)
			}
			assertResult(t, c.Evaluate(tc.out), tc.pass, tc.items)
		})
	}
}

func TestQuietTool(t *testing.T) {
	for cmd, want := range map[string]string{
		"wget -q https://x":                 "wget",
		"wget --quiet https://x":            "wget",
		"curl -sSL https://x":               "",
		"grep -q x f && wget -nv https://x": "",
		"ls -la":                            "",
		"if wget -q x; then echo ok; fi":    "wget",
		"":                                  "",
	} {
		if got := quietTool(cmd); got != want {
			t.Errorf("quietTool(%q) = %q, want %q", cmd, got, want)
		}
	}
}
