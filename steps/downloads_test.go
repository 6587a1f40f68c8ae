package steps_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"hardway/steps"
)

func TestFetches(t *testing.T) {
	cases := []struct {
		block string
		want  string // tool url line; ...
		list  bool
	}{
		{"wget -q --show-progress --https-only --timestamping \\\n  \"https://a.example/x\" \\\n  https://a.example/y\n", "wget https://a.example/x 1; wget https://a.example/y 1", false},
		{"wget -q -P downloads -i downloads-$(dpkg --print-architecture).txt\n", "", true},
		{"wget --input-file=list.txt\n", "", true},
		{"curl -o cfssl https://a.example/cfssl\ncurl -LO https://a.example/k\n", "curl https://a.example/cfssl 1; curl https://a.example/k 2", false},
		{"curl -s https://a.example/apt-key.gpg | sudo apt-key add -\n", "curl https://a.example/apt-key.gpg 1", false},
		{"curl -sSL https://a.example/x.tgz | tar xz\n", "curl https://a.example/x.tgz 1", false},
		{"curl https://a.example/m.yaml > m.yaml\n", "curl https://a.example/m.yaml 1", false},
		// Probes, not downloads.
		{"curl -s --cacert ca.pem https://10.0.0.1:10252/metrics |head\n", "", false},
		{"curl -I https://a.example/x\ncurl --head https://a.example/x\n", "", false},
		{"curl -s -o /dev/null -w '%{http_code}' https://a.example/x\n", "", false},
		{"curl -H 'Host: kubernetes.default.svc.cluster.local' -i http://127.0.0.1/healthz\n", "", false},
		{"curl --cacert ca.pem https://${KUBERNETES_PUBLIC_ADDRESS}:6443/version\n", "", false},
		{"git clone --depth 1 \\\n  https://github.com/o/r.git\n", "git https://github.com/o/r.git 1", false},
		{"git log https://a.example/x\n", "", false},
		{"kubectl apply -f https://a.example/m.yaml\nkubectl apply --filename=https://a.example/n.yaml\nkubectl apply -f m.yaml\n", "kubectl https://a.example/m.yaml 1; kubectl https://a.example/n.yaml 2", false},
		// A here-document is data: its URLs are not fetched.
		{"cat <<EOF | sudo tee /etc/x.service\n[Unit]\nDocumentation=https://a.example/doc\nwget https://a.example/not-run\nEOF\nwget https://a.example/after\n", "wget https://a.example/after 6", false},
		{"cat > x <<-'END'\n\twget https://a.example/not-run\n\tEND\n", "", false},
		// Quotes, comments, loops, sudo and command substitutions.
		{"# wget https://a.example/comment\nfor f in a b; do sudo wget 'https://a.example/q' ; done\n", "wget https://a.example/q 2", false},
		{"echo \"wget https://a.example/echo\"; X=$(curl -LO https://a.example/sub)\n", "", false},
		{"ssh node \"curl -LO https://a.example/remote\"\n", "", false},
	}
	for _, c := range cases {
		fs, list := steps.Fetches(c.block)
		var got []string
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%s %s %d", f.Tool, f.URL, f.Line))
		}
		if strings.Join(got, "; ") != c.want || list != c.list {
			t.Errorf("Fetches(%q) = %q, %v; want %q, %v", c.block, strings.Join(got, "; "), list, c.want, c.list)
		}
	}
}

// chapterWith is the good track's chapter 01 with a hello step of this
// body (its id and hosts given).
func chapterWith(body string) map[string]string {
	return with(map[string]string{"01-one.yaml": "steps:\n  - id: hello\n    on: [controllers]\n" + body})
}

