package tui

import (
	"strconv"
	"strings"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

// proseCache renders a step's Markdown explanation with Glamour, once per
// text and width (rendering is far slower than a frame).
type proseCache struct {
	noColor bool
	key     string
	lines   []string
}

// render returns the explanation as lines of at most w columns. Glamour's
// margins are trimmed; if it fails, the text is wrapped plainly.
func (c *proseCache) render(md string, w int) []string {
	key := strconv.Itoa(w) + "\x00" + md
	if c.key == key {
		return c.lines
	}
	style := "dark"
	if c.noColor {
		style = "notty"
	}
	lines := wrapText(md, w)
	if r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(w)); err == nil {
		if out, err := r.Render(md); err == nil {
			lines = trimBlock(out, w)
		}
	}
	c.key, c.lines = key, lines
	return lines
}

// trimBlock drops Glamour's blank first and last lines, its two-column left
// margin and the padding it adds on the right.
func trimBlock(s string, w int) []string {
	raw := strings.Split(s, "\n")
	var out []string
	for _, l := range raw {
		plain := ansi.Strip(l)
		if strings.HasPrefix(plain, "  ") {
			l = ansi.TruncateLeft(l, 2, "")
		}
		l = strings.TrimRight(l, " ")
		if ansi.StringWidth(l) > w {
			l = ansi.Truncate(l, w, "…")
		}
		out = append(out, l)
	}
	for len(out) > 0 && strings.TrimSpace(ansi.Strip(out[0])) == "" {
		out = out[1:]
	}
	for len(out) > 0 && strings.TrimSpace(ansi.Strip(out[len(out)-1])) == "" {
		out = out[:len(out)-1]
	}
	return out
}
