package steps

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unwrapCJK joins the hard-wrapped lines of Markdown paragraphs where the
// break falls between two Chinese or Japanese characters. Markdown turns a
// line break inside a paragraph into a space, which separates English words
// but is a stray gap in Japanese ("インスタンス ごとに"). Korean separates
// words with spaces, so a break next to Hangul keeps its space. Code blocks,
// list items, headings, quotes and tables are left as they are.
func unwrapCJK(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	fence := ""
	for _, l := range lines {
		trimmed := strings.TrimSpace(l)
		if fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) {
			fence = trimmed[:3]
			out = append(out, l)
			continue
		}
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			out = append(out, l)
			continue
		}
		if n := len(out); n > 0 && joinable(out[n-1], l) {
			out[n-1] = strings.TrimRight(out[n-1], " \t") + strings.TrimLeft(l, " \t")
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// joinable: prev and next are lines of one paragraph, and the break sits
// between two CJK characters.
func joinable(prev, next string) bool {
	p := strings.TrimRight(prev, " \t")
	n := strings.TrimLeft(next, " \t")
	if p == "" || n == "" || strings.HasSuffix(prev, "  ") || startsBlock(n) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	first, _ := utf8.DecodeRuneInString(n)
	return isCJK(last) && isCJK(first)
}

// startsBlock: the line begins a Markdown block of its own.
func startsBlock(l string) bool {
	switch {
	case strings.HasPrefix(l, "#"), strings.HasPrefix(l, ">"), strings.HasPrefix(l, "|"),
		strings.HasPrefix(l, "- "), strings.HasPrefix(l, "* "), strings.HasPrefix(l, "+ "),
		strings.HasPrefix(l, "```"), strings.HasPrefix(l, "~~~"):
		return true
	}
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' '
}

// isCJK: Han, kana, and the CJK and full-width punctuation; not Hangul.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK punctuation: 、。「」
		(r >= 0xFF00 && r <= 0xFF60) || // full-width forms: （）：
		r == 0x30FC // the long vowel mark ー
}
