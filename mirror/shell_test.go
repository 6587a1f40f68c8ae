package mirror

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTools puts wget, curl, git and kubectl on PATH that print each
// argument in brackets (and, for wget, the lines of the list it is given).
func fakeTools(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	script := `#!/bin/bash
printf '%s' "$(basename "$0")"
for a in "$@"; do printf ' [%s]' "$a"; done
echo
if [ "$(basename "$0")" = wget ]; then
  for a in "$@"; do
    case "$a" in --input-file=*) f=${a#--input-file=} ;; -i) next=1; continue ;; *) [ -n "$next" ] && f=$a; next= ;; esac
  done
  [ -n "$f" ] && [ -r "$f" ] && { echo "list $f:"; cat "$f"; }
fi
exit 0
`
	for _, name := range []string{"wget", "curl", "git", "kubectl"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runWithFunctions(t *testing.T, fns, commands, dir string) string {
	t.Helper()
	cmd := exec.Command("bash", "-c", fns+commands)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+fakeTools(t)+":"+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return string(out)
}

func TestFunctionsRewriteDeclaredURLs(t *testing.T) {
	declared := []string{
		"https://dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl",
		"https://dl.k8s.io/v1.32.3/bin/linux/arm64/kubectl",
		"https://github.com/kelseyhightower/kubernetes-the-hard-way.git",
		"https://docs.projectcalico.org/v3.11/manifests/calico.yaml",
		"https://example.com/it's",
	}
	fns := Functions("http://10.240.0.1:8080", declared, []string{"wget", "curl", "git", "kubectl", "wget"})
	if strings.Count(fns, "\nwget() {") != 1 || !strings.Contains(fns, "curl() {") {
		t.Fatalf("one function per tool:\n%s", fns)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "downloads-amd64.txt"), []byte(
		"https://dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl\nhttps://not.declared.example/x\nhttps://dl.k8s.io/v1.32.3/bin/linux/arm64/kubectl"), 0o644)
	out := runWithFunctions(t, fns, `
wget -q --show-progress --https-only --timestamping -P downloads -i downloads-$(echo amd64).txt
wget --input-file=downloads-amd64.txt
wget -i missing.txt
wget -q https://dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl https://not.declared.example/x
curl -fsSLO https://dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl -d $'keep\n\n'
git clone --depth 1 \
  https://github.com/kelseyhightower/kubernetes-the-hard-way.git
git log https://not.declared.example/x
kubectl apply -f https://docs.projectcalico.org/v3.11/manifests/calico.yaml
kubectl apply --filename=https://docs.projectcalico.org/v3.11/manifests/calico.yaml
curl -o x "https://example.com/it's"
`, dir)
	m := "http://10.240.0.1:8080/"
	for _, want := range []string{
		// The list is a rewritten copy; the flags stay, --https-only too.
		"wget [-q] [--show-progress] [--https-only] [--timestamping] [-P] [downloads] [-i] [/",
		"list /",
		m + "dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl\nhttps://not.declared.example/x\n" + m + "dl.k8s.io/v1.32.3/bin/linux/arm64/kubectl\n",
		"wget [--input-file=/",
		"wget [-i] [missing.txt]\n",
		"wget [-q] [" + m + "dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl] [https://not.declared.example/x]\n",
		"curl [-fsSLO] [" + m + "dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl] [-d] [keep\n\n]\n",
		"git [clone] [--depth] [1] [" + m + "github.com/kelseyhightower/kubernetes-the-hard-way.git]\n",
		"git [log] [https://not.declared.example/x]\n",
		"kubectl [apply] [-f] [" + m + "docs.projectcalico.org/v3.11/manifests/calico.yaml]\n",
		"kubectl [apply] [--filename=" + m + "docs.projectcalico.org/v3.11/manifests/calico.yaml]\n",
		"curl [-o] [x] [" + m + "example.com/it%27s]\n", // escaped; the server decodes it
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	// The rewritten lists are removed once wget is done.
	for _, line := range strings.Split(out, "\n") {
		if f, ok := strings.CutPrefix(line, "list "); ok {
			f = strings.TrimSuffix(f, ":")
			if _, err := os.Stat(f); err == nil {
				t.Errorf("the rewritten list %s is left behind", f)
			}
		}
	}
}

func TestFunctionsNothingToDo(t *testing.T) {
	if Functions("http://m:1", nil, []string{"wget"}) != "" || Functions("http://m:1", []string{"https://a/b"}, nil) != "" {
		t.Error("functions without declared URLs or tools")
	}
	if got := Functions("http://m:1", []string{"ftp://a/b"}, []string{"curl"}); got != "" {
		t.Errorf("a URL the mirror cannot hold is not rewritten:\n%s", got)
	}
	fns := Functions("http://m:1", []string{"https://a/b"}, []string{"curl"})
	if strings.Contains(fns, "wget()") || strings.Contains(fns, "git()") {
		t.Errorf("only the tools the step uses:\n%s", fns)
	}
}
