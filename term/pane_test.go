package term

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func lines(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

// wget's progress bar redraws one line with \r; the pane shows the last state.
func TestProgressBarCollapses(t *testing.T) {
	p := New(80, 5)
	stream := "etcd-v3.4.0-linux-amd64.tar.gz   0%[          ]       0  --.-KB/s\r" +
		"etcd-v3.4.0-linux-amd64.tar.gz  47%[====>     ]   7.8M  3.1MB/s\r" +
		"etcd-v3.4.0-linux-amd64.tar.gz 100%[=========>]  16.5M  4.2MB/s    in 3.9s\r\n"
	// Fed in odd-sized chunks, as SSH delivers it.
	for i := 0; i < len(stream); i += 7 {
		p.Write([]byte(stream[i:min(i+7, len(stream))]))
	}
	got := lines(p.String())[0]
	if !strings.HasPrefix(got, "etcd-v3.4.0-linux-amd64.tar.gz 100%[=========>]  16.5M") || strings.Contains(p.String(), "47%") {
		t.Errorf("screen: %q", p.String())
	}
}

func TestColoursSurviveInRender(t *testing.T) {
	p := New(40, 3)
	p.WriteString("\x1b[32mactive\x1b[0m \x1b[1;31mfailed\x1b[0m\r\n")
	r := p.Render()
	if !strings.Contains(r, "active") || !strings.Contains(r, "\x1b[") {
		t.Fatalf("render lost styles: %q", r)
	}
	if got := lines(ansi.Strip(r))[0]; strings.TrimRight(got, " ") != "active failed" {
		t.Errorf("plain: %q", got)
	}
}

// Korean and Japanese characters take two columns; a full line is exactly
// the pane's width, so borders around it line up.
func TestCJKWidths(t *testing.T) {
	p := New(20, 4)
	p.WriteString("한글 日本語 ok\r\n" + strings.Repeat("가", 12))
	ls := strings.Split(ansi.Strip(p.Render()), "\n")
	for i, l := range ls[:3] {
		if w := ansi.StringWidth(l); w != 20 {
			t.Errorf("row %d %q is %d columns wide, want 20", i, l, w)
		}
	}
	if !strings.HasPrefix(ls[0], "한글 日本語 ok") {
		t.Errorf("row 0: %q", ls[0])
	}
	// 12 wide characters need 24 columns: they wrap onto the next row, whole.
	if n := strings.Count(ls[1]+ls[2], "가"); n != 12 || ansi.StringWidth(strings.TrimRight(ls[1], " ")) < 18 {
		t.Errorf("wrap: %q", ls)
	}
}

func TestCursorMovementRewritesLines(t *testing.T) {
	p := New(30, 4)
	p.WriteString("line A\r\nline B\r\n\x1b[2A\x1b[2K\x1b[31mline A (rewritten)\x1b[0m\r\n")
	ls := lines(p.String())
	if strings.TrimSpace(ls[0]) != "line A (rewritten)" || strings.TrimSpace(ls[1]) != "line B" {
		t.Errorf("%q", ls)
	}
}

// A query from the program is answered through ReplyTo, not left to block.
func TestTerminalRepliesAreDrained(t *testing.T) {
	p := New(20, 5)
	var buf safeBuffer
	p.ReplyTo(&buf)
	p.WriteString("\x1b[3;4H\x1b[6n")
	for i := 0; i < 200 && buf.String() == ""; i++ {
		sleepMS(5)
	}
	if buf.String() != "\x1b[3;4R" {
		t.Errorf("reply %q", buf.String())
	}
	p.ReplyTo(nil)
	p.WriteString("\x1b[6n\x1b[c") // nobody listens: must not block
}

func TestScrollbackPaging(t *testing.T) {
	p := New(20, 3)
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(p, "line %d\r\n", i)
	}
	if n := p.ScrollbackLen(); n != 8 {
		t.Fatalf("scrollback %d, want 8", n)
	}
	top := lines(ansi.Strip(p.View(8)))
	if strings.TrimSpace(top[0]) != "line 1" || strings.TrimSpace(top[2]) != "line 3" {
		t.Errorf("paged to the top: %q", top)
	}
	live := lines(ansi.Strip(p.View(0)))
	if strings.TrimSpace(live[1]) != "line 10" {
		t.Errorf("live: %q", live)
	}
}

func TestResize(t *testing.T) {
	p := New(10, 2)
	p.Resize(40, 10)
	if c, r := p.Size(); c != 40 || r != 10 {
		t.Errorf("size %dx%d", c, r)
	}
	p.WriteString(strings.Repeat("x", 35) + "\r\n")
	if !strings.HasPrefix(p.String(), strings.Repeat("x", 35)) {
		t.Errorf("%q", p.String())
	}
}

func FuzzPane(f *testing.F) {
	f.Add([]byte("\x1b[31mred\x1b[0m\r\nprogress 10%\rprogress 100%\n한글\x1b[2A\x1b[K"))
	f.Add([]byte("\x1b]0;title\x07\x1b[?1049h alt \x1b[?1049l\x1b[6n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := New(30, 5)
		p.Write(data)
		if n := len(lines(ansi.Strip(p.Render()))); n > 5 {
			t.Fatalf("%d rows in a 5-row pane", n)
		}
		p.View(3)
		p.Close()
	})
}

type safeBuffer struct {
	mu  chanMutex
	buf bytes.Buffer
}

func (s *safeBuffer) Write(b []byte) (int, error) {
	s.mu.lock()
	defer s.mu.unlock()
	return s.buf.Write(b)
}
func (s *safeBuffer) String() string { s.mu.lock(); defer s.mu.unlock(); return s.buf.String() }
