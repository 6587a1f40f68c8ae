package walk

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"hardway/internal/sshlab"
)

// psSecrets scans every process's command line on this machine (the test
// hosts' sshd sessions run here too) for the secret, until stop closes.
func psSecrets(secret string, stop <-chan struct{}) <-chan []string {
	found := make(chan []string, 1)
	go func() {
		var hits []string
		for {
			select {
			case <-stop:
				found <- hits
				return
			default:
			}
			procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
			for _, p := range procs {
				if b, err := os.ReadFile(p); err == nil && strings.Contains(string(b), secret) {
					hits = append(hits, strings.ReplaceAll(string(b), "\x00", " "))
				}
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	return found
}

// A carried secret never appears in a command line, on either end: not
// while the step that defines it runs, not in the later step and check
// that use it (which once carried it in `bash -c ... export KEY='...'`).
func TestCarriedSecretsAreInNoCommandLine(t *testing.T) {
	l := sshlab.Start(t, 197, []string{"controller-0"})
	const secret = "c2VjcmV0LWtleS1mb3ItdGhlLWFyZ3YtdGVzdA=="
	tr := labTrack(t, l, `steps:
  - id: define
    on: [controllers, workstation]
    defines: [ENCRYPTION_KEY]
    run: |
      ENCRYPTION_KEY=$(echo `+secret+`)
      sleep 0.5
  - id: use
    on: [controllers, workstation]
    run: |
      sleep 0.5; echo "key length ${#ENCRYPTION_KEY}"
    check:
      kind: output
      run: sleep 0.5; echo "${#ENCRYPTION_KEY}"
      timeout: 0s
      params: {equals: "40"}
      pass: [{output: "40"}]
      fail: [{output: "0"}]
`)
	e, rec := newEngine(t, l, tr, t.TempDir())
	stop := make(chan struct{})
	found := psSecrets(secret, stop)
	var once sync.Once
	defer once.Do(func() { close(stop) })
	for _, id := range []string{"01-test/define", "01-test/use"} {
		rep, err := e.Run(context.Background(), tr.Step(id), nil)
		if err != nil || !rep.OK() {
			t.Fatalf("%s: %+v %v\n%s", id, rep.Hosts, err, rec.output("controller-0"))
		}
	}
	once.Do(func() { close(stop) })
	if hits := <-found; len(hits) > 0 {
		t.Errorf("the secret was in %d command lines, e.g. %q", len(hits), hits[0])
	}
	if !strings.Contains(rec.output("controller-0"), "key length 40") || !strings.Contains(rec.output("workstation"), "key length 40") {
		t.Errorf("the secret did not reach the next step: %q / %q", rec.output("controller-0"), rec.output("workstation"))
	}
	// Nothing is left in the temporary directory.
	left, _ := filepath.Glob(filepath.Join(os.TempDir(), "hardway.*"))
	for _, d := range left {
		if b, err := os.ReadFile(filepath.Join(d, "vars")); err == nil && strings.Contains(string(b), secret) {
			t.Errorf("%s still holds the secret", d)
		}
	}
}
