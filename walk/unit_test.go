package walk

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The wrapper must give bash exactly the learner's blocks, with carried
// values restored byte for byte, whatever they contain.
func TestWrapperRoundTripsValues(t *testing.T) {
	carried := map[string]string{
		"PLAIN":  "10.240.0.10",
		"QUOTES": `it's "quoted" $(not run) \ back`,
		"LINES":  "a\nb",
		"EMPTY":  "",
	}
	dir := t.TempDir()
	varFile := filepath.Join(dir, "vars")
	script := wrapStep(carried, []string{
		"echo \"$PLAIN|$QUOTES|$LINES|$EMPTY\"\n",
		"NEW=$(printf 'x\\ny')\nOTHER='it'\\''s'\n",
	}, []string{"NEW", "OTHER", "UNSET"}, varFile)
	out, err := exec.Command("bash", "-c", bashC(script)).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, script)
	}
	want := "10.240.0.10|" + carried["QUOTES"] + "|a\nb|\n"
	if string(out) != want {
		t.Errorf("got %q want %q", out, want)
	}
	data, _ := os.ReadFile(varFile)
	got := parseVars(string(data))
	if got["NEW"] != "x\ny" || got["OTHER"] != "it's" || got[CwdVar] == "" || len(got) != 3 {
		t.Errorf("defined variables: %q", got)
	}
	if fi, _ := os.Stat(varFile); fi.Mode().Perm() != 0o600 {
		t.Errorf("variable file mode %v", fi.Mode().Perm())
	}
}

func TestWrapperStopsAtTheFirstFailingBlock(t *testing.T) {
	script := wrapStep(nil, []string{"echo one; false\n", "echo two\n"}, nil, "")
	out, err := exec.Command("bash", "-c", script).CombinedOutput()
	if err == nil || strings.Contains(string(out), "two") {
		t.Errorf("%v %q", err, out)
	}
	// The last block's status is the step's.
	out, err = exec.Command("bash", "-c", wrapStep(nil, []string{"true\n", "exit 4\n"}, nil, "")).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 4 {
		t.Errorf("%v %q", err, out)
	}
}

func TestRedact(t *testing.T) {
	r := &Redactor{}
	r.Add("c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLXRleHQ=")
	r.Add("short") // too short to redact safely
	in := `-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
-----END OPENSSH PRIVATE KEY-----
`
	// A key cut off by the end of the output is redacted to the end.
	truncated := "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA truncated output with no end\n"
	got := r.Redact(in + "    - secret: abcdefgh\nkey is c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLXRleHQ= and short\n-----BEGIN CERTIFICATE-----\nMIIC\n" + truncated)
	for _, leak := range []string{"b3BlbnNzaC1rZXkt", "MIIEowIBAAKCAQEA", "abcdefgh", "c2VjcmV0LWtleS1v"} {
		if strings.Contains(got, leak) {
			t.Errorf("%q leaked:\n%s", leak, got)
		}
	}
	for _, keep := range []string{"-----BEGIN CERTIFICATE-----\nMIIC", "and short", "secret: " + Redacted} {
		if !strings.Contains(got, keep) {
			t.Errorf("%q lost:\n%s", keep, got)
		}
	}
}

func TestProgressIsAtomicAndStrict(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "progress.json")
	p, err := OpenProgress(path, "classic")
	if err != nil {
		t.Fatal(err)
	}
	p.Set("07/a", "controller-0", HostState{Status: Passed})
	p.SetVars("controller-0", map[string]string{"INTERNAL_IP": "10.240.0.10"})
	q, err := OpenProgress(path, "classic")
	if err != nil || q.Get("07/a", "controller-0").Status != Passed || q.Vars("controller-0")["INTERNAL_IP"] != "10.240.0.10" {
		t.Fatalf("reopen: %v %+v", err, q)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if _, err := OpenProgress(path, "current"); err == nil || !strings.Contains(err.Error(), "classic track") {
		t.Errorf("another track's progress: %v", err)
	}
	os.WriteFile(path, []byte(`{"version": 1, "steps": {`), 0o600)
	if _, err := OpenProgress(path, "classic"); err == nil || !strings.Contains(err.Error(), ".bad") {
		t.Errorf("a damaged file: %v", err)
	}
	if _, err := os.Stat(path + ".bad"); err != nil {
		t.Errorf("the damaged file was not kept: %v", err)
	}
}

func FuzzParseVars(f *testing.F) {
	f.Add("A=1\x00B=x=y\x00")
	f.Add("\x00=\x00noequals")
	f.Fuzz(func(t *testing.T, s string) {
		for k := range parseVars(s) {
			if k == "" || strings.Contains(k, "=") || strings.Contains(k, "\x00") {
				t.Fatalf("bad name %q", k)
			}
		}
	})
}

func FuzzRedact(f *testing.F) {
	f.Add("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----", "secretvalue1")
	f.Add("secret: x", "")
	f.Fuzz(func(t *testing.T, text, secret string) {
		r := &Redactor{}
		r.Add(secret)
		got := r.Redact(text)
		if len(secret) >= 8 && !strings.Contains(Redacted, secret) && strings.Contains(got, secret) {
			// A secret may reappear only as part of the marker itself.
			t.Fatalf("secret %q survives in %q", secret, got)
		}
	})
}

func TestChangesDir(t *testing.T) {
	for in, want := range map[string]bool{
		"cd kubernetes-the-hard-way\n": true,
		"{\n  cd /tmp; ls\n}\n":        true,
		"mkdir -p x && cd x\n":         true,
		"echo abcd efg\n":              false,
		"kubectl apply -f cdn.yaml\n":  false,
		"pushd dir\n":                  true,
	} {
		if got := changesDir([]string{in}); got != want {
			t.Errorf("changesDir(%q) = %v", in, got)
		}
	}
}
