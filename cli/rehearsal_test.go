package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// `run --rehearsal` walks the recorded outputs through the engine's own
// policy, each host with its own output; status shows the rehearsal's
// progress without an inventory.
func TestRunRehearsalFromTheCommandLine(t *testing.T) {
	state := t.TempDir()
	r := run(t, "", nil, "--track", "classic", "--state", state, "run", "07-bootstrapping-etcd", "--rehearsal", "--json")
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var ev struct {
			Event, Step, Host, Output string
			Pass                      bool
		}
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if ev.Event != "check_verdict" {
			continue
		}
		if !ev.Pass {
			t.Errorf("%s on %s failed in rehearsal", ev.Step, ev.Host)
		}
		if ev.Step == "07-bootstrapping-etcd/etcd-name" {
			if strings.TrimSpace(ev.Output) != ev.Host {
				t.Errorf("%s's pane shows %q", ev.Host, ev.Output)
			}
			seen[ev.Host] = true
		}
		if ev.Step == "07-bootstrapping-etcd/etcd-unit" && !strings.Contains(ev.Output, "--name "+ev.Host) {
			t.Errorf("%s's unit sample: %q", ev.Host, ev.Output)
		}
	}
	if len(seen) != 3 {
		t.Errorf("etcd-name verdicts on %v", seen)
	}
	r = run(t, "", nil, "--track", "classic", "--state", state, "status")
	if r.code != 0 || !strings.Contains(r.stdout, "etcd-name") || !strings.Contains(r.stdout, "passed") {
		t.Errorf("status of the rehearsal: %+v", r)
	}
}
