package cli

import "strings"

// prose renders a hint's inline Markdown for the terminal: code spans lose
// their backticks (and are cyan on a terminal). Line breaking is the
// terminal's; the rest of the text is printed as written.
func (a *app) prose(md string) string {
	return codeSpans(md, a.cyan)
}

// codeSpans replaces each Markdown code span with code(its content), as
// CommonMark reads them: a run of n backticks opens a span that the next
// run of exactly n closes; a line end inside is a space; one space on both
// sides of the content is padding. A run that is never closed is text.
func codeSpans(md string, code func(string) string) string {
	var b strings.Builder
	for i := 0; i < len(md); {
		if md[i] != '`' {
			j := strings.IndexByte(md[i:], '`')
			if j < 0 {
				b.WriteString(md[i:])
				break
			}
			b.WriteString(md[i : i+j])
			i += j
			continue
		}
		n := backticks(md[i:])
		end := closingRun(md[i+n:], n)
		if end < 0 {
			b.WriteString(md[i : i+n])
			i += n
			continue
		}
		content := strings.ReplaceAll(md[i+n:i+n+end], "\n", " ")
		if len(content) >= 2 && content[0] == ' ' && content[len(content)-1] == ' ' && strings.Trim(content, " ") != "" {
			content = content[1 : len(content)-1]
		}
		b.WriteString(code(content))
		i += n + end + n
	}
	return b.String()
}

// backticks counts the backticks s starts with.
func backticks(s string) int {
	n := 0
	for n < len(s) && s[n] == '`' {
		n++
	}
	return n
}

// closingRun is the offset in s of the first run of exactly n backticks,
// or -1.
func closingRun(s string, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		m := backticks(s[i:])
		if m == n {
			return i
		}
		i += m
	}
	return -1
}
