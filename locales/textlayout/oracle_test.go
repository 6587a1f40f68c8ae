package textlayout_test

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The typography test judges the layout against a reading of the same
// Markdown by another parser (goldmark, which Glamour uses): what a reader
// should see of each paragraph, and where its code spans are.

// para is one paragraph of a document.
type para struct {
	raw  string // its Markdown, as written
	text []rune // what a reader sees, white space collapsed
	code []int  // per rune: the code span it is in (1, 2, ...), 0 outside
}

// paragraphs reads the paragraphs and headings of md, in order; a code
// span shows as open + content + close. other counts the blocks that are
// neither (lists, quotes, code blocks), which the test does not align.
func paragraphs(md, open, close string) (out []para, other int) {
	src := []byte(md)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.Kind() {
		case ast.KindParagraph, ast.KindHeading:
			var raw []string
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw = append(raw, strings.TrimRight(string(seg.Value(src)), "\n"))
			}
			p := &para{raw: strings.Join(raw, "\n")}
			spans := 0
			p.inline(n, src, open, close, &spans)
			p.collapse()
			out = append(out, *p)
		default:
			other++
		}
	}
	return out, other
}

func (p *para) add(s string, code int) {
	for _, r := range s {
		p.text = append(p.text, r)
		p.code = append(p.code, code)
	}
}

func (p *para) inline(n ast.Node, src []byte, open, close string, spans *int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			p.add(string(util.UnescapePunctuations(c.Segment.Value(src))), 0)
			if c.SoftLineBreak() || c.HardLineBreak() {
				p.add(" ", 0)
			}
		case *ast.String:
			p.add(string(c.Value), 0)
		case *ast.CodeSpan:
			*spans++
			var b strings.Builder
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			p.add(open+strings.ReplaceAll(b.String(), "\n", " ")+close, *spans)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				p.add(string(seg.Value(src)), 0)
			}
		case *ast.AutoLink:
			p.add(string(c.URL(src)), 0)
		default:
			p.inline(c, src, open, close, spans)
		}
	}
}

// collapse makes each run of white space outside code one space and drops
// the spaces at both ends, as a reader sees them.
func (p *para) collapse() {
	var text []rune
	var code []int
	for i, r := range p.text {
		if p.code[i] == 0 && (r == ' ' || r == '\n' || r == '\t') {
			if len(text) == 0 || (text[len(text)-1] == ' ' && code[len(code)-1] == 0) {
				continue
			}
			r = ' '
		}
		text = append(text, r)
		code = append(code, p.code[i])
	}
	for len(text) > 0 && text[len(text)-1] == ' ' && code[len(code)-1] == 0 {
		text, code = text[:len(text)-1], code[:len(code)-1]
	}
	p.text, p.code = text, code
}
