package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// scrolled is where a scrollable box stands: its offset, and what the last
// frame measured (how far it can go, how many lines it shows), so a key
// scrolls by what the learner sees.
type scrolled struct {
	off, max, visible int
}

func (s *scrolled) by(n int) {
	s.off = clamp(s.off+n, 0, s.max)
}

func (s *scrolled) half() int { return max(s.visible/2, 1) }

// scrollBox draws lines from the box's offset; a mark on its border says
// there is more above (▲ ctrl+u) or below (▼ ctrl+d), and where it stands.
func scrollBox(title string, lines []string, s *scrolled, w, h int, border lipgloss.Style) []string {
	if h < 2 {
		return nil
	}
	s.visible = h - 2
	s.max = max(len(lines)-s.visible, 0)
	s.off = clamp(s.off, 0, s.max)
	out := box(title, lines[s.off:], w, h, border)
	if s.max == 0 {
		return out
	}
	var mark string
	switch {
	case s.off == 0:
		mark = "▼ ctrl+d"
	case s.off == s.max:
		mark = "▲ ctrl+u"
	default:
		mark = "▲▼ ctrl+u/d"
	}
	mark = fmt.Sprintf(" %s %d/%d ", mark, min(s.off+s.visible, len(lines)), len(lines))
	if rule := w - 2 - cellWidth(mark) - 1; rule >= 1 {
		out[len(out)-1] = border.Render("╰"+strings.Repeat("─", rule)) + mark + border.Render("─╯")
	}
	return out
}

// wrapMarked breaks a line longer than w into rows of w, each continuation
// starting with ↪, so a long URL or flag is shown whole, never cut.
func wrapMarked(l string, w int) []string {
	total := cellWidth(l)
	if total <= w || w < 8 {
		return []string{l}
	}
	out := []string{ansi.Cut(l, 0, w)}
	for pos := w; pos < total; pos += w - 2 {
		out = append(out, "↪ "+ansi.Cut(l, pos, pos+w-2))
	}
	return out
}

// textKey scrolls what the learner is reading: help, the expanded command,
// or the explanation and then the command below it.
func (m *Model) textKey(down bool) {
	switch {
	case m.view == "help":
		m.helpScroll.by(sign(down) * m.helpScroll.half())
	case m.view == "evidence":
		m.evidenceScroll.by(sign(down) * m.evidenceScroll.half())
	case m.expand:
		m.cmdScroll.by(sign(down) * m.cmdScroll.half())
	case down && m.proseScroll.off < m.proseScroll.max:
		m.proseScroll.by(m.proseScroll.half())
	case down:
		m.cmdScroll.by(m.cmdScroll.half())
	case m.cmdScroll.off > 0:
		m.cmdScroll.by(-m.cmdScroll.half())
	default:
		m.proseScroll.by(-m.proseScroll.half())
	}
}

func sign(down bool) int {
	if down {
		return 1
	}
	return -1
}
