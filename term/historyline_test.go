package term

import (
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// TestHistoryLineMatchesRender: the fast path renders exactly what
// uv.Line.Render does, for plain, wide, blank and styled lines.
func TestHistoryLineMatchesRender(t *testing.T) {
	red := uv.Style{Fg: ansi.Red}
	lines := map[string]uv.Line{
		"plain":    {{Content: "a", Width: 1}, {Content: "b", Width: 1}},
		"blanks":   {uv.EmptyCell, {Content: "x", Width: 1}, uv.EmptyCell, uv.EmptyCell},
		"wide":     {{Content: "한", Width: 2}, {}, {Content: "a", Width: 1}},
		"empty":    {},
		"styled":   {{Content: "o", Width: 1, Style: red}, {Content: "k", Width: 1}, uv.EmptyCell},
		"link":     {{Content: "l", Width: 1, Link: uv.Link{URL: "http://x"}}},
		"zerocell": {{}, {}, {Content: "z", Width: 1}},
	}
	for name, l := range lines {
		if got, want := historyLine(l), l.Render(); got != want {
			t.Errorf("%s: historyLine = %q, Render = %q", name, got, want)
		}
	}
}

// FuzzHistoryLine feeds output through a pane's emulator and compares
// every line that scrolls off with uv's own rendering.
func FuzzHistoryLine(f *testing.F) {
	f.Add("plain line\r\n\x1b[31mred\x1b[0m text\r\n한국어 日本語\r\n")
	f.Add("a\tb\r\n\x1b]8;;http://x\x07link\x1b]8;;\x07\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		p := New(20, 3)
		defer p.Close()
		p.emu.Scrollback().SetOnPush(func(l uv.Line) {
			if got, want := historyLine(l), l.Render(); got != want {
				t.Fatalf("historyLine = %q, Render = %q", got, want)
			}
		})
		p.WriteString(s + "\r\n\r\n\r\n\r\n")
	})
}

// TestRenderScreenMatchesEmulator: the pane's own rendering of the screen
// is the emulator's, for coloured, wide and plain output.
func TestRenderScreenMatchesEmulator(t *testing.T) {
	p := New(30, 6)
	defer p.Close()
	p.WriteString("plain\r\n\x1b[1;32mok\x1b[0m done\r\n한국어 日本語 wide\r\n\x1b]8;;http://x\x07link\x1b]8;;\x07\r\npartial\rover")
	p.mu.Lock()
	defer p.mu.Unlock()
	if got, want := p.renderScreen(), p.emu.Render(); got != want {
		t.Fatalf("renderScreen:\n%q\nemulator:\n%q", got, want)
	}
}
