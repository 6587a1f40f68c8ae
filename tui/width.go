package tui

import "github.com/charmbracelet/x/ansi"

// cellWidth is ansi.StringWidth with a fast path for what most pane lines are:
// ASCII text with colour sequences (CSI ... m). Measuring every line of six
// busy panes with grapheme segmentation was a third of a frame; anything
// else (non-ASCII, OSC hyperlinks, other escapes) takes the full path.
func cellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return ansi.StringWidth(s)
		case c == 0x1b:
			if i+1 >= len(s) || s[i+1] != '[' {
				return ansi.StringWidth(s)
			}
			// A CSI sequence of parameter bytes and one final byte in
			// 0x40..0x7e; intermediates and the rest take the full path.
			j := i + 2
			for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
				j++
			}
			if j >= len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return ansi.StringWidth(s)
			}
			i = j
		case c < 0x20 || c == 0x7f:
			// control characters take no cells
		default:
			n++
		}
	}
	return n
}
