package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"hardway/content"
	"hardway/locales"
	"hardway/steps"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin string, env map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, Env{
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(k string) string { return env[k] },
	})
	return result{code, out.String(), errOut.String()}
}

func TestTracksAndSteps(t *testing.T) {
	r := run(t, "", nil, "tracks")
	if r.code != 0 || !strings.Contains(r.stdout, "classic") || !strings.Contains(r.stdout, "v1.15.3") {
		t.Fatalf("tracks: %+v", r)
	}
	r = run(t, "", nil, "steps", "--track", "classic", "--json")
	if r.code != 0 {
		t.Fatalf("steps --json: %+v", r)
	}
	var doc stepsJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Chapters) != 14 {
		t.Fatalf("%d chapters, want 14", len(doc.Chapters))
	}
	byID := map[string]stepJSON{}
	for _, ch := range doc.Chapters {
		for _, s := range ch.Steps {
			byID[s.ID] = s
		}
	}
	s := byID["07-bootstrapping-etcd/verify-members"]
	if s.Check == nil || s.Check.Kind != "etcd-members" || !strings.HasPrefix(s.Check.Command, "sudo ETCDCTL_API=3 etcdctl member list") ||
		strings.Join(s.Check.Hosts, ",") != "controller-0,controller-1,controller-2" {
		t.Errorf("verify-members: %+v %+v", s, s.Check)
	}
	u := byID["07-bootstrapping-etcd/etcd-unit"]
	if len(u.Commands) != 1 || !strings.Contains(u.Commands[0], "controller-0=https://10.240.0.10:2380,controller-1=https://10.240.0.11:2380") {
		t.Errorf("etcd-unit commands not rendered with the layout: %q", u.Commands)
	}
	if strings.Join(u.Carries, ",") != "ETCD_NAME,INTERNAL_IP" {
		t.Errorf("etcd-unit carries %v", u.Carries)
	}
	if lb := byID["08-bootstrapping-kubernetes-controllers/load-balancer"]; strings.Join(lb.Hosts, ",") != "workstation" {
		t.Errorf("load-balancer hosts %v", lb.Hosts)
	}
	for _, ch := range doc.Chapters {
		written := ch.Slug == "07-bootstrapping-etcd" || ch.Slug == "08-bootstrapping-kubernetes-controllers"
		if written && !ch.Complete {
			t.Errorf("%s not complete", ch.Slug)
		}
	}
}

func hasScript(s string, table *unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.Is(table, r) {
			return true
		}
	}
	return false
}

func TestShowInEveryLanguage(t *testing.T) {
	tracks, _ := steps.LoadAll(content.FS, "content")
	tr, _ := steps.FindTrack(tracks, "classic")
	for _, s := range tr.Chapter("08-bootstrapping-kubernetes-controllers").Steps {
		ko := run(t, "", nil, "show", s.ID, "--lang", "ko")
		if ko.code != 0 || !hasScript(ko.stdout, unicode.Hangul) || strings.Contains(ko.stdout, "English shown") {
			t.Errorf("show %s --lang ko: %+v", s.ID, ko)
		}
		ja := run(t, "", nil, "show", s.ID, "--lang", "ja")
		if ja.code != 0 || !(hasScript(ja.stdout, unicode.Hiragana) || hasScript(ja.stdout, unicode.Katakana)) {
			t.Errorf("show %s --lang ja: %+v", s.ID, ja)
		}
		for _, c := range s.Commands {
			// The command is printed exactly, whatever the language.
			rendered, _ := steps.Render(c, tr.DefaultVars().ForHost(tr.Hosts[1]))
			if !strings.Contains(ko.stdout, strings.TrimRight(rendered, "\n")) {
				t.Errorf("show %s: command not printed verbatim", s.ID)
			}
		}
	}
	// The language also comes from the environment.
	r := run(t, "", map[string]string{"LANG": "ko_KR.UTF-8"}, "show", "08/start-services")
	if !hasScript(r.stdout, unicode.Hangul) {
		t.Errorf("LANG=ko_KR.UTF-8 did not give Korean: %s", r.stdout)
	}
}

