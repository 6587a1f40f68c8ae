package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWidthMatchesStringWidth(t *testing.T) {
	for _, s := range []string{
		"", "plain", "\x1b[32mGet:1\x1b[0m http://deb", "\x1b[38;2;1;2;3mx\x1b[m",
		"한국어 text", "日本語", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "tab\there",
		"\x1b[", "\x1b[31", "\x1bM", "e\u0301", "\x7f", "a\x1b[?25lb",
	} {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	}
}

func FuzzWidth(f *testing.F) {
	f.Add("\x1b[1;32mok\x1b[0m")
	f.Add("한국어\x1b[0m")
	f.Add("\x1b[38:5:1mx")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Fatalf("cellWidth(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	})
}
