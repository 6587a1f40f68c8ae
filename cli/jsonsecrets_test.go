package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hardway/internal/sshlab"
)

// --json is written down: no secret a step defines may appear in it, not
// even in the output of the step that defines and prints it.
func TestJSONEventsHaveNoSecrets(t *testing.T) {
	l := sshlab.Start(t, 212, []string{"node-0"})
	root := t.TempDir()
	content := filepath.Join(root, "content")
	const secret = "dG9rZW4tb2YtdGhlLWpzb24tdGVzdC0xMjM0NQ=="
	files := map[string]string{
		"track.yaml": fmt.Sprintf("id: jsonlab\nversion: v1\nhosts:\n  - name: ws\n    roles: [workstation]\n    local: true\n  - name: node-0\n    address: %s\n    roles: [nodes]\nchapters:\n  - 01-secret\n", l.Hosts[0].Addr),
		"01-secret.yaml": `steps:
  - id: define
    on: [nodes, workstation]
    defines: [JOIN_TOKEN]
    run: |
      JOIN_TOKEN=$(cat ` + filepath.Join(root, "token") + `)
      echo "the token is ${JOIN_TOKEN}"
  - id: use
    on: [nodes]
    run: |
      echo "again ${JOIN_TOKEN}"
    check:
      kind: output
      run: echo "${JOIN_TOKEN}"; exit 1
      timeout: 0s
      params: {equals: "nothing"}
      pass: [{output: nothing}]
      fail: [{output: other}]
`,
	}
	// The step reads the token (as kubeadm prints one): it is not in its
	// command.
	os.WriteFile(filepath.Join(root, "token"), []byte(secret+"\n"), 0o600)
	for _, lang := range []string{"en", "ko", "ja"} {
		files["prose/"+lang+"/track.md"] = "# JSON lab\n"
		files["prose/"+lang+"/01-secret.md"] = "# Secret\n\n## define: define\n\nWhy.\n\n## use: use\n\nWhy.\n"
	}
	for name, body := range files {
		p := filepath.Join(content, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inv := filepath.Join(root, "hardway.yaml")
	os.WriteFile(inv, []byte(fmt.Sprintf("track: jsonlab\nssh_config: [%s]\nknown_hosts: [%s]\nhosts:\n  - name: node-0\n    ssh: node-0\n", l.SSHConfigFile, l.KnownHostsFile)), 0o644)
	hw := func(args ...string) result {
		return run(t, "", nil, append([]string{"--content", content, "--track", "jsonlab", "--inventory", inv, "--state", filepath.Join(root, "state")}, args...)...)
	}
	r := hw("run", "01/define", "--yes", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"event":"output"`) || !strings.Contains(r.stdout, "the token is") {
		t.Fatalf("define: %+v", r)
	}
	if strings.Contains(r.stdout, secret) {
		t.Errorf("the secret the step defined is in --json:\n%s", r.stdout)
	}
	r = hw("run", "01/use", "--yes", "--json")
	if r.code != 1 || !strings.Contains(r.stdout, "again") {
		t.Fatalf("use: %+v", r)
	}
	if strings.Contains(r.stdout, secret) {
		t.Errorf("a carried secret is in --json:\n%s", r.stdout)
	}
	// Nor in the transcript, nor in status.
	data, _ := os.ReadFile(filepath.Join(root, "state", "transcript.jsonl"))
	if len(data) == 0 || strings.Contains(string(data), secret) {
		t.Errorf("transcript (%d bytes) has the secret", len(data))
	}
	if r := hw("status"); strings.Contains(r.stdout, secret) {
		t.Errorf("status has the secret:\n%s", r.stdout)
	}
}
