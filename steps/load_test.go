package steps_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hardway/content"
	"hardway/steps"
)

func TestEmbeddedContentLintsClean(t *testing.T) {
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range tracks {
		for _, e := range steps.Lint(tr) {
			t.Error(e)
		}
	}
}

func TestClassicLayout(t *testing.T) {
	tracks, _ := steps.LoadAll(content.FS, "content")
	tr, err := steps.FindTrack(tracks, "classic")
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Chapters) != 14 {
		t.Fatalf("classic has %d chapters, want 14", len(tr.Chapters))
	}
	for _, slug := range []string{"07-bootstrapping-etcd", "08-bootstrapping-kubernetes-controllers"} {
		if n := len(tr.Chapter(slug).Steps); n == 0 {
			t.Errorf("%s has no steps", slug)
		}
	}
	// Targets per block, as the tutorial says: etcd and the control plane
	// on every controller, RBAC on one, the load balancer on the workstation.
	want := map[string][]string{
		"07-bootstrapping-etcd/start-etcd":                                 {"controller-0", "controller-1", "controller-2"},
		"08-bootstrapping-kubernetes-controllers/start-services":           {"controller-0", "controller-1", "controller-2"},
		"08-bootstrapping-kubernetes-controllers/rbac-cluster-role":        {"controller-0"},
		"08-bootstrapping-kubernetes-controllers/load-balancer":            {"workstation"},
		"08-bootstrapping-kubernetes-controllers/verify-version":           {"workstation"},
		"08-bootstrapping-kubernetes-controllers/verify-componentstatuses": {"controller-0", "controller-1", "controller-2"},
	}
	for id, hosts := range want {
		s := tr.Step(id)
		if s == nil {
			t.Errorf("no step %s", id)
			continue
		}
		got, err := s.TargetHosts()
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, h := range got {
			names = append(names, h.Name)
		}
		if strings.Join(names, ",") != strings.Join(hosts, ",") {
			t.Errorf("%s runs on %v, want %v", id, names, hosts)
		}
	}
	// The variable blocks are marked for the engine to carry.
	if d := tr.Step("07-bootstrapping-etcd/internal-ip").Defines; len(d) != 1 || d[0] != "INTERNAL_IP" {
		t.Errorf("internal-ip defines %v", d)
	}
	carried := tr.Carried(tr.Step("07-bootstrapping-etcd/etcd-unit"))
	if len(carried) != 2 || carried[0].Name != "ETCD_NAME" || carried[1].Name != "INTERNAL_IP" {
		t.Errorf("etcd-unit carries %v, want ETCD_NAME and INTERNAL_IP", carried)
	}
}

// A small valid track; each case below breaks one thing.
var goodTrack = withMiniProse(map[string]string{
	"track.yaml": `id: mini
version: v1.15.3
hosts:
  - name: ws
    roles: [workstation]
    local: true
  - name: c-0
    address: 10.0.0.10
    roles: [controllers]
vars:
  ver: v1.15.3
chapters:
  - 01-one
  - 02-two
`,
	"01-one.yaml": `steps:
  - id: hello
    on: [controllers]
    run: |
      echo {{ver}} on {{host}}
    check:
      kind: output
      run: cat /tmp/x
      params:
        contains: ["{{ver}}"]
      pass:
        - note: ok
          output: v1.15.3
      fail:
        - note: nope
          output: v1.14.0
`,
	"prose/en/02-two.md": "# Two\n",
	"prose/ko/02-two.md": "# 둘\n",
	"prose/ja/02-two.md": "# 二\n",
})

// miniProse is the prose of the mini track's first chapter (one step,
// hello) and of the track, in three languages.
var miniProse = map[string]string{
	"prose/en/track.md":  "# Mini\n",
	"prose/ko/track.md":  "# 미니\n",
	"prose/ja/track.md":  "# ミニ\n",
	"prose/en/01-one.md": "# One\n\n## hello: Say hello\n\nWhy.\n\n### hint\n\nLook.\n",
	"prose/ko/01-one.md": "# 하나\n\n## hello: 인사\n\n이유.\n\n### hint\n\n보세요.\n",
	"prose/ja/01-one.md": "# 一\n\n## hello: 挨拶する\n\n理由。\n\n### hint\n\n見てください。\n",
}

