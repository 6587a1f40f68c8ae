package walk

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"hardway/internal/sshlab"
)

// otherUser returns a second local account for attacks that need one,
// creating it when the tests run as root.
func otherUser(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to act as a second user")
	}
	const name = "hwattacker"
	if exec.Command("id", name).Run() != nil {
		if out, err := exec.Command("useradd", "--no-create-home", "--shell", "/bin/sh", name).CombinedOutput(); err != nil {
			t.Fatalf("useradd: %v %s", err, out)
		}
	}
	return name
}

// The attack of the adversarial review, replayed: another user of the host
// watches the temporary directory while a step that defines variables runs,
// and tries to read the step's script, plant a variable file (a name that
// is a command, a PWD of their choosing), or replace the directory. hardway
// must carry only what the step defined, and nothing of theirs may run.
func TestAnotherUserCannotPlantOrReadCarriedState(t *testing.T) {
	attacker := otherUser(t)
	l := sshlab.Start(t, 199, []string{"controller-0"})
	pwned := filepath.Join(os.TempDir(), "hardway-pwned-by-attacker")
	os.Remove(pwned)
	log := filepath.Join(t.TempDir(), "attack.log")
	os.WriteFile(log, nil, 0o666)
	os.Chmod(filepath.Dir(log), 0o777)
	// Every few milliseconds: for each hardway directory, try to read the
	// script, write a variable file, and list the directory.
	attack := `end=$(( $(date +%s) + 4 ))
while [ $(date +%s) -lt $end ]; do
  for d in /tmp/hardway.*; do
    [ -e "$d" ] || continue
    cat "$d/step" >/dev/null 2>&1 && echo "read $d/step" >> ` + log + `
    printf 'EVIL;touch ` + pwned + `;X=1\0PWD=/tmp\0SECRET_KEY=attacker\0' > "$d/vars" 2>/dev/null && echo "wrote $d/vars" >> ` + log + `
    ls "$d" >/dev/null 2>&1 && echo "listed $d" >> ` + log + `
  done
done`
	cmd := exec.Command("runuser", "-u", attacker, "--", "sh", "-c", attack)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()

	tr := labTrack(t, l, `steps:
  - id: define
    on: [controllers, workstation]
    defines: [SECRET_KEY]
    run: |
      SECRET_KEY=learners-own-value-123
      cd /
      sleep 1.5
  - id: use
    on: [controllers, workstation]
    run: |
      echo "key=$SECRET_KEY pwd=$PWD"
`)
	e, rec := newEngine(t, l, tr, t.TempDir())
	for _, id := range []string{"01-test/define", "01-test/use"} {
		rep, err := e.Run(context.Background(), tr.Step(id), nil)
		if err != nil || !rep.OK() {
			t.Fatalf("%s: %+v %v", id, rep.Hosts, err)
		}
	}
	cmd.Wait()
	for _, h := range []string{"controller-0", "workstation"} {
		if out := rec.output(h); !strings.Contains(out, "key=learners-own-value-123 pwd=/") {
			t.Errorf("%s: carried %q", h, out)
		}
		for k := range e.Progress.Vars(h) {
			if k != "SECRET_KEY" && k != CwdVar {
				t.Errorf("%s carries %q", h, k)
			}
		}
	}
	if _, err := os.Stat(pwned); err == nil {
		t.Error("the attacker's variable name ran as a command")
	}
	if got, _ := os.ReadFile(log); len(got) > 0 {
		t.Errorf("the other user got in:\n%s", got)
	}
}
