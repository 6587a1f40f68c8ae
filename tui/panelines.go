package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"hardway/term"
)

// A pane's terminal keeps its own size, the widest a pane can be on this
// screen (its zoomed size), and its columns never shrink: x/vt cuts lines
// for good when a terminal narrows, which is how panes used to lose text.
// A smaller box shows the same lines wrapped (each continuation marked ↪),
// so a line is never cut and never mixed with another, and zooming shows
// the whole history as it was printed. The host's PTY is resized only when
// the terminal's size changes: when the screen grows, not when a pane is
// zoomed or the layout changes.

// maxTermCols bounds the terminal's width (history costs per column).
const maxTermCols = 400

// maxTermRows bounds its height likewise.
const maxTermRows = 200

// termSize is the size every pane's terminal has on a w x h screen: the
// largest it has been, as x/vt also drops rows when a terminal gets lower.
func (m *Model) termSize(w, bodyH int) (cols, rows int) {
	return min(max(m.termCols, w-2), maxTermCols), min(max(m.termRows, bodyH-2, 3), maxTermRows)
}

// tailRows is what a box of cols x rows shows of a pane scrolled back by
// off rows: the last lines of its history and screen, wrapped to cols,
// without the screen's blank rows below the output. It also returns how
// far back the pane can be scrolled from what it read.
func tailRows(p *term.Pane, cols, rows, off int) ([]string, int) {
	need := rows + off
	var out []string
	prepend := func(l string) {
		out = append(wrapMarked(trimRight(l), cols), out...)
	}
	screen := strings.Split(p.View(0), "\n")
	for len(screen) > 0 && strings.TrimSpace(ansi.Strip(screen[len(screen)-1])) == "" {
		screen = screen[:len(screen)-1]
	}
	for i := len(screen) - 1; i >= 0; i-- {
		prepend(screen[i])
	}
	if len(out) < need {
		sb := p.ScrollbackLen()
		_, h := p.Size()
		for b := sb; b > 0 && len(out) < need; {
			a := max(b-h, 0)
			// View(sb-a) starts at history line a.
			chunk := strings.Split(p.View(sb-a), "\n")
			chunk = chunk[:min(b-a, len(chunk))]
			for i := len(chunk) - 1; i >= 0; i-- {
				prepend(chunk[i])
			}
			b = a
		}
	}
	maxOff := max(len(out)-rows, 0)
	off = min(off, maxOff)
	end := len(out) - off
	return out[max(end-rows, 0):end], maxOff
}

// trimRight drops a rendered line's padding, keeping its styles.
func trimRight(l string) string {
	w := ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " "))
	if w == ansi.StringWidth(l) {
		return l
	}
	return ansi.Truncate(l, w, "")
}

// paneHistory is everything a pane holds, history then screen, as plain
// text: what a learner can scroll through.
func paneHistory(p *term.Pane) string {
	rows, _ := tailRows(p, maxTermCols, 1<<30, 0)
	return ansi.Strip(strings.Join(rows, "\n"))
}
