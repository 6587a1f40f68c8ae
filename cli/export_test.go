package cli

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of the export test")

// exportLab writes a lab whose progress and transcript say that a step
// failed on node-0, its output coloured and holding the lab's encryption
// key (a carried secret). Nothing is contacted: export reads files only.
func exportLab(t *testing.T) (args func(...string) []string, secret string) {
	root := t.TempDir()
	secret = "c2VjcmV0LWVuY3J5cHRpb24ta2V5LW9mLXRoZS1sYWI="
	files := map[string]string{
		"content/exp/track.yaml": "id: exp\nversion: v1\nhosts:\n  - name: ws\n    roles: [workstation]\n    local: true\n" +
			"  - name: node-0\n    address: 10.240.0.20\n    roles: [nodes]\nchapters: [01-keys]\n",
		"content/exp/01-keys.yaml": `steps:
  - id: make-key
    on: [node-0]
    defines: [ENCRYPTION_KEY]
    run: |
      ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
  - id: use-key
    on: [node-0]
    run: |
      ./write-config.sh
    check:
      kind: output
      run: cat encryption-config.yaml
      timeout: 0s
      params: {matches: ["secret: [A-Za-z0-9+/=]{44}"]}
      pass: [{output: "secret: c2VjcmV0LWVuY3J5cHRpb24ta2V5LW9mLXRoZS1sYWI=\n"}]
      fail: [{output: "secret: \n"}]
`,
		"hardway.yaml": "track: exp\nhosts:\n  - name: node-0\n    ssh: 127.0.0.1\n",
		"state/progress.json": `{"version": 1, "track": "exp", "current": "01-keys/use-key",
  "steps": {"01-keys/make-key": {"node-0": {"status": "done", "at": "2026-12-01T10:00:00Z"}},
            "01-keys/use-key": {"node-0": {"status": "failed", "at": "2026-12-01T10:00:03Z", "note": "check failed"}}},
  "vars": {"node-0": {"ENCRYPTION_KEY": "` + secret + `"}}}
`,
		// Written as an older hardway might have left it: the secret in clear.
		"state/transcript.jsonl": `{"time":"2026-12-01T10:00:00Z","step":"01-keys/make-key","host":"node-0","kind":"run","command":"ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)","output":"","exit":0,"duration_ms":40}
{"time":"2026-12-01T10:00:01Z","step":"01-keys/use-key","host":"node-0","kind":"run","command":"./write-config.sh","output":"\u001b[32mwriting\u001b[0m encryption-config.yaml\r\n\u001b[1;31mwarning:\u001b[0m key ` + secret + ` has no <provider>\r\n","exit":0,"duration_ms":1250}
{"time":"2026-12-01T10:00:02Z","step":"01-keys/use-key","host":"node-0","kind":"check","command":"cat encryption-config.yaml","output":"secret: \r\n","exit":0,"duration_ms":30}
{"time":"2026-12-01T10:00:03Z","step":"01-keys/use-key","host":"node-0","kind":"check","command":"cat encryption-config.yaml","output":"[same output as attempt 1]","exit":0,"duration_ms":31}
{"time":"2026-12-01T10:00:03Z","step":"01-keys/use-key","host":"node-0","kind":"diagnostic","command":"ls -l","output":"-rw------- 1 root root 0 encryption-config.yaml\r\n","exit":0,"duration_ms":20}
`,
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["content/exp/prose/"+lang+"/track.md"] = "# Export lab\n"
		files["content/exp/prose/"+lang+"/01-keys.md"] = "# Keys\n\n## make-key: Make the key\n\nWhy.\n\n## use-key: Write the encryption config\n\nWhy.\n\n### hint\n\nThe key was empty when the file was written: run make-key again.\n"
	}
	writeTree(t, root, files)
	return func(a ...string) []string {
		return append([]string{"--content", filepath.Join(root, "content"), "--inventory", filepath.Join(root, "hardway.yaml"),
			"--state", filepath.Join(root, "state")}, a...)
	}, secret
}

func TestExportGolden(t *testing.T) {
	args, secret := exportLab(t)
	for _, format := range []string{"md", "html"} {
		r := run(t, "", nil, args("export", "01-keys/use-key", "--format", format)...)
		if r.code != 0 {
			t.Fatalf("%s: %+v", format, r)
		}
		if strings.Contains(r.stdout, secret) {
			t.Errorf("%s: the secret is in the export", format)
		}
		// The state directory is a temporary one.
		got := regexpTranscriptPath.ReplaceAllString(r.stdout, "STATE/transcript.jsonl")
		golden := filepath.Join("testdata", "export", "failed."+format)
		if *updateGolden {
			os.MkdirAll(filepath.Dir(golden), 0o755)
			os.WriteFile(golden, []byte(got), 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (go test ./cli -run TestExportGolden -update writes it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s:\n%s", format, golden, got)
		}
	}
	// The HTML keeps the colours (as classes) and escapes what the output
	// printed; Markdown has the text only.
	r := run(t, "", nil, args("export", "--format", "html")...)
	for _, want := range []string{`<span class="term-fg32">writing</span>`, "&lt;provider&gt;", "The key was empty", "[redacted by hardway]"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("html: no %q", want)
		}
	}
	r = run(t, "", nil, args("export", "01", "--lang", "ko")...)
	if r.code != 0 || !strings.Contains(r.stdout, "판정:") || strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("md in Korean, no escape codes: %+v", r)
	}
	out := filepath.Join(t.TempDir(), "record.html")
	if r := run(t, "", nil, args("export", "--format", "html", "-o", out)...); r.code != 0 {
		t.Fatalf("-o: %+v", r)
	}
	if data, _ := os.ReadFile(out); !strings.HasPrefix(string(data), "<!DOCTYPE html>") || strings.Contains(string(data), secret) {
		t.Errorf("-o wrote %d bytes, not the page, or with the secret", len(data))
	}
	if r := run(t, "", nil, args("export", "--format", "pdf")...); r.code != ExitUsage {
		t.Errorf("--format pdf: %+v", r)
	}
}

// writeTree writes each file of files (path relative to root: body).
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

var regexpTranscriptPath = regexp.MustCompile(`/\S*/state/transcript\.jsonl`)
