package textlayout_test

import (
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// What the layout replaced, measured with -before for the note.

// glamourRenderer is the TUI's prose box before: Glamour's dark style at
// the box's width, its margins trimmed and wider lines cut with "…".
func glamourRenderer() renderer {
	return renderer{name: "glamour", before: true, clean: func(s string) string {
		return strings.ReplaceAll(ansi.Strip(s), "\u00a0", "") // the code spans' padding
	}, draw: func(t *testing.T, md string, ps []para, w int) [][]string {
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(w))
		if err != nil {
			t.Fatal(err)
		}
		out, err := r.Render(md)
		if err != nil {
			t.Fatal(err)
		}
		var groups [][]string
		var cur []string
		for _, l := range strings.Split(out, "\n") {
			plain := ansi.Strip(l)
			if strings.HasPrefix(plain, "  ") {
				l = ansi.TruncateLeft(l, 2, "")
			}
			l = strings.TrimRight(ansi.Strip(l), " ")
			if ansi.StringWidth(l) > w {
				l = ansi.Truncate(l, w, "…")
			}
			if strings.TrimSpace(l) == "" {
				if cur != nil {
					groups = append(groups, cur)
				}
				cur = nil
				continue
			}
			cur = append(cur, strings.TrimLeft(l, " "))
		}
		if cur != nil {
			groups = append(groups, cur)
		}
		return groups
	}}
}

// terminalRenderer is show before: the text printed as written, each
// source line cut by the terminal at its last column, backticks and all.
func terminalRenderer() renderer {
	return renderer{name: "terminal", before: true, clean: func(s string) string { return strings.Trim(strings.ReplaceAll(s, "`", ""), " ") },
		draw: func(t *testing.T, md string, ps []para, w int) [][]string {
			var groups [][]string
			for _, p := range ps {
				var lines []string
				for _, src := range strings.Split(p.raw, "\n") {
					lines = append(lines, cut(strings.TrimSpace(src), w)...)
				}
				groups = append(groups, lines)
			}
			return groups
		}}
}

// cut breaks s every w columns, as a terminal does.
func cut(s string, w int) []string {
	var out []string
	var cur strings.Builder
	cw := 0
	state := -1
	for s != "" {
		var c string
		var width int
		c, s, width, state = uniseg.FirstGraphemeClusterInString(s, state)
		if cw+width > w {
			out = append(out, cur.String())
			cur.Reset()
			cw = 0
		}
		cur.WriteString(c)
		cw += width
	}
	return append(out, cur.String())
}