// Every sample of every check gets its verdict through `hardway check`.
func TestCheckEverySample(t *testing.T) {
	tracks, _ := steps.LoadAll(content.FS, "content")
	dir := t.TempDir()
	for _, tr := range tracks {
		for _, s := range tr.Steps() {
			if s.Check == nil {
				continue
			}
			// A check with stages is judged stage by stage (--stage).
			type staged struct {
				stage   string
				samples []steps.Sample
			}
			groups := []staged{{"", s.Check.Samples}}
			hostVars := tr.DefaultVars()
			if hs, err := s.CheckHosts(); err == nil && len(hs) > 0 {
				hostVars = hostVars.ForHost(hs[0])
			}
			for i, st := range s.Check.Stages {
				groups = append(groups, staged{st.Name, s.Check.InStage(i).Samples})
			}
			for _, g := range groups {
				for i, sm := range g.samples {
					f := filepath.Join(dir, "out.txt")
					// Recorded as the first check host prints it.
					os.WriteFile(f, []byte(sm.OutputFor(hostVars).Text), 0o644)
					args := []string{"check", s.ID, "--track", tr.ID, "--input", f}
					if g.stage != "" {
						args = append(args, "--stage", g.stage)
					}
					r := run(t, "", nil, args...)
					want := 0
					if !sm.Pass && !sharedOnly(t, s.Check, g.stage, sm, hostVars) {
						want = 1
					}
					if r.code != want {
						t.Errorf("%s %s sample %d (%s): exit %d, want %d\n%s%s", s.ID, g.stage, i, sm.Note, r.code, want, r.stdout, r.stderr)
					}
				}
			}
		}
	}
}

// Outputs the checks were not written from: other versions, other failures.
func TestCheckRealOutputs(t *testing.T) {
	cases := []struct {
		step, input string
		want        int
		says        string
	}{
		{"08/verify-componentstatuses", `Warning: v1 ComponentStatus is deprecated in v1.19+
NAME                 STATUS    MESSAGE                         ERROR
scheduler            Healthy   ok
controller-manager   Healthy   ok
etcd-0               Healthy   {"health":"true","reason":""}
etcd-2               Healthy   {"health":"true","reason":""}
etcd-1               Healthy   {"health":"true","reason":""}
`, 0, "PASS"},
		{"08/verify-componentstatuses", `NAME                 STATUS      MESSAGE                                                                                     ERROR
controller-manager   Unhealthy   Get "http://127.0.0.1:10252/healthz": dial tcp 127.0.0.1:10252: connect: connection refused
scheduler            Healthy     ok
etcd-0               Healthy     {"health":"true"}
etcd-1               Unhealthy   Get https://10.240.0.11:2379/health: dial tcp 10.240.0.11:2379: connect: connection refused
etcd-2               Healthy     {"health":"true"}
`, 1, "etcd-1"},
		{"08/verify-componentstatuses", "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n", 1, "could not reach"},
		{"07/verify-members", `+------------------+---------+--------------+---------------------------+---------------------------+------------+
|        ID        | STATUS  |     NAME     |        PEER ADDRS         |       CLIENT ADDRS        | IS LEARNER |
+------------------+---------+--------------+---------------------------+---------------------------+------------+
| 3a57933972cb5131 | started | controller-2 | https://10.240.0.12:2380  | https://10.240.0.12:2379  |      false |
| f98dc20bce6225a0 | started | controller-0 | https://10.240.0.10:2380  | https://10.240.0.10:2379  |      false |
| ffed16798470cab5 | started | controller-1 | https://10.240.0.11:2380  | https://10.240.0.11:2379  |      false |
+------------------+---------+--------------+---------------------------+---------------------------+------------+
`, 0, "PASS"},
		{"07/verify-members", `f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379, false
ffed16798470cab5, started, controller-1, https://10.240.0.11:2380, https://10.240.0.11:2379, false
`, 1, "controller-2: not a member"},
		{"08/verify-health-check", "HTTP/1.1 503 Service Unavailable\r\nServer: nginx/1.18.0 (Ubuntu)\r\n\r\n<html></html>\r\n", 1, "status 503 Service Unavailable, expected 200"},
		{"08/verify-version", `{
  "major": "1",
  "minor": "21",
  "gitVersion": "v1.21.0",
  "gitCommit": "cb303e613a121a29364f75cc67d3d580833a7479",
  "platform": "linux/amd64"
}`, 1, "runs v1.21.0, expected v1.15.3"},
		{"08/verify-version", "curl: (7) Failed to connect to 35.233.182.23 port 6443: Connection refused\n", 1, "curl failed"},
		{"08/start-services", "active\nactive\nactive\n", 0, "PASS"},
		{"08/verify-componentstatuses", "", 1, "printed nothing"},
	}
	for _, c := range cases {
		r := run(t, c.input, nil, "check", c.step, "--input", "-")
		if r.code != c.want || !strings.Contains(r.stdout, c.says) {
			t.Errorf("check %s: exit %d (want %d), output lacks %q:\n%s%s", c.step, r.code, c.want, c.says, r.stdout, r.stderr)
		}
	}
}