// withMiniProse adds miniProse to a mini track's files.
func withMiniProse(files map[string]string) map[string]string {
	for name, body := range miniProse {
		files[name] = body
	}
	return files
}

func writeTrack(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadAndLint returns every problem, as lint prints them.
func loadAndLint(t *testing.T, files map[string]string) []string {
	t.Helper()
	dir := writeTrack(t, files)
	tracks, err := steps.LoadAll(os.DirFS(dir), "mini")
	var out []string
	if err != nil {
		for _, e := range err.(steps.Errors) {
			out = append(out, e.Error())
		}
	}
	for _, tr := range tracks {
		for _, e := range steps.Lint(tr) {
			out = append(out, e.Error())
		}
	}
	return out
}

func with(changes map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range goodTrack {
		out[k] = v
	}
	for k, v := range changes {
		if v == "" {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

func TestGoodTrackIsClean(t *testing.T) {
	if probs := loadAndLint(t, goodTrack); len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%s", strings.Join(probs, "\n"))
	}
}

func TestBrokenContentNamesFileAndLine(t *testing.T) {
	one := goodTrack["01-one.yaml"]
	cases := []struct {
		name  string
		files map[string]string
		want  string // a problem must contain this
	}{
		{"unknown field", with(map[string]string{"01-one.yaml": strings.Replace(one, "    on:", "    onn: [x]\n    on:", 1)}),
			`mini/01-one.yaml:3: unknown field "onn"`},
		{"yaml syntax", with(map[string]string{"01-one.yaml": "steps:\n  - id: a\n   on: [x]\n"}),
			"mini/01-one.yaml:"},
		{"unknown check kind", with(map[string]string{"01-one.yaml": strings.Replace(one, "kind: output", "kind: outptu", 1)}),
			`mini/01-one.yaml:10: step hello: check.kind: unknown check kind "outptu"`},
		{"bad params", with(map[string]string{"01-one.yaml": strings.Replace(one, "contains:", "containz:", 1)}),
			`mini/01-one.yaml:10: unknown field "containz"`},
		{"duplicate step", with(map[string]string{"01-one.yaml": one + strings.Replace(one, "steps:\n", "", 1)}),
			`step id "hello" is already used at line 2`},
		{"unknown target", with(map[string]string{"01-one.yaml": strings.Replace(one, "[controllers]", "[controlers]", 1)}),
			"mini/01-one.yaml:2: step hello: on: no host or role named controlers"},
		{"unknown placeholder", with(map[string]string{"01-one.yaml": strings.Replace(one, "{{ver}} on", "{{version}} on", 1)}),
			"mini/01-one.yaml:2: step hello: run block 1: unknown placeholder {{version}}"},
		{"bash syntax", with(map[string]string{"01-one.yaml": strings.Replace(one, "echo {{ver}}", "if echo {{ver}}", 1)}),
			"mini/01-one.yaml:2: step hello: run block 1: bash -n:"},
		{"passing sample fails", with(map[string]string{"01-one.yaml": strings.Replace(one, "output: v1.15.3", "output: v1.16.0", 1)}),
			`mini/01-one.yaml:12: step hello: the passing sample "ok" fails`},
		{"failing sample passes", with(map[string]string{"01-one.yaml": strings.Replace(one, "output: v1.14.0", "output: v1.15.3", 1)}),
			`mini/01-one.yaml:15: step hello: the failing sample "nope" passes`},
		{"no failing sample", with(map[string]string{"01-one.yaml": one[:strings.Index(one, "      fail:")]}),
			"step hello: the check has no failing sample"},
		{"missing korean prose", with(map[string]string{"prose/ko/01-one.md": "# 하나\n"}),
			"mini/prose/ko/01-one.md: step hello has no 한국어 prose"},
		{"missing japanese title", with(map[string]string{"prose/ja/02-two.md": ""}),
			"chapter 02-two has no title in 日本語"},
		{"prose for unknown step", with(map[string]string{"prose/en/01-one.md": goodTrack["prose/en/01-one.md"] + "\n## helo: Typo\n\nText.\n"}),
			`mini/prose/en/01-one.md:11: prose for step "helo", which chapter 01-one does not have (did you mean hello?)`},
		{"missing hint", with(map[string]string{"prose/ja/01-one.md": "# 一\n\n## hello: 挨拶する\n\n理由。\n"}),
			"mini/prose/ja/01-one.md:3: step hello has a check but no 日本語 hint"},
		{"unlisted chapter file", with(map[string]string{"03-three.yaml": "steps: []\n"}),
			"mini/03-three.yaml: chapter file not listed under chapters:"},
		{"host without address", with(map[string]string{"track.yaml": strings.Replace(goodTrack["track.yaml"], "    address: 10.0.0.10\n", "", 1)}),
			`mini/track.yaml:7: host "c-0": address is required`},
		{"defines without assignment", with(map[string]string{"01-one.yaml": strings.Replace(one, "    run: |", "    defines: [FOO]\n    run: |", 1)}),
			"step hello: defines FOO, but no run block assigns FOO="},
		{"unclosed code fence", with(map[string]string{"prose/en/02-two.md": "# Two\n\n```\ncode\n"}),
			"mini/prose/en/02-two.md: a code block (```) is never closed"},
		{"bad duration", with(map[string]string{"01-one.yaml": strings.Replace(one, "      kind: output", "      kind: output\n      every: soon", 1)}),
			`step hello: check.every: want a duration such as 2s or 1m, got "soon"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantProblem(t, c.files, c.want) })
	}
}

func TestFindStep(t *testing.T) {
	tracks, _ := steps.LoadAll(content.FS, "content")
	tr, _ := steps.FindTrack(tracks, "classic")
	for ref, want := range map[string]string{
		"08-bootstrapping-kubernetes-controllers/start-services": "08-bootstrapping-kubernetes-controllers/start-services",
		"08/start-services": "08-bootstrapping-kubernetes-controllers/start-services",
		"8/start-services":  "08-bootstrapping-kubernetes-controllers/start-services",
		"07/internal-ip":    "07-bootstrapping-etcd/internal-ip",
		"rbac-cluster-role": "08-bootstrapping-kubernetes-controllers/rbac-cluster-role",
		"verify-members":    "07-bootstrapping-etcd/verify-members",
	} {
		s, err := tr.FindStep(ref)
		if err != nil || s.ID != want {
			t.Errorf("FindStep(%q) = %v, %v; want %s", ref, s, err, want)
		}
	}
	// internal-ip and start-services are in two chapters each: ambiguous,
	// and the message says where.
	if _, err := tr.FindStep("internal-ip"); err == nil || !strings.Contains(err.Error(), "07-bootstrapping-etcd/internal-ip") {
		t.Errorf("ambiguous ref: %v", err)
	}
	if _, err := tr.FindStep("start-services"); err == nil || !strings.Contains(err.Error(), "09-bootstrapping-kubernetes-workers/start-services") {
		t.Errorf("ambiguous ref: %v", err)
	}
	_, err := tr.FindStep("08/start-service")
	if err == nil || !strings.Contains(err.Error(), "did you mean: 08-bootstrapping-kubernetes-controllers/start-services") {
		t.Errorf("typo: %v", err)
	}
	if _, err := steps.FindTrack(tracks, "clasic"); err == nil || !strings.Contains(err.Error(), "classic") {
		t.Errorf("track typo: %v", err)
	}
}

func TestRender(t *testing.T) {
	vars := steps.Vars{"ver": "v1", "c-0.address": "10.0.0.1"}
	got, err := steps.Render(`curl https://{{c-0.address}}/{{ver}} -o go-template='{{ .Name }}' {{.x}}`, vars)
	if err != nil || got != `curl https://10.0.0.1/v1 -o go-template='{{ .Name }}' {{.x}}` {
		t.Errorf("Render = %q, %v", got, err)
	}
	if _, err := steps.Render("{{nope}} {{ver}} {{also}}", vars); err == nil || !strings.Contains(err.Error(), "{{nope}}, {{also}}") {
		t.Errorf("unknown placeholders: %v", err)
	}
}

// wantProblem loads and lints files and wants one problem containing want.
func wantProblem(t *testing.T, files map[string]string, want string) {
	t.Helper()
	probs := loadAndLint(t, files)
	for _, p := range probs {
		if strings.Contains(p, want) {
			return
		}
	}
	t.Errorf("no problem contains %q; got:\n%s", want, strings.Join(probs, "\n"))
}
