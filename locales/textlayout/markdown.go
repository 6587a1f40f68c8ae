package textlayout

import (
	"strings"
)

// Markdown lays out prose written in Markdown: paragraphs, headings (in
// the Strong face), bullet and numbered lists (with a hanging indent),
// quotes, tables (as written) and fenced code blocks (Fold). Blocks are
// separated by a blank line, the items of a list are not.
func Markdown(md string, width int, st Style) []string {
	var out []string
	for i, b := range blocks(md) {
		if i > 0 && !b.tight {
			out = append(out, "")
		}
		out = append(out, b.render(width, st)...)
	}
	return out
}

// A block is a paragraph of text (first and rest prefix its lines: a list
// marker, a quote bar), a code block or a table.
type block struct {
	text        string
	face        Face
	first, rest string
	code, table bool
	quote       bool // text is the Markdown inside a quote
	tight       bool // an item right after another: no blank line before it
}

func (b block) render(width int, st Style) []string {
	switch {
	case b.code:
		return Fold(b.text, width, st)
	case b.table:
		return Fold(b.text, width, Style{Mark: st.Mark})
	case b.quote:
		var out []string
		for _, l := range Markdown(b.text, width-2, st) {
			out = append(out, strings.TrimRight("│ "+l, " "))
		}
		return out
	}
	spans := Inline(b.text)
	if b.face != 0 {
		for i := range spans {
			spans[i].Face |= b.face
		}
	}
	lines := Spans(spans, width-len(b.rest), st)
	for i := range lines {
		prefix := b.rest
		if i == 0 {
			prefix = b.first
		}
		lines[i] = prefix + lines[i]
	}
	return lines
}

// blocks splits Markdown into its blocks.
func blocks(md string) []block {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var out []block
	var para []string
	cur := block{}
	blank := true // a blank line came before the line read
	end := func() {
		if len(para) > 0 {
			cur.text = strings.Join(para, "\n")
			out = append(out, cur)
		}
		para, cur = nil, block{}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		item, itemOK := listItem(l)
		switch {
		case t == "":
			end()
			blank = true
			continue
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			end()
			fence := t[:3]
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), fence); i++ {
				code = append(code, lines[i])
			}
			out = append(out, block{text: strings.Join(code, "\n"), code: true})
		case heading(t) != "":
			end()
			out = append(out, block{text: heading(t), face: Strong})
		case strings.HasPrefix(t, ">"):
			end()
			var q []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), ">"); i++ {
				q = append(q, strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(lines[i]), ">"), " "))
			}
			i--
			out = append(out, block{text: strings.Join(q, "\n"), quote: true})
		case strings.HasPrefix(t, "|"):
			end()
			var rows []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				rows = append(rows, lines[i])
			}
			i--
			out = append(out, block{text: strings.Join(rows, "\n"), table: true})
		case itemOK && (len(para) == 0 || cur.first != "" || item.interrupts):
			wasItem := cur.first != ""
			end()
			cur = block{first: item.marker, rest: strings.Repeat(" ", len(item.marker)), tight: wasItem && !blank}
			para = []string{item.text}
		default:
			para = append(para, t)
		}
		blank = false
	}
	end()
	return out
}

// heading is the text of an ATX heading line, or "".
func heading(t string) string {
	n := runOf(t, '#')
	if n == 0 || n > 6 || (len(t) > n && t[n] != ' ') {
		return ""
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[n:]), "#"))
}

type item struct {
	marker, text string
	interrupts   bool // may start while a paragraph goes on (CommonMark: bullets, and numbers from 1)
}

// listItem reads "- text", "* text", "+ text", "3. text" or "3) text",
// indented or not. The marker keeps the indentation; a bullet becomes "-".
func listItem(l string) (item, bool) {
	indent := len(l) - len(strings.TrimLeft(l, " "))
	t := l[indent:]
	pad := strings.Repeat(" ", indent)
	if len(t) >= 2 && strings.ContainsRune("-*+", rune(t[0])) && t[1] == ' ' && strings.TrimSpace(t) != string(t[0]) {
		if strings.Trim(t, "-* ") == "" {
			return item{}, false // a thematic break
		}
		return item{marker: pad + "- ", text: strings.TrimSpace(t[2:]), interrupts: true}, true
	}
	n := 0
	for n < len(t) && n < 9 && t[n] >= '0' && t[n] <= '9' {
		n++
	}
	if n == 0 || n+1 >= len(t) || (t[n] != '.' && t[n] != ')') || t[n+1] != ' ' {
		return item{}, false
	}
	return item{marker: pad + t[:n+2], text: strings.TrimSpace(t[n+2:]), interrupts: t[:n] == "1"}, true
}