func TestCheckPerHostExpectation(t *testing.T) {
	// ETCD_NAME must be the host's own name: controller-1's output passes
	// for controller-1 and fails for controller-0.
	if r := run(t, "controller-1\n", nil, "check", "07/etcd-name", "--input", "-", "--host", "controller-1"); r.code != 0 {
		t.Errorf("controller-1 on controller-1: %+v", r)
	}
	if r := run(t, "controller-1\n", nil, "check", "07/etcd-name", "--input", "-", "--host", "controller-0"); r.code != 1 {
		t.Errorf("controller-1 on controller-0: %+v", r)
	}
	if r := run(t, "x", nil, "check", "07/etcd-name", "--input", "-", "--host", "worker-0"); r.code != 2 || !strings.Contains(r.stderr, "does not run on worker-0") {
		t.Errorf("a host the check does not run on: %+v", r)
	}
}

func TestCheckJSONAndLanguages(t *testing.T) {
	r := run(t, "failed\n", nil, "check", "07/start-etcd", "--input", "-", "--json", "--lang", "ja")
	var v verdictJSON
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || r.code != 1 {
		t.Fatalf("%v %+v", err, r)
	}
	if v.Pass || len(v.Items) != 1 || v.Items[0].Code != "systemd.failed" || v.Items[0].Subject != "etcd" {
		t.Errorf("verdict %+v", v)
	}
	if !hasScript(v.Items[0].Message+v.Hint, unicode.Katakana) && !hasScript(v.Items[0].Message+v.Hint, unicode.Hiragana) {
		t.Errorf("Japanese verdict is not Japanese: %+v", v)
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		says string
	}{
		{[]string{"show", "08/start-service"}, "did you mean: 08-bootstrapping-kubernetes-controllers/start-services"},
		{[]string{"show", "start-services", "--track", "clasic"}, `unknown track "clasic"; did you mean: classic`},
		{[]string{"show", "start-services", "--lang", "fr"}, "use one of en, ko, ja"},
		{[]string{"show"}, "show needs STEP"},
		{[]string{"check", "07/verify-members"}, "--input"},
		{[]string{"check", "07/verify-members", "--input", "/nonexistent/out.txt"}, "no such file"},
		{[]string{"check", "08/config-dir", "--input", "-"}, "has no check"},
		{[]string{"steps", "99"}, `unknown chapter "99"`},
		{[]string{"show", "08/start-services", "--host", "controler-1"}, "did you mean: controller-1"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"steps", "--bogus"}, "unknown flag"},
		{[]string{"--content", "/nonexistent"}, "no such file"},
	}
	for _, c := range cases {
		r := run(t, "", nil, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.says) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, r.code, r.stderr, c.says)
		}
	}
}

