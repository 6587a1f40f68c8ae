package term

import (
	"strings"

	uv "github.com/charmbracelet/ultraviolet"
)

// historyLine renders a line that scrolled off, as uv.Line.Render does.
// Most output lines carry no colour or link; for those the rendering is
// just the cells' text, which this builds without comparing every cell's
// style to the previous one (the bulk of a busy pane's emulation time).
func historyLine(l uv.Line) string {
	n := 0
	for i := range l {
		if l[i].Style != (uv.Style{}) || l[i].Link != (uv.Link{}) {
			return l.Render()
		}
		n += len(l[i].Content)
	}
	var b strings.Builder
	b.Grow(n)
	for i := range l {
		b.WriteString(l[i].Content) // a wide character's second cell is empty
	}
	return b.String()
}
