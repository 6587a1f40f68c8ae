package walk

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The wrapper must give bash exactly the learner's blocks, with carried
// values restored byte for byte, whatever they contain.
func TestWrapperRoundTripsValues(t *testing.T) {
	carried := map[string]string{
		"PLAIN":  "10.240.0.10",
		"QUOTES": `it's "quoted" $(not run) \ back`,
		"LINES":  "a\nb",
		"EMPTY":  "",
		// Only a tampered progress file can hold such a name: it must
		// not run.
		"EVIL;touch pwned;X": "v",
	}
	work := t.TempDir()
	script := wrapStep(carried, []string{
		"echo \"$PLAIN|$QUOTES|$LINES|$EMPTY\"\n",
		"NEW=$(printf 'x\\ny')\nOTHER='it'\\''s'\nSTRAY=1\n",
	}, []string{"NEW", "OTHER", "UNSET"}, true)
	dir := stageLocally(t, work, script)
	cmd := exec.Command("bash", "-c", runStaged(dir))
	cmd.Dir = work
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, script)
	}
	want := "10.240.0.10|" + carried["QUOTES"] + "|a\nb|\n"
	if string(out) != want {
		t.Errorf("got %q want %q", out, want)
	}
	if _, err := os.Stat(filepath.Join(work, "pwned")); err == nil {
		t.Error("a carried name ran as a command")
	}
	if _, err := os.Stat(filepath.Join(dir, "step")); !os.IsNotExist(err) {
		t.Errorf("the script is still on disk: %v", err)
	}
	varFile := filepath.Join(dir, "vars")
	if fi, err := os.Stat(varFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("variable file: %v %v", fi, err)
	}
	data, err := exec.Command("bash", "-c", readVarsCommand(dir)).Output()
	if err != nil {
		t.Fatal(err)
	}
	// STRAY was set but not declared: only declared names come back.
	got := parseVars(string(data), []string{"NEW", "OTHER", "UNSET"})
	if got["NEW"] != "x\ny" || got["OTHER"] != "it's" || got[CwdVar] == "" || len(got) != 3 {
		t.Errorf("defined variables: %q", got)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the private directory is left: %v", err)
	}
}

// stageLocally runs the stage command as the engine does on a host.
func stageLocally(t *testing.T, tmp, script string) string {
	t.Helper()
	cmd := exec.Command("bash", "-c", stageCommand)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := strings.TrimSpace(string(out))
	if !stagedDir.MatchString(dir) {
		t.Fatalf("staged at %q", dir)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("private directory: %v %v", fi, err)
	}
	return dir
}

func TestWrapperStopsAtTheFirstFailingBlock(t *testing.T) {
	tmp := t.TempDir()
	dir := stageLocally(t, tmp, wrapStep(nil, []string{"echo one; false\n", "echo two\n"}, nil, false))
	out, err := exec.Command("bash", "-c", runStaged(dir)).CombinedOutput()
	if err == nil || strings.Contains(string(out), "two") {
		t.Errorf("%v %q", err, out)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a step without variables leaves its directory: %v", err)
	}
	// The last block's status is the step's.
	dir = stageLocally(t, tmp, wrapStep(nil, []string{"true\n", "exit 4\n"}, nil, false))
	out, err = exec.Command("bash", "-c", runStaged(dir)).CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 4 {
		t.Errorf("%v %q", err, out)
	}
}

// A check's script comes on standard input; a command in it that reads its
// own standard input (ssh, cat) gets nothing and does not eat the script.
func TestCheckScriptOnStdin(t *testing.T) {
	cmd, stdin := stdinScript(wrapCheck(map[string]string{"KEY": "s3cr3t"}, "cat; echo \"key=$KEY\"\necho after\n"))
	if strings.Contains(cmd, "s3cr3t") {
		t.Fatalf("the secret is in the command line: %q", cmd)
	}
	c := exec.Command("bash", "-c", cmd)
	c.Stdin = strings.NewReader(stdin)
	out, err := c.CombinedOutput()
	if err != nil || string(out) != "key=s3cr3t\nafter\n" {
		t.Errorf("%v %q", err, out)
	}
	// Errors and output come as one stream, in the order printed.
	cmd, stdin = stdinScript("for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; done\n")
	c = exec.Command("bash", "-c", cmd)
	c.Stdin = strings.NewReader(stdin)
	var stdout strings.Builder
	c.Stdout = &stdout // stderr left unset: nothing may go there
	if err := c.Run(); err != nil || stdout.String() != "out1\nerr1\nout2\nerr2\nout3\nerr3\nout4\nerr4\nout5\nerr5\n" {
		t.Errorf("%v %q", err, stdout.String())
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
		for k := range parseVars(s, []string{"A", "B", "A;id", ""}) {
			if !shellName(k) || k != "A" && k != "B" && k != CwdVar {
				t.Fatalf("name %q came back", k)
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

// The last part of a private key, its beginning cut off by an output cap,
// is redacted too.
func TestRedactKeyWithoutItsBeginning(t *testing.T) {
	r := &Redactor{}
	cut := "[... 123 bytes not kept by hardway ...]\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\naKqNjDaYBNjHuWdtsUM9ZR9kg3tDxbHF1mz7qhnI3AVgHCi8bfvCNQ==\n-----END RSA PRIVATE KEY-----\nafter\n"
	got := r.Redact(cut)
	if strings.Contains(got, "MIIEow") || strings.Contains(got, "aKqNjD") || !strings.Contains(got, "after") {
		t.Errorf("%q", got)
	}
	whole := "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----\nplain -----END RSA PRIVATE KEY----- text"
	if got := r.Redact(whole); strings.Contains(got, "abc") {
		t.Errorf("%q", got)
	}
}

func TestCappedKeepsHeadAndTail(t *testing.T) {
	c := newCapped(10, 20)
	for i := 0; i < 1000; i++ {
		c.Write([]byte("0123456789"))
	}
	c.Write([]byte("THE-END"))
	got := c.String()
	if !strings.HasPrefix(got, "0123456789\n[... ") || !strings.HasSuffix(got, "3456789THE-END") || len(got) > 100 {
		t.Errorf("%q", got)
	}
	if small := newCapped(10, 20); true {
		small.Write([]byte("short"))
		if small.String() != "short" {
			t.Errorf("%q", small.String())
		}
	}
}

// A write that a killed hardway left half done leaves no file behind once
// the progress is opened again.
func TestStaleProgressTempsAreRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".progress-123")
	os.WriteFile(stale, []byte("{"), 0o600)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	fresh := filepath.Join(dir, ".progress-456") // another hardway writing now
	os.WriteFile(fresh, []byte("{"), 0o600)
	if _, err := OpenProgress(filepath.Join(dir, "progress.json"), "classic"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a stale temporary file is left")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a write in progress was removed")
	}
}
