package steps_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hardway/content"
	"hardway/steps"
)

// embedded finds the embedded tracks, as the command line does for a
// variant in --content DIR.
func embedded(t *testing.T) func(id string) (*steps.Track, error) {
	t.Helper()
	return func(id string) (*steps.Track, error) {
		if id != "classic" {
			return nil, nil
		}
		sub, err := fs.Sub(content.FS, id)
		if err != nil {
			return nil, err
		}
		return steps.LoadTrack(sub, "content/"+id)
	}
}

func loadVariant(t *testing.T, files map[string]string) (*steps.Track, string, error) {
	t.Helper()
	dir := writeTrack(t, files)
	tracks, err := steps.LoadAllWith(os.DirFS(dir), dir, embedded(t))
	for _, tr := range tracks {
		if tr.ID == "mini" {
			return tr, dir, err
		}
	}
	return nil, dir, err
}

// A variant of classic's etcd chapter: two controllers on other addresses,
// etcd-name replaced, one step inserted, the download dropped.
func miniVariant() map[string]string {
	files := map[string]string{
		"track.yaml": `id: mini
base: classic
hosts:
  - name: workstation
    roles: [workstation]
    local: true
  - name: etcd-a
    address: 192.168.50.11
    roles: [controllers]
  - name: etcd-b
    address: 192.168.50.12
    roles: [controllers]
vars:
  etcd_version: 3.4.0
chapters:
  - 07-bootstrapping-etcd
`,
		"07-bootstrapping-etcd.yaml": `replace:
  - id: etcd-name
    on: [controllers]
    run: |
      ETCD_NAME=$(hostname -s)
    defines: [ETCD_NAME]
insert:
  - after: etcd-name
    steps:
      - id: show-name
        on: [controllers]
        check:
          kind: output
          run: echo "$ETCD_NAME"
          timeout: 0s
          params: {equals: "{{host}}"}
          pass: [{note: named, output: "{{host}}\n"}]
          fail: [{note: empty, output: "\n"}]
drop: [download-etcd, install-etcd, copy-certificates, internal-ip, etcd-unit, start-etcd, verify-members]
`,
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["prose/"+lang+"/track.md"] = "# Mini\n\nA variant of classic.\n"
		files["prose/"+lang+"/07-bootstrapping-etcd.md"] = "# etcd, smaller\n\n" +
			"## etcd-name: Name the member\n\nThe short host name names the member.\n\n" +
			"## show-name: Show the name\n\nPrint it.\n\n### hint\n\nIs ETCD_NAME set?\n"
	}
	return files
}

func TestVariantLoadsLintsAndLists(t *testing.T) {
	tr, _, err := loadVariant(t, miniVariant())
	if err != nil {
		t.Fatal(err)
	}
	if tr.Base != "classic" || tr.Version != "v1.15.3" {
		t.Errorf("base %q version %q: want classic's version inherited", tr.Base, tr.Version)
	}
	ch := tr.Chapter("07-bootstrapping-etcd")
	var got []string
	for _, s := range ch.Steps {
		got = append(got, s.Slug+":"+s.Origin)
	}
	want := "login:base etcd-name:replaced show-name:inserted"
	if strings.Join(got, " ") != want {
		t.Errorf("steps %v, want %s", got, want)
	}
	// Inherited and new steps run on the variant's layout.
	hosts, err := tr.Step("07-bootstrapping-etcd/login").TargetHosts()
	if err != nil || len(hosts) != 2 || hosts[0].Name != "etcd-a" {
		t.Errorf("inherited login runs on %v (%v), want etcd-a, etcd-b", hosts, err)
	}
	// Prose: the variant's title and sections, classic's for the inherited step.
	if title, _ := ch.Title("ko"); title != "etcd, smaller" {
		t.Errorf("chapter title %q", title)
	}
	if p, _ := tr.Step("07-bootstrapping-etcd/login").Text("ja"); p.Body == "" || !strings.Contains(p.File, "classic") {
		t.Errorf("inherited step's prose should be classic's, got %+v", p)
	}
	if p, _ := tr.Step("07-bootstrapping-etcd/etcd-name").Text("en"); p.Title != "Name the member" {
		t.Errorf("replaced step's prose %+v", p)
	}
	if c := tr.Changes; c.Inherited != 1 || c.Replaced != 1 || c.Inserted != 1 || c.Dropped != 140-2 {
		t.Errorf("changes %+v", c)
	}
	if errs := steps.Lint(tr); len(errs) > 0 {
		t.Errorf("lint: %v", errs)
	}
	// The base is untouched.
	base, _ := embedded(t)("classic")
	if s := base.Step("07-bootstrapping-etcd/etcd-name"); s.Origin != "" || s.Chapter.Track != base || len(base.Chapter("07-bootstrapping-etcd").Steps) < 9 {
		t.Errorf("deriving changed the base")
	}
}

