package mirror

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hardway/mirror/mirrortest"
)

func TestPullResumesAndVerifies(t *testing.T) {
	up := mirrortest.Start(t, map[string]string{"rel/v1/a-amd64": "a\n", "rel/v1/b.tgz": "bbbb\n"},
		map[string]map[string]string{"git/demo.git": {"README": "demo\n"}})
	host := strings.TrimPrefix(up.URL, "http://")
	dir := t.TempDir()
	items := []Item{
		{URL: up.URL + "/rel/v1/a-amd64"},
		// A release download answers with a redirect.
		{URL: up.URL + mirrortest.RedirectPrefix + "rel/v1/b.tgz"},
		{URL: up.URL + "/git/demo.git", Git: true},
		{URL: up.URL + "/rel/v1/gone"},
	}
	p := &Puller{Dir: dir}
	res, err := p.Pull(t.Context(), items)
	if err != nil {
		t.Fatal(err)
	}
	want := []Outcome{Fetched, Fetched, Fetched, Failed}
	for i, r := range res {
		if r.Outcome != want[i] {
			t.Errorf("%s: %s %v, want %s", r.URL, r.Outcome, r.Err, want[i])
		}
	}
	if res[3].Err == nil || !strings.Contains(res[3].Err.Error(), "404") {
		t.Errorf("a missing upstream file says why: %v", res[3].Err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, host, "redirect", "rel", "v1", "b.tgz")); string(data) != "bbbb\n" {
		t.Errorf("the redirected file is kept under the URL asked for: %q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, host, "git", "demo.git", "HEAD")); err != nil {
		t.Errorf("a bare repository: %v", err)
	}
	sums, _ := os.ReadFile(filepath.Join(dir, SumsFile))
	lines := strings.Split(strings.TrimSpace(string(sums)), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "  "+host+"/redirect/rel/v1/b.tgz") || !strings.HasSuffix(lines[1], "  "+host+"/rel/v1/a-amd64") {
		t.Errorf("SHA256SUMS, sorted, files only:\n%s", sums)
	}
	if got, _ := fileSum(filepath.Join(dir, host, "rel", "v1", "a-amd64")); !strings.HasPrefix(lines[1], got+"  ") {
		t.Errorf("checksum of a-amd64 is %s:\n%s", got, sums)
	}

	// Again: the files whose checksums match are not fetched again.
	before := up.Hits("/rel/v1/a-amd64")
	res, _ = p.Pull(t.Context(), items[:3])
	if res[0].Outcome != Present || res[1].Outcome != Present || res[2].Outcome != Updated || up.Hits("/rel/v1/a-amd64") != before {
		t.Errorf("resume: %+v, %d hits", res, up.Hits("/rel/v1/a-amd64")-before)
	}

	// verify: a changed file and a missing one are named.
	if ok, problems, err := Verify(dir); err != nil || ok != 2 || len(problems) != 0 {
		t.Fatalf("verify: %d %v %v", ok, problems, err)
	}
	os.WriteFile(filepath.Join(dir, host, "rel", "v1", "a-amd64"), []byte("tampered\n"), 0o644)
	os.Remove(filepath.Join(dir, host, "redirect", "rel", "v1", "b.tgz"))
	ok, problems, _ := Verify(dir)
	if ok != 0 || len(problems) != 2 || problems[0].What != "missing" || !strings.HasPrefix(problems[1].What, "checksum differs") {
		t.Errorf("verify after damage: %d %+v", ok, problems)
	}
	// A changed file is fetched again.
	res, _ = p.Pull(t.Context(), items[:1])
	if res[0].Outcome != Fetched {
		t.Errorf("a file whose checksum differs is fetched again: %+v", res)
	}
	if _, _, err := Verify(t.TempDir()); err == nil {
		t.Error("verify of a directory without SHA256SUMS")
	}
}
