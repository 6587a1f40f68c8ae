package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"hardway/term"
)

// A pane's terminal never narrows or gets lower: x/vt cuts lines for good
// when a terminal narrows (and drops rows when it gets lower), which is how
// panes used to lose and mix text. It grows to the largest box the pane
// has been drawn in (up to maxTermCols x maxTermRows); a smaller box shows
// the same lines wrapped, each continuation marked ↪, so a line is never
// cut or mixed with another and zooming shows the history whole, as it was
// printed (not reflowed: a terminal's own wrapping stays). The host's PTY
// is resized only when the terminal grows. Keeping each terminal at its
// own box's size, rather than the whole screen's, keeps six busy panes
// cheap to emulate and draw.

const maxTermCols, maxTermRows = 400, 200

// growTo is the pane's terminal size for a box of cols x rows.
func growTo(p *term.Pane, cols, rows int) (int, int) {
	c, r := p.Size()
	return min(max(c, cols), maxTermCols), min(max(r, rows), maxTermRows)
}

// tailRows is what a box of cols x rows shows of a pane scrolled back by
// off rows: the last lines of its history and screen, wrapped to cols,
// without the screen's blank rows below the output. It also returns how
// far back the pane can be scrolled from what it read.
func tailRows(p *term.Pane, cols, rows, off int) ([]string, int) {
	need := rows + off
	var out []string
	prepend := func(l string) {
		out = append(wrapMarked(strings.TrimRight(l, " "), cols), out...)
	}
	// From the bottom up, and only as far as the box needs.
	screen := strings.Split(p.View(0), "\n")
	for len(screen) > 0 && strings.TrimSpace(ansi.Strip(screen[len(screen)-1])) == "" {
		screen = screen[:len(screen)-1]
	}
	for i := len(screen) - 1; i >= 0 && len(out) < need; i-- {
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
			for i := len(chunk) - 1; i >= 0 && len(out) < need; i-- {
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

// paneHistory is everything a pane holds, history then screen, as plain
// text: what a learner can scroll through.
func paneHistory(p *term.Pane) string {
	rows, _ := tailRows(p, maxTermCols, 1<<30, 0)
	return ansi.Strip(strings.Join(rows, "\n"))
}