func TestVariantInheritsWholeChapters(t *testing.T) {
	files := miniVariant()
	files["track.yaml"] = strings.Replace(files["track.yaml"], "chapters:\n  - 07-bootstrapping-etcd\n",
		"chapters:\n  - 07-bootstrapping-etcd\n  - slug: 10-kubectl\n    from: 10-configuring-kubectl\n", 1)
	files["track.yaml"] = strings.Replace(files["track.yaml"], "    roles: [workstation]\n", "    roles: [workstation]\n", 1)
	tr, _, err := loadVariant(t, files)
	if err != nil {
		t.Fatal(err)
	}
	ch := tr.Chapter("10-kubectl")
	if ch == nil || ch.From == nil || ch.From.Slug != "10-configuring-kubectl" || len(ch.Steps) == 0 || !ch.Written() {
		t.Fatalf("chapter from another slug: %+v", ch)
	}
	if title, _ := ch.Title("en"); title == "" || title == ch.Slug {
		t.Errorf("inherited chapter has no title: %q", title)
	}
	for _, s := range ch.Steps {
		if !strings.HasPrefix(s.ID, "10-kubectl/") || s.Origin != steps.OriginBase {
			t.Errorf("step %s origin %q", s.ID, s.Origin)
		}
	}
}

// Each broken variant is reported at its file and line.
func TestVariantErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(files map[string]string)
		where string // file:line that the message must name
		says  string
	}{
		{"unknown base", func(f map[string]string) {
			f["track.yaml"] = strings.Replace(f["track.yaml"], "base: classic", "base: clasic", 1)
		}, "track.yaml:2", `base: no track "clasic" to build on`},
		{"replace unknown step", func(f map[string]string) {
			f["07-bootstrapping-etcd.yaml"] = strings.Replace(f["07-bootstrapping-etcd.yaml"], "  - id: etcd-name", "  - id: etcd-nam", 1)
		}, "07-bootstrapping-etcd.yaml:2", `replace: classic's 07-bootstrapping-etcd has no step "etcd-nam"`},
		{"insert an id the chapter has", func(f map[string]string) {
			f["07-bootstrapping-etcd.yaml"] = strings.Replace(f["07-bootstrapping-etcd.yaml"], "id: show-name", "id: login", 1)
		}, "07-bootstrapping-etcd.yaml:10", `step id "login" is already in the chapter`},
		{"insert after an unknown step", func(f map[string]string) {
			f["07-bootstrapping-etcd.yaml"] = strings.Replace(f["07-bootstrapping-etcd.yaml"], "after: etcd-name", "after: etcd-nme", 1)
		}, "07-bootstrapping-etcd.yaml:10", `no step "etcd-nme" to insert after`},
		{"drop an unknown step", func(f map[string]string) {
			f["07-bootstrapping-etcd.yaml"] = strings.Replace(f["07-bootstrapping-etcd.yaml"], "drop: [download-etcd,", "drop: [download,", 1)
		}, "07-bootstrapping-etcd.yaml:19", `drop: classic's 07-bootstrapping-etcd has no step "download"`},
		{"steps and edits together", func(f map[string]string) {
			f["07-bootstrapping-etcd.yaml"] = "steps: []\n" + f["07-bootstrapping-etcd.yaml"]
		}, "07-bootstrapping-etcd.yaml:1", "not both"},
		{"edits to a chapter the base lacks", func(f map[string]string) {
			f["track.yaml"] += "  - 99-extra\n"
			f["99-extra.yaml"] = "drop: [login]\n"
		}, "99-extra.yaml:1", "classic has no chapter 99-extra to edit"},
		{"from an unknown chapter", func(f map[string]string) {
			f["track.yaml"] += "  - slug: 10-kubectl\n    from: 10-kubectl\n"
		}, "track.yaml:17", `from: classic has no chapter "10-kubectl"`},
		{"unknown key", func(f map[string]string) {
			f["07-bootstrapping-etcd.yaml"] = strings.Replace(f["07-bootstrapping-etcd.yaml"], "drop:", "dorp:", 1)
		}, "07-bootstrapping-etcd.yaml:19", "dorp"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := miniVariant()
			c.edit(files)
			_, dir, err := loadVariant(t, files)
			if err == nil {
				t.Fatal("loaded without error")
			}
			msg := err.Error()
			if !strings.Contains(msg, filepath.Join(dir, c.where)) || !strings.Contains(msg, c.says) {
				t.Errorf("got:\n%s\nwant %s: ...%s", msg, c.where, c.says)
			}
		})
	}
}

