package steps_test

import (
	"path/filepath"
	"strings"
	"testing"

	"hardway/steps"
)

// haproxy's /healthz, as the on-prem tutorial shows it: 503 until the API
// servers run, 200 after.
const stagedStep = `      - id: healthz
        on: [controllers]
        check:
          kind: http
          run: |
            curl -H "Host: kubernetes.default.svc.cluster.local" -i http://127.0.0.1/healthz
          timeout: 0s
          stages:
            - name: before-apiservers
              until: etcd-name
              params: {status: 503}
              pass: [{note: no API server yet, output: "HTTP/1.0 503 Service Unavailable\r\n\r\n"}]
              fail: [{note: haproxy down, output: "curl: (7) Failed to connect to 127.0.0.1 port 80: Connection refused\n", exit: 7}]
            - name: apiservers-running
              params: {status: 200}
              pass: [{note: healthy, output: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"}]
              fail: [{note: still 503, output: "HTTP/1.0 503 Service Unavailable\r\n\r\n"}]
`

func stagedVariant(stage string) map[string]string {
	files := miniVariant()
	files["07-bootstrapping-etcd.yaml"] = strings.Replace(files["07-bootstrapping-etcd.yaml"],
		"    steps:\n", "    steps:\n"+stage, 1)
	for _, lang := range []string{"en", "ko", "ja"} {
		files["prose/"+lang+"/07-bootstrapping-etcd.md"] += "\n## healthz: haproxy health\n\nIt answers for the API servers.\n\n### hint\n\nIs haproxy running?\n"
	}
	return files
}

func TestCheckStages(t *testing.T) {
	tr, _, err := loadVariant(t, stagedVariant(stagedStep))
	if err != nil {
		t.Fatal(err)
	}
	if errs := steps.Lint(tr); len(errs) > 0 {
		t.Fatalf("lint: %v", errs)
	}
	c := tr.Step("07-bootstrapping-etcd/healthz").Check
	if len(c.Stages) != 2 || c.Stages[0].Until != "07-bootstrapping-etcd/etcd-name" {
		t.Fatalf("stages %+v", c.Stages)
	}
	done := map[string]bool{}
	isDone := func(id string) bool { return done[id] }
	if got := c.At(isDone); got.Stage != "before-apiservers" || len(got.Samples) != 2 {
		t.Errorf("before etcd-name: stage %q", got.Stage)
	}
	done["07-bootstrapping-etcd/etcd-name"] = true
	if got := c.At(isDone); got.Stage != "apiservers-running" {
		t.Errorf("after etcd-name: stage %q", got.Stage)
	}
	if got := c.At(nil); got.Stage != "before-apiservers" {
		t.Errorf("no progress: stage %q", got.Stage)
	}
	// The same output gets opposite verdicts in the two stages.
	out := steps.Sample{Output: "HTTP/1.0 503 Service Unavailable\r\n\r\n", Exit: 0}
	for i, want := range []bool{true, false} {
		k, err := c.InStage(i).Build(tr.DefaultVars())
		if err != nil {
			t.Fatal(err)
		}
		if got := k.Evaluate(out.AsOutput()).Pass; got != want {
			t.Errorf("stage %d: 503 passes=%v, want %v", i, got, want)
		}
	}
}

func TestCheckStageErrors(t *testing.T) {
	cases := []struct {
		name, from, to, where, says string
		lint                        bool
	}{
		{"unknown until step", "until: etcd-name", "until: etcd-nme", "07-bootstrapping-etcd.yaml:18", `stage before-apiservers: until: unknown step "etcd-nme"`, false},
		{"last stage with until", "            - name: apiservers-running\n", "            - name: apiservers-running\n              until: etcd-name\n", "07-bootstrapping-etcd.yaml:23", "the last stage applies from then on", false},
		{"params beside stages", "          timeout: 0s\n          stages:", "          timeout: 0s\n          params: {status: 200}\n          stages:", "07-bootstrapping-etcd.yaml:", "not beside them", false},
		{"a stage's sample fails", "pass: [{note: healthy, output: \"HTTP/1.1 200 OK", "pass: [{note: healthy, output: \"HTTP/1.1 500 OK", "07-bootstrapping-etcd.yaml:25", `stage apiservers-running: the passing sample "healthy" fails`, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			step := strings.Replace(stagedStep, c.from, c.to, 1)
			if step == stagedStep {
				t.Fatal("the edit changed nothing")
			}
			tr, dir, err := loadVariant(t, stagedVariant(step))
			if c.lint {
				if err != nil {
					t.Fatal(err)
				}
				err = steps.Lint(tr)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if msg := err.Error(); !strings.Contains(msg, filepath.Join(dir, c.where)) || !strings.Contains(msg, c.says) {
				t.Errorf("got:\n%s\nwant %s ...%s", msg, c.where, c.says)
			}
		})
	}
}
