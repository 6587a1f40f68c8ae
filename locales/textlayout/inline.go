package textlayout

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inline reads the inline Markdown of a paragraph, as CommonMark does for
// what prose uses: code spans, emphasis with * and _, links and autolinks,
// backslash escapes. A link shows its text, then its address in brackets.
// Anything else is text.
func Inline(md string) []Span { return inline(md, 0) }

func inline(md string, face Face) []Span {
	var out []Span
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			out = append(out, Span{Text: text.String(), Face: face})
			text.Reset()
		}
	}
	for i := 0; i < len(md); {
		switch c := md[i]; {
		case c == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]):
			text.WriteByte(md[i+1])
			i += 2
			continue
		case c == '`':
			n := backticks(md[i:])
			end := closingRun(md[i+n:], n)
			if end < 0 {
				text.WriteString(md[i : i+n])
				i += n
				continue
			}
			flush()
			out = append(out, Span{Text: codeContent(md[i+n : i+n+end]), Face: face | Code})
			i += n + end + n
			continue
		case c == '*' || c == '_':
			if inner, f, next, ok := emphasis(md, i); ok {
				flush()
				out = append(out, inline(inner, face|f)...)
				i = next
				continue
			}
			n := runOf(md[i:], c)
			text.WriteString(md[i : i+n])
			i += n
			continue
		case c == '[':
			if label, url, next, ok := link(md, i); ok {
				flush()
				out = append(out, inline(label, face|Link)...)
				if url != label {
					out = append(out, Span{Text: " (", Face: face}, Span{Text: url, Face: face | Link}, Span{Text: ")", Face: face})
				}
				i = next
				continue
			}
		case c == '<':
			if end := strings.IndexByte(md[i:], '>'); end > 0 {
				if u := md[i+1 : i+end]; strings.Contains(u, "://") && !strings.ContainsAny(u, " <") {
					flush()
					out = append(out, Span{Text: u, Face: face | Link})
					i += end + 1
					continue
				}
			}
		}
		text.WriteByte(md[i])
		i++
	}
	flush()
	return out
}

// codeContent: a line end inside a code span is a space, and one space on
// both sides of the content is padding (unless it is all spaces).
func codeContent(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) >= 2 && s[0] == ' ' && s[len(s)-1] == ' ' && strings.Trim(s, " ") != "" {
		s = s[1 : len(s)-1]
	}
	return s
}

// emphasis reads *text*, **text** (and with _) at md[i]: the opening run
// must be followed by text, the closing run preceded by it; an underscore
// inside a word (etcd_name) is not emphasis. It returns the text inside,
// its face and where the text after it starts.
func emphasis(md string, i int) (inner string, f Face, next int, ok bool) {
	c := md[i]
	n := runOf(md[i:], c)
	d, f := 1, Emph
	if n >= 2 {
		d, f = 2, Strong
	}
	after, _ := utf8.DecodeRuneInString(md[i+n:])
	before, _ := utf8.DecodeLastRuneInString(md[:i])
	if i+n >= len(md) || unicode.IsSpace(after) || c == '_' && i > 0 && isWordRune(before) {
		return "", 0, 0, false
	}
	for j := i + d; j < len(md); {
		switch md[j] {
		case '`':
			m := backticks(md[j:])
			if end := closingRun(md[j+m:], m); end >= 0 {
				j += m + end + m
				continue
			}
			j += m
			continue
		case '\\':
			j += 2
			continue
		case c:
			m := runOf(md[j:], c)
			prev, _ := utf8.DecodeLastRuneInString(md[:j])
			follow, _ := utf8.DecodeRuneInString(md[j+m:])
			closes := m >= d && j > i+d && !unicode.IsSpace(prev) && !(c == '_' && j+m < len(md) && isWordRune(follow))
			if closes {
				return md[i+d : j], f, j + d, true
			}
			j += m
			continue
		}
		j++
	}
	return "", 0, 0, false
}

// link reads [label](url) at md[i].
func link(md string, i int) (label, url string, next int, ok bool) {
	depth := 0
	for j := i; j < len(md); j++ {
		switch md[j] {
		case '\\':
			j++
		case '`':
			m := backticks(md[j:])
			if end := closingRun(md[j+m:], m); end >= 0 {
				j += m + end + m - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			if j+1 >= len(md) || md[j+1] != '(' {
				return "", "", 0, false
			}
			end := strings.IndexByte(md[j+2:], ')')
			if end < 0 {
				return "", "", 0, false
			}
			url = strings.TrimSpace(md[j+2 : j+2+end])
			if t, _, found := strings.Cut(url, " "); found {
				url = t // a title follows
			}
			return md[i+1 : j], strings.Trim(url, "<>"), j + 2 + end + 1, true
		}
	}
	return "", "", 0, false
}

// backticks counts the backticks s starts with.
func backticks(s string) int { return runOf(s, '`') }

func runOf(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
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

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
