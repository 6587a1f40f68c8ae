package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// reset asks first on a terminal: for --all, the question names the file
// and the carried variables it also forgets, in the learner's language;
// answering no forgets nothing.
func TestResetAsksFirst(t *testing.T) {
	state := t.TempDir()
	if r := run(t, "", nil, "--state", state, "--rehearsal", "run", "01/verify-sdk"); r.code != 0 {
		t.Fatalf("run: %+v", r)
	}
	progress := filepath.Join(state, "progress.json")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"reset", "--all"}, "Forget all progress in " + progress + ", the carried variables too? The hosts are not touched. [y/N]"},
		{[]string{"reset", "--all", "--lang", "ja"}, progress + " に記録されたすべての進捗を、引き継いだ変数も含めて消去しますか？"},
		{[]string{"reset", "--all", "--lang", "ko"}, progress + "에 기록된 모든 진행 상황을 이어받은 변수까지 지울까요?"},
		{[]string{"reset", "01"}, "Forget 01 in " + progress + "? The hosts are not touched. [y/N]"},
	} {
		ptmx, tty, err := pty.Open()
		if err != nil {
			t.Fatal(err)
		}
		ptmx.Write([]byte("n\n"))
		var out, errOut bytes.Buffer
		code := Main(append([]string{"--state", state, "--rehearsal"}, c.args...), Env{Stdin: tty, Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }})
		tty.Close()
		ptmx.Close()
		if code != ExitUsage || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: exit %d, stderr:\n%s\nwant %q", c.args, code, errOut.String(), c.want)
		}
		if _, err := os.Stat(progress); err != nil {
			t.Fatalf("%v: answering no removed the progress: %v", c.args, err)
		}
	}
}
