// Package textlayout lays text out in lines of a terminal's width, one way
// for every face (the TUI's boxes, the command line) and every language:
// Unicode line breaking (UAX #14, from github.com/rivo/uniseg) with East
// Asian widths, tailored for Japanese (kinsoku, particles and counters kept
// with their word or number) and Korean (words break only at spaces), and
// never a break inside a code span, a flag, a path, a host name or a URL
// unless it is longer than the line.
package textlayout

import (
	"strings"

	"github.com/rivo/uniseg"
)

// Face is how a span of text is drawn; faces combine.
type Face uint8

const (
	Code Face = 1 << iota
	Strong
	Emph
	Link
)

// Span is a run of text in one face.
type Span struct {
	Text string
	Face Face
	sgr  string // colours the text came with (WrapANSI), drawn as they were
}

// Continue ends a line that had to cut a code span, a flag, a path or a URL
// longer than the line: the text goes on at the start of the next one.
const Continue = "↩"

// Style is how a face draws its faces. Functions get the text of one line
// (a long code span is drawn piece by piece, so every line is complete in
// itself); nil draws the text as it is. Only CodeOpen and CodeClose take
// room: they mark code where there is no colour to do it.
type Style struct {
	Code, Strong, Emph, Link func(string) string
	Mark                     func(string) string // draws Continue
	CodeOpen, CodeClose      string
}

// Wrap lays out plain text: each of its lines is a paragraph of its own,
// no Markdown is read, and nothing is drawn in a face.
func Wrap(text string, width int) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		out = append(out, Spans([]Span{{Text: l}}, width, Style{})...)
	}
	return out
}

// Spans lays out one paragraph. Runs of white space outside code become
// one space; a line never begins or ends with one. A width under 1 is 1.
func Spans(spans []Span, width int, st Style) []string {
	width = max(width, 1)
	cs := clusters(st.decorate(normalize(spans)))
	if len(cs) == 0 {
		return []string{""}
	}
	var out []string
	for _, l := range fill(cs, width, uniseg.StringWidth(Continue)) {
		out = append(out, st.draw(l))
	}
	return out
}

// Fold lays out the lines of a code block, unchanged where they fit; a
// longer line is cut at a space, /, -, = or , (else anywhere) and each cut
// is marked with Continue. Tabs become spaces (stops every 8 columns).
func Fold(block string, width int, st Style) []string {
	width = max(width, 1)
	markW := uniseg.StringWidth(Continue)
	var out []string
	for _, l := range strings.Split(block, "\n") {
		cs := clusters([]Span{{Text: expandTabs(l), Face: Code}})
		if len(cs) == 0 {
			out = append(out, "")
			continue
		}
		for _, p := range split(cs, width, width, markW) {
			out = append(out, st.draw(p))
		}
	}
	return out
}

// normalize makes each run of white space outside code one space, and a
// line end inside code a space, and drops the spaces the paragraph starts
// and ends with.
func normalize(spans []Span) []Span {
	var out []Span
	lastSpace := true // nothing yet: a leading space is dropped
	for _, s := range spans {
		if s.Face&Code != 0 {
			t := strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(s.Text)
			if t != "" {
				s.Text = t
				out = append(out, s)
				lastSpace = false
			}
			continue
		}
		var b strings.Builder
		for _, r := range s.Text {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				if !lastSpace {
					b.WriteByte(' ')
				}
				lastSpace = true
				continue
			}
			b.WriteRune(r)
			lastSpace = false
		}
		if b.Len() > 0 {
			s.Text = b.String()
			out = append(out, s)
		}
	}
	if n := len(out); n > 0 && out[n-1].Face&Code == 0 {
		out[n-1].Text = strings.TrimRight(out[n-1].Text, " ")
	}
	return out
}

// decorate puts CodeOpen and CodeClose around each code span.
func (st Style) decorate(spans []Span) []Span {
	if st.CodeOpen == "" && st.CodeClose == "" {
		return spans
	}
	out := make([]Span, len(spans))
	for i, s := range spans {
		if s.Face&Code != 0 {
			s.Text = st.CodeOpen + s.Text + st.CodeClose
		}
		out[i] = s
	}
	return out
}

// draw renders a laid-out line: each run of one face through its style.
func (st Style) draw(l line) string {
	var b strings.Builder
	for i := 0; i < len(l.cs); {
		j := i
		var run strings.Builder
		for j < len(l.cs) && l.cs[j].face == l.cs[i].face && l.cs[j].sgr == l.cs[i].sgr {
			run.WriteString(l.cs[j].text)
			j++
		}
		if sgr := l.cs[i].sgr; sgr != "" {
			b.WriteString(sgr + st.face(l.cs[i].face, run.String()) + reset)
		} else {
			b.WriteString(st.face(l.cs[i].face, run.String()))
		}
		i = j
	}
	if l.cont {
		b.WriteString(apply(st.Mark, Continue))
	}
	return b.String()
}

func (st Style) face(f Face, s string) string {
	if f&Code != 0 {
		s = apply(st.Code, s)
	}
	if f&Link != 0 {
		s = apply(st.Link, s)
	}
	if f&Emph != 0 {
		s = apply(st.Emph, s)
	}
	if f&Strong != 0 {
		s = apply(st.Strong, s)
	}
	return s
}

func apply(f func(string) string, s string) string {
	if f == nil || s == "" {
		return s
	}
	return f(s)
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col += uniseg.StringWidth(string(r))
	}
	return b.String()
}
