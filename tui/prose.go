package tui

import (
	"strconv"

	"charm.land/lipgloss/v2"

	"hardway/locales/textlayout"
)

// proseCache lays out a step's Markdown explanation, as every face does
// (locales/textlayout), once per text and width: a frame need not do it.
type proseCache struct {
	noColor bool
	key     string
	lines   []string
}

// render returns the explanation as lines of at most w columns.
func (c *proseCache) render(md string, w int) []string {
	key := strconv.Itoa(w) + "\x00" + md
	if c.key == key {
		return c.lines
	}
	c.key, c.lines = key, textlayout.Markdown(md, w, proseStyle(c.noColor))
	return c.lines
}

// hint lays out a step's hint (Markdown) as the explanation is.
func (c *proseCache) hint(md string, w int) []string {
	return textlayout.Markdown(md, w, proseStyle(c.noColor))
}

// proseStyle draws code in the colours Glamour gave it, with no padding
// (which parted a Korean particle from its word and doubled the spaces
// of Japanese text); without colour, code is put in brackets.
func proseStyle(noColor bool) textlayout.Style {
	if noColor {
		return textlayout.Style{CodeOpen: "[", CodeClose: "]"}
	}
	s := lipgloss.NewStyle()
	draw := func(st lipgloss.Style) func(string) string {
		return func(t string) string { return st.Render(t) }
	}
	return textlayout.Style{
		Code:   draw(s.Foreground(lipgloss.Color("203")).Background(lipgloss.Color("236"))),
		Strong: draw(s.Bold(true)),
		Emph:   draw(s.Italic(true)),
		Link:   draw(s.Foreground(lipgloss.Color("30")).Underline(true)),
		Mark:   draw(s.Faint(true)),
	}
}