// What loading accepts but lint refuses, reported where the fix goes.
func TestVariantLintErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(files map[string]string)
		where string
		says  string
	}{
		{"replaced step without its own prose", func(f map[string]string) {
			f["prose/ko/07-bootstrapping-etcd.md"] = strings.Replace(f["prose/ko/07-bootstrapping-etcd.md"],
				"## etcd-name: Name the member\n\nThe short host name names the member.\n\n", "", 1)
		}, "prose/ko/07-bootstrapping-etcd.md", "step etcd-name has no 한국어 prose"},
		{"inherited step on a host the layout lacks", func(f map[string]string) {
			f["07-bootstrapping-etcd.yaml"] = strings.Replace(f["07-bootstrapping-etcd.yaml"], " verify-members]", "]", 1)
		}, "07-bootstrapping-etcd.yaml: ", "(step inherited from classic, content/classic/07-bootstrapping-etcd.yaml:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := miniVariant()
			c.edit(files)
			tr, dir, err := loadVariant(t, files)
			if err != nil {
				t.Fatal(err)
			}
			msg := steps.Lint(tr).Error()
			if !strings.Contains(msg, filepath.Join(dir, c.where)) || !strings.Contains(msg, c.says) {
				t.Errorf("got:\n%s\nwant %s ...%s", msg, c.where, c.says)
			}
		})
	}
}

func TestVariantCycle(t *testing.T) {
	dir := writeTrack(t, map[string]string{
		"a/track.yaml": "id: a\nbase: b\n",
		"b/track.yaml": "id: b\nbase: a\n",
	})
	_, err := steps.LoadAll(os.DirFS(dir), dir)
	if err == nil || !strings.Contains(err.Error(), "in a circle") {
		t.Errorf("got %v", err)
	}
}

// A variant can build on a variant: an instructor's lab on top of onprem.
func TestVariantOfAVariant(t *testing.T) {
	files := map[string]string{}
	for name, body := range miniVariant() {
		files["mini/"+name] = body
	}
	files["lab/track.yaml"] = "id: lab\nbase: mini\n"
	files["lab/07-bootstrapping-etcd.yaml"] = "drop: [show-name]\n"
	for _, lang := range []string{"en", "ko", "ja"} {
		files["lab/prose/"+lang+"/track.md"] = "# Lab\n"
	}
	dir := writeTrack(t, files)
	tracks, err := steps.LoadAllWith(os.DirFS(dir), dir, embedded(t))
	if err != nil {
		t.Fatal(err)
	}
	lab, err := steps.FindTrack(tracks, "lab")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range lab.Steps() {
		got = append(got, s.Slug)
	}
	if strings.Join(got, " ") != "login etcd-name" || len(lab.Hosts) != 3 || lab.Hosts[1].Name != "etcd-a" {
		t.Errorf("steps %v, hosts %v", got, lab.Hosts)
	}
	if p, _ := lab.Step("07-bootstrapping-etcd/etcd-name").Text("ko"); p.Title != "Name the member" {
		t.Errorf("prose through two bases: %+v", p)
	}
	if errs := steps.Lint(lab); len(errs) > 0 {
		t.Errorf("lint: %v", errs)
	}
}