func TestLintDownloads(t *testing.T) {
	clean := []string{
		"    downloads:\n      - https://a.example/{{ver}}/a.tgz\n    run: |\n      wget -q https://a.example/{{ver}}/a.tgz\n",
		// A list read with wget -i: its URLs are declared, not in the block.
		"    downloads:\n      - https://a.example/x-amd64\n      - https://a.example/x-arm64\n    run: |\n      wget -q -i downloads-$(dpkg --print-architecture).txt\n",
		"    run: |\n      curl -s https://a.example/healthz | head\n",
	}
	for _, body := range clean {
		if probs := loadAndLint(t, chapterWith(body)); len(probs) > 0 {
			t.Errorf("%s:\n%s", body, strings.Join(probs, "\n"))
		}
	}
	cases := []struct{ body, want string }{
		{"    run: |\n      wget https://a.example/a.tgz\n",
			"01-one.yaml:2: step hello: run block 1, line 1: wget fetches https://a.example/a.tgz, which downloads: does not declare"},
		{"    run: |\n      echo one\n      curl -sSL https://a.example/x.tgz | tar xz\n",
			"01-one.yaml:2: step hello: run block 1, line 2: curl fetches https://a.example/x.tgz"},
		{"    downloads:\n      - https://a.example/a.tgz\n      - https://a.example/old.tgz\n    run: |\n      wget https://a.example/a.tgz\n",
			"01-one.yaml:6: step hello: downloads: no run block fetches https://a.example/old.tgz"},
		{"    downloads:\n      - https://a.example/{{nope}}\n    run: |\n      wget https://a.example/a\n",
			"01-one.yaml:5: step hello: downloads: unknown placeholder {{nope}}"},
		{"    downloads:\n      - ftp://a.example/a\n    run: |\n      echo\n",
			"01-one.yaml:5: step hello: downloads: ftp://a.example/a: want an http:// or https:// URL"},
		{"    downloads:\n      - https://a.example/a\n      - https://a.example/a\n    run: |\n      wget https://a.example/a\n",
			"01-one.yaml:6: step hello: downloads: https://a.example/a is declared twice (line 5)"},
		{"    run: |\n      wget -i list.txt\n",
			"01-one.yaml:2: step hello: a run block reads a list of URLs (wget -i): declare the list's URLs in downloads:"},
		{"    downloads: https://a.example/a\n    run: |\n      wget https://a.example/a\n",
			"downloads: want a list of URLs"},
	}
	for _, c := range cases {
		probs := strings.Join(loadAndLint(t, chapterWith(c.body)), "\n")
		if !strings.Contains(probs, c.want) {
			t.Errorf("%s: want %q in:\n%s", c.body, c.want, probs)
		}
	}
}

func TestDownloadURLsAndClones(t *testing.T) {
	dir := writeTrack(t, chapterWith("    downloads:\n      - https://a.example/{{ver}}/a.tgz\n      - https://github.com/o/r.git\n    run: |\n      wget https://a.example/{{ver}}/a.tgz\n      git clone https://github.com/o/r.git\n"))
	tracks, err := steps.LoadAll(os.DirFS(dir), "mini")
	if err != nil {
		t.Fatal(err)
	}
	tr := tracks[0]
	s := tr.Step("01-one/hello")
	vars := tr.DefaultVars()
	if got := strings.Join(s.DownloadURLs(vars), " "); got != "https://a.example/v1.15.3/a.tgz https://github.com/o/r.git" {
		t.Errorf("DownloadURLs = %s", got)
	}
	if got := s.ClonedURLs(vars); len(got) != 1 || got[0] != "https://github.com/o/r.git" {
		t.Errorf("ClonedURLs = %v", got)
	}
	if s.Downloads[1].Line != 6 {
		t.Errorf("a declaration's line: %+v", s.Downloads)
	}
}

// Fetches never panics, and what it finds is a URL on a line of the block.
func FuzzFetches(f *testing.F) {
	for _, s := range []string{"wget https://a/b\n", "curl -LO 'https://a/b' | tar x", "cat <<EOF\nhttps://x\nEOF\n", "git clone \\\n https://a/b.git", "kubectl apply -f=https://a/m", "$(curl -o x https://a/b", "echo \"unterminated"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, block string) {
		fs, _ := steps.Fetches(block)
		for _, fe := range fs {
			if !strings.HasPrefix(fe.URL, "http") || !strings.Contains(fe.URL, "://") || fe.Line < 1 || fe.Line > strings.Count(block, "\n")+1 {
				t.Fatalf("%q: %+v", block, fe)
			}
		}
	})
}