func TestLint(t *testing.T) {
	if r := run(t, "", nil, "lint"); r.code != 0 || !strings.Contains(r.stdout, "ok:") {
		t.Fatalf("lint of the embedded content: %+v", r)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "track.yaml"), []byte("id: broken\nversion: v1\nhosts:\n  - name: a\n    roles: [r]\n    local: true\nchapters: [01-x]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "01-x.yaml"), []byte("steps:\n  - id: s\n    on: [nobody]\n    run: echo hi\n"), 0o644)
	r := run(t, "", nil, "lint", dir)
	if r.code != 1 || !strings.Contains(r.stdout, dir+"/01-x.yaml:2: step s: on: no host or role named nobody") {
		t.Errorf("lint of a broken track: %+v", r)
	}
	if r := run(t, "", nil, "lint", "/nonexistent"); r.code != 2 {
		t.Errorf("lint of a missing dir: %+v", r)
	}
}

// A track from --content can be listed, shown and checked like an embedded one.
func TestContentDir(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"mine/track.yaml":         "id: mine\nversion: v1.0.0\nhosts:\n  - name: box\n    address: 127.0.1.5\n    roles: [servers]\nchapters: [01-one]\n",
		"mine/01-one.yaml":        "steps:\n  - id: hello\n    on: [servers]\n    run: echo hi from {{host.address}}\n    check:\n      kind: output\n      run: echo hi\n      params: {equals: hi}\n      pass: [{output: hi}]\n      fail: [{output: ho}]\n",
		"mine/prose/en/track.md":  "# Mine\n",
		"mine/prose/en/01-one.md": "# One\n## hello: Hello\nSay it.\n### hint\nSay it again.\n",
	}
	for name, body := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	if r := run(t, "", nil, "--content", dir, "tracks"); !strings.Contains(r.stdout, "mine") || !strings.Contains(r.stdout, "classic") {
		t.Errorf("tracks with --content: %+v", r)
	}
	if r := run(t, "", nil, "--content", dir, "--track", "mine", "show", "hello"); r.code != 0 || !strings.Contains(r.stdout, "echo hi from 127.0.1.5") {
		t.Errorf("show from --content: %+v", r)
	}
	if r := run(t, "", nil, "--content", dir, "--track", "mine", "show", "hello", "--lang", "ko"); !strings.Contains(r.stdout, locales.Msg(locales.KO, "ui.fallback", locales.KO.Name())) {
		t.Errorf("a missing Korean translation must be marked: %s", r.stdout)
	}
	if r := run(t, "ho", nil, "--content", dir, "--track", "mine", "check", "hello", "--input", "-"); r.code != 1 {
		t.Errorf("check from --content: %+v", r)
	}
}

