package cli

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"

	"hardway/locales/textlayout"
)

// The command line lays its text out as the TUI does (locales/textlayout),
// at the terminal's width: prose and hints from Markdown, UI strings and
// reasons as plain text, commands folded with each cut marked.

// width is how many columns text is laid out in: --width, else the
// terminal's (else $COLUMNS, else 80). Output to a pipe or a file is laid
// out only when $COLUMNS asks for it; otherwise it has one paragraph a line
// (0: no limit), as scripts and pagers expect.
func (a *app) width() int {
	if a.widthFlag > 0 {
		return a.widthFlag
	}
	cols := 0
	if a.env.Getenv != nil {
		cols, _ = strconv.Atoi(a.env.Getenv("COLUMNS"))
	}
	if f, ok := a.env.Stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if c, _, err := term.GetSize(int(f.Fd())); err == nil && c > 0 {
			return c
		}
		if cols > 0 {
			return cols
		}
		return 80
	}
	return max(cols, 0)
}

// textWidth is width for the layout: no limit is a very long line.
func (a *app) textWidth() int {
	if w := a.width(); w > 0 {
		return w
	}
	return 1 << 20
}

// textStyle shows code in cyan on a terminal; where colour is turned off
// (NO_COLOR, TERM=dumb) code is put in brackets so that it still stands
// out, and a pipe gets the text alone.
func (a *app) textStyle() textlayout.Style {
	switch {
	case a.env.Color:
		return textlayout.Style{Code: a.cyan, Strong: a.bold, Link: a.cyan, Mark: a.dim}
	case a.env.Getenv != nil && (a.env.Getenv("NO_COLOR") != "" || a.env.Getenv("TERM") == "dumb"):
		return textlayout.Style{CodeOpen: "[", CodeClose: "]"}
	}
	return textlayout.Style{}
}

// prose lays out Markdown: a step's explanation, a hint.
func (a *app) prose(md string) string {
	return strings.Join(textlayout.Markdown(md, a.textWidth(), a.textStyle()), "\n")
}

// para lays out a UI string: plain text, no Markdown.
func (a *app) para(s string) string {
	return strings.Join(textlayout.Wrap(s, a.textWidth()), "\n")
}

// labelled lays out "Label value" with the label in bold; a value that
// does not fit after its label goes under it, indented.
func (a *app) labelled(label, value string) string {
	spans := []textlayout.Span{{Text: label, Face: textlayout.Strong}, {Text: " " + value}}
	if lines := textlayout.Spans(spans, a.textWidth(), a.textStyle()); len(lines) == 1 {
		return lines[0]
	}
	return a.bold(label) + "\n" + a.hanging("  ", "  ", value)
}

// hanging lays out plain text after first on its first line and after rest
// on the others (a host's prefix, an item's mark); they may be styled.
func (a *app) hanging(first, rest, text string) string {
	w := a.textWidth() - max(ansi.StringWidth(first), ansi.StringWidth(rest))
	lines := textlayout.Wrap(text, max(w, 20))
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// code prints a command as it runs, so that it can be copied; only a width
// asked for with --width folds it, each cut marked.
func (a *app) code(block string) string {
	if a.widthFlag <= 0 {
		return a.cyan(block)
	}
	st := textlayout.Style{}
	if a.env.Color {
		st = textlayout.Style{Code: a.cyan, Mark: a.dim}
	}
	return strings.Join(textlayout.Fold(block, a.widthFlag, st), "\n")
}
