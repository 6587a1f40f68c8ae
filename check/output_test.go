package check

import (
	"strings"
	"testing"
)

func intp(n int) *int               { return &n }
func strp(s string) *string         { return &s }
func newMatch(m Match) *Match       { return &m }
func matchOf(m Match) func() *Match { return func() *Match { return newMatch(m) } }

const (
	// Current docs/08.
	clusterInfo = "Kubernetes control plane is running at https://127.0.0.1:6443\n\n" +
		"To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
	// Current docs/02.
	kubectlClientVersion = "Client Version: v1.32.3\nKustomize Version: v5.5.0\n"
	// Current docs/12: the encrypted secret's prefix.
	hexdumpSecret = `00000000  2f 72 65 67 69 73 74 72  79 2f 73 65 63 72 65 74  |/registry/secret|
00000010  73 2f 64 65 66 61 75 6c  74 2f 6b 75 62 65 72 6e  |s/default/kubern|
00000020  65 74 65 73 2d 74 68 65  2d 68 61 72 64 2d 77 61  |etes-the-hard-wa|
00000030  79 0a 6b 38 73 3a 65 6e  63 3a 61 65 73 63 62 63  |y.k8s:enc:aescbc|
00000040  3a 76 31 3a 6b 65 79 31  3a 97 d1 2c cd 89 0d 08  |:v1:key1:..,....|
`
	osRelease = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
`
)

type matchCase struct {
	check func() *Match
	evalCase
}

var matchCases = []matchCase{
	{matchOf(Match{Exit: intp(0)}), evalCase{"exit 0", ran("anything\n", 0), true, []want{pass("exit", MatchExitOK, "0")}}},
	{matchOf(Match{Exit: intp(0)}), evalCase{"exit 0, no output", ran("", 0), true, []want{pass("exit", MatchExitOK, "0")}}},
	{matchOf(Match{Exit: intp(0)}), evalCase{"exit 1", ran("ip: RTNETLINK answers: File exists\n", 2), false, []want{bad("exit", MatchExitWrong, "2", "0")}}},
	{matchOf(Match{Exit: intp(0)}), evalCase{"exit unknown (pasted)", pasted("whatever\n"), true, []want{pass("exit", MatchExitUnknown, "0")}}},
	{matchOf(Match{Exit: intp(1)}), evalCase{"expected failure", ran("", 1), true, []want{pass("exit", MatchExitOK, "1")}}},
	{matchOf(Match{Equals: strp("/root/kubernetes-the-hard-way")}), evalCase{"equals (pwd)", ran("/root/kubernetes-the-hard-way\n", 0), true, []want{pass("output", MatchEquals)}}},
	{matchOf(Match{Equals: strp("/root/kubernetes-the-hard-way")}), evalCase{"equals over a PTY", ran("\x1b[?2004l\r/root/kubernetes-the-hard-way\r\n", 0), true, []want{pass("output", MatchEquals)}}},
	{matchOf(Match{Equals: strp("/root/kubernetes-the-hard-way")}), evalCase{"not equal", ran("/root\n", 0), false, []want{
		bad("output", MatchNotEquals, "/root", "/root/kubernetes-the-hard-way"),
	}}},
	{matchOf(Match{Equals: strp("/root/kubernetes-the-hard-way")}), evalCase{"equals but empty", ran("\n", 0), false, []want{bad("output", EmptyOutput)}}},
	{matchOf(Match{Equals: strp("")}), evalCase{"equals empty (swapon --show)", ran("", 0), true, []want{pass("output", MatchEquals)}}},
	{matchOf(Match{Equals: strp("")}), evalCase{"swap still on", ran("NAME      TYPE SIZE USED PRIO\n/swap.img file   2G   0B   -2\n", 0), false, []want{
		bad("output", MatchNotEquals),
	}}},
	{matchOf(Match{Equals: strp("k8s:enc:aescbc:v1:key1")}), evalCase{"equals, head -c 22", ran("k8s:enc:aescbc:v1:key1", 0), true, []want{pass("output", MatchEquals)}}},
	{matchOf(Match{Contains: []string{"Kubernetes control plane is running at https://127.0.0.1:6443"}}), evalCase{"contains (cluster-info)", ran(clusterInfo, 0), true, []want{
		pass("Kubernetes control plane is running at https://127.0.0.1:6443", MatchContains),
	}}},
	{matchOf(Match{Contains: []string{"Client Version: v1.32.3", "Kustomize Version: v5.5.0"}}), evalCase{"contains two", ran(kubectlClientVersion, 0), true, []want{
		pass("Client Version: v1.32.3", MatchContains), pass("Kustomize Version: v5.5.0", MatchContains),
	}}},
	{matchOf(Match{Contains: []string{"Client Version: v1.32.3"}}), evalCase{"contains missing", ran("Client Version: v1.31.2\nKustomize Version: v5.4.2\n", 0), false, []want{
		bad("Client Version: v1.32.3", MatchMissing),
	}}},
	{matchOf(Match{Contains: []string{"Client Version: v1.32.3"}}), evalCase{"contains on empty output", ran("", 0), false, []want{bad("output", EmptyOutput)}}},
	{matchOf(Match{Exit: intp(0), Contains: []string{"k8s:enc:aescbc:v1:key1"}}), evalCase{"hexdump splits the prefix across lines", ran(hexdumpSecret, 0), false, []want{
		pass("exit", MatchExitOK, "0"), bad("k8s:enc:aescbc:v1:key1", MatchMissing),
	}}},
	{matchOf(Match{NotContains: []string{"10.0.0.1"}}), evalCase{"not_contains ok", ran("10.32.0.1", 0), true, []want{pass("10.0.0.1", MatchAbsent)}}},
	{matchOf(Match{NotContains: []string{"10.0.0.1"}}), evalCase{"not_contains forbidden (#905)", ran("NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.0.0.1     <none>        443/TCP   5m\n", 0), false, []want{
		bad("10.0.0.1", MatchForbidden, "kubernetes   ClusterIP   10.0.0.1     <none>        443/TCP   5m"),
	}}},
	{matchOf(Match{NotContains: []string{"Warning"}}), evalCase{"not_contains on empty output", ran("", 0), true, []want{pass("Warning", MatchAbsent)}}},
	{matchOf(Match{Matches: []string{`^ID=debian$`, `^VERSION_ID="12"$`}}), evalCase{"matches, multiline anchors", ran(osRelease, 0), true, []want{
		pass(`^ID=debian$`, MatchPattern), pass(`^VERSION_ID="12"$`, MatchPattern),
	}}},
	{matchOf(Match{Matches: []string{`^ID=debian$`}}), evalCase{"matches over a PTY (CRLF)", ran(crlf(osRelease), 0), true, []want{pass(`^ID=debian$`, MatchPattern)}}},
	{matchOf(Match{Matches: []string{`^ID=debian$`}}), evalCase{"matches fails on Ubuntu", ran("NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\n", 0), false, []want{bad(`^ID=debian$`, MatchPatternMissing)}}},
	{matchOf(Match{Matches: []string{`10\.200\.0\.0/24 via \S+ dev \S+`, `10\.200\.1\.0/24 via`}}), evalCase{"routes", ran("default via 10.0.0.1 dev ens160 proto dhcp src 10.0.0.20 metric 100\n10.0.0.0/24 dev ens160 proto kernel scope link src 10.0.0.20\n10.200.0.0/24 via 10.0.0.21 dev ens160\n10.200.1.0/24 via 10.0.0.22 dev ens160\n", 0), true, []want{
		pass(`10\.200\.0\.0/24 via \S+ dev \S+`, MatchPattern), pass(`10\.200\.1\.0/24 via`, MatchPattern),
	}}},
	{matchOf(Match{Matches: []string{`(?s)Kubernetes control plane.*cluster-info dump`}}), evalCase{"pattern across lines", ran(clusterInfo, 0), true, []want{pass(`(?s)Kubernetes control plane.*cluster-info dump`, MatchPattern)}}},
	{matchOf(Match{Matches: []string{`^ok$`}}), evalCase{"matches on empty output", ran("", 0), false, []want{bad("output", EmptyOutput)}}},
	{matchOf(Match{Exit: intp(0), Matches: []string{`.`}}), evalCase{"matches on empty output drops the exit item", ran("", 0), false, []want{bad("output", EmptyOutput)}}},
}

func TestMatch(t *testing.T) {
	for _, tc := range matchCases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.check()
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			assertResult(t, c.Evaluate(tc.out), tc.pass, tc.items)
		})
	}
}

// The loader validates before evaluating, but Evaluate must not depend on it.
func TestMatchEvaluateWithoutValidate(t *testing.T) {
	c := &Match{Matches: []string{`^ID=debian$`}}
	assertResult(t, c.Evaluate(ran(osRelease, 0)), true, []want{pass(`^ID=debian$`, MatchPattern)})
	c = &Match{Matches: []string{`^ID=(debian$`}}
	r := c.Evaluate(ran(osRelease, 0))
	assertResult(t, r, false, []want{bad("output", MatchPatternMissing)})
	if !strings.Contains(r.Items[0].Reason.Args[0], "missing closing )") {
		t.Errorf("args %q should carry the regexp error", r.Items[0].Reason.Args)
	}
	// Validating twice does not duplicate compiled patterns.
	c = &Match{Matches: []string{`a`, `b`}}
	for i := 0; i < 2; i++ {
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	assertResult(t, c.Evaluate(ran("a b", 0)), true, []want{pass("a", MatchPattern), pass("b", MatchPattern)})
}

func TestMatchValidate(t *testing.T) {
	runValidate(t, []validateCase{
		{"nothing to check", &Match{}, true},
		{"empty lists", &Match{Contains: []string{}, Matches: []string{}}, true},
		{"invalid regex", &Match{Matches: []string{`^ID=(debian$`}}, true},
		{"second regex invalid", &Match{Matches: []string{`ok`, `[`}}, true},
		{"empty pattern always matches", &Match{Matches: []string{`ok`, ``}}, true},
		{"invalid repetition", &Match{Matches: []string{`a**`}}, true},
		{"empty contains always passes", &Match{Contains: []string{"ok", ""}}, true},
		{"empty not_contains never passes", &Match{NotContains: []string{""}}, true},
		{"exit only", &Match{Exit: intp(0)}, false},
		{"equals empty string", &Match{Equals: strp("")}, false},
		{"contains", &Match{Contains: []string{"ok"}}, false},
		{"not_contains", &Match{NotContains: []string{"Error"}}, false},
		{"matches", &Match{Matches: []string{`^ok$`}}, false},
	})
}