// An instructor's variant in --content DIR builds on an embedded track: it
// lists, lints, shows and checks like any track; a broken one names the file
// and line.
func TestContentDirVariant(t *testing.T) {
	files := map[string]string{
		"lab/track.yaml": "id: lab\nbase: classic\nchapters:\n  - 07-bootstrapping-etcd\n",
		"lab/07-bootstrapping-etcd.yaml": `replace:
  - id: etcd-name
    on: [controllers]
    run: |
      ETCD_NAME=$(hostname -s)
    defines: [ETCD_NAME]
insert:
  - before: etcd-unit
    steps:
      - id: healthz
        on: [controllers]
        check:
          kind: http
          run: |
            curl -i http://127.0.0.1/healthz
          timeout: 0s
          stages:
            - name: before-etcd
              until: start-etcd
              params: {status: 503}
              pass: [{output: "HTTP/1.0 503 Service Unavailable\r\n\r\n"}]
              fail: [{output: "HTTP/1.1 200 OK\r\n\r\nok"}]
            - name: etcd-running
              params: {status: 200}
              pass: [{output: "HTTP/1.1 200 OK\r\n\r\nok"}]
              fail: [{output: "HTTP/1.0 503 Service Unavailable\r\n\r\n"}]
`,
	}
	for _, l := range []string{"en", "ko", "ja"} {
		files["lab/prose/"+l+"/track.md"] = "# Our lab\n"
		files["lab/prose/"+l+"/07-bootstrapping-etcd.md"] = "# etcd in our lab\n\n## etcd-name: Name\n\nThe host name.\n\n## healthz: Health\n\nAsk it.\n\n### hint\n\nLook at the proxy.\n"
	}
	dir := t.TempDir()
	for name, body := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	if r := run(t, "", nil, "--content", dir, "tracks"); !strings.Contains(r.stdout, "lab") || !strings.Contains(r.stdout, "built on classic: 8 steps inherited, 1 replaced, 1 inserted") {
		t.Errorf("tracks: %+v", r)
	}
	if r := run(t, "", nil, "lint", dir); r.code != 0 {
		t.Errorf("lint of a sound variant: %+v", r)
	}
	r := run(t, "", nil, "--content", dir, "--track", "lab", "steps")
	for _, want := range []string{"[from classic]", "[replaces classic's]", "[not in classic]", "etcd in our lab"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("steps lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := run(t, "", nil, "--content", dir, "--track", "lab", "show", "download-etcd"); !strings.Contains(r.stdout, "v3.4.0/etcd-v3.4.0-linux-amd64.tar.gz") {
		t.Errorf("show of an inherited step: %+v", r)
	}
	// A check with stages: the stage given, else the last.
	in := "HTTP/1.0 503 Service Unavailable\r\n\r\n"
	if r := run(t, in, nil, "--content", dir, "--track", "lab", "check", "healthz", "--input", "-", "--stage", "before-etcd"); r.code != 0 || !strings.Contains(r.stdout, "before-etcd") {
		t.Errorf("503 before etcd runs: %+v", r)
	}
	if r := run(t, in, nil, "--content", dir, "--track", "lab", "check", "healthz", "--input", "-"); r.code != 1 {
		t.Errorf("503 once etcd runs: %+v", r)
	}
	if r := run(t, in, nil, "--content", dir, "--track", "lab", "check", "healthz", "--input", "-", "--stage", "nope"); r.code != 2 || !strings.Contains(r.stderr, "before-etcd, etcd-running") {
		t.Errorf("unknown stage: %+v", r)
	}
	if r := run(t, "", nil, "--content", dir, "--track", "lab", "show", "healthz"); !strings.Contains(r.stdout, "until 07-bootstrapping-etcd/start-etcd is done") {
		t.Errorf("show of a check with stages: %s", r.stdout)
	}
	// Broken: a replaced step classic does not have.
	bad := filepath.Join(dir, "lab/07-bootstrapping-etcd.yaml")
	os.WriteFile(bad, []byte(strings.Replace(files["lab/07-bootstrapping-etcd.yaml"], "id: etcd-name", "id: etcd-nam", 1)), 0o644)
	if r := run(t, "", nil, "lint", dir); r.code != 1 || !strings.Contains(r.stdout+r.stderr, bad+`:2: replace: classic's 07-bootstrapping-etcd has no step "etcd-nam" (did you mean etcd-name`) {
		t.Errorf("lint of a broken variant: %+v", r)
	}
}

// sharedOnly: a failing sample of a check that compares hosts (distinct:)
// that passes on one host alone: it fails only because every host prints
// it, which one pasted output cannot show.
func sharedOnly(t *testing.T, c *steps.CheckSpec, stage string, sm steps.Sample, vars steps.Vars) bool {
	t.Helper()
	if c.Distinct == "" {
		return false
	}
	if i := c.StageNamed(stage); i >= 0 {
		c = c.InStage(i)
	}
	k, err := c.Build(vars)
	if err != nil {
		t.Fatal(err)
	}
	return k.Evaluate(sm.OutputFor(vars)).Pass
}
