package textlayout

import (
	"unicode"

	"github.com/rivo/uniseg"
)

// A cluster is one grapheme cluster of a paragraph: what a terminal draws
// in one or two cells.
type cluster struct {
	text  string
	width int
	face  Face
	sgr   string
	span  int  // which code span it belongs to (1, 2, ...), 0 outside code
	space bool // an ASCII space outside code: where Latin and Korean text break
	// canBreak: UAX #14 allows a break after this cluster.
	canBreak bool
}

// clusters splits the spans of a paragraph into grapheme clusters with the
// line breaks UAX #14 allows after each (uniseg's Step), before our own
// rules are applied.
func clusters(spans []Span) []cluster {
	var text []byte
	type mark struct {
		end  int
		face Face
		sgr  string
		span int
	}
	var marks []mark
	codeSpans := 0
	for _, s := range spans {
		id := 0
		if s.Face&Code != 0 {
			codeSpans++
			id = codeSpans
		}
		text = append(text, s.Text...)
		marks = append(marks, mark{len(text), s.Face, s.sgr, id})
	}
	out := make([]cluster, 0, len(text))
	state, offset, m := -1, 0, 0
	for rest := string(text); rest != ""; {
		var c string
		var boundaries int
		c, rest, boundaries, state = uniseg.StepString(rest, state)
		for m < len(marks)-1 && offset >= marks[m].end {
			m++
		}
		out = append(out, cluster{
			text:     c,
			width:    boundaries >> uniseg.ShiftWidth,
			face:     marks[m].face,
			sgr:      marks[m].sgr,
			span:     marks[m].span,
			space:    c == " " && marks[m].span == 0,
			canBreak: boundaries&uniseg.MaskLine != uniseg.LineDontBreak,
		})
		offset += len(c)
	}
	return out
}

// breakBefore reports whether a line may start at cluster k. prev is the
// last cluster before k that is not a space; spaced says spaces lie between.
//
// UAX #14 is tailored three ways. Latin and Korean text breaks only at
// spaces: never inside a word, a flag, a path, a host name or a URL, and
// never inside a Korean word, nor between it and its particle (keep-all);
// a bracket written against a Korean word may start a line, as in
// Korean typesetting. A code span is
// never broken. And a Latin word or a number keeps what Japanese glues to
// it: the particle after a word (`etcd` と), the counter after a number
// (3台, 2 つ). Kinsoku (no line starting with 。、）」ー or a small kana,
// none ending with （「) is UAX #14's own, with small kana as non-starters
// (uniseg resolves CJ to NS: the strict rule).
func breakBefore(cs []cluster, prev, k int, spaced bool) bool {
	p, n := cs[prev], cs[k]
	if p.span != 0 && p.span == n.span {
		return false
	}
	pr, nr := firstRune(p.text), firstRune(n.text)
	// UAX #14 never breaks before a slash (× SY), even after a space or
	// 、: a path or a code span there is a word of its own here.
	startsWord := (spaced || isCJK(pr) && !unicode.In(pr, unicode.Ps, unicode.Pi)) && (n.span != 0 || nr == '/')
	if !cs[k-1].canBreak && !startsWord {
		return false
	}
	if !spaced {
		switch {
		case isHangul(pr) && unicode.Is(unicode.Ps, nr): // 스케줄러|(노드 이름…)와
		case isHangul(pr) || isHangul(nr), !isCJK(pr) && !isCJK(nr):
			return false
		}
	}
	if isLatin(pr) && unicode.Is(unicode.Hiragana, nr) {
		return false
	}
	if unicode.IsDigit(pr) && (isCJKLetter(nr) || isHangul(nr)) {
		return false
	}
	return true
}

// firstRune of a cluster is its base character.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// isCJK: Han, kana, and the CJK and full-width punctuation: text that
// breaks between characters. Not Hangul.
func isCJK(r rune) bool {
	return isCJKLetter(r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK punctuation: 、。「」
		(r >= 0xFF00 && r <= 0xFFEF) || // full-width forms: （）：
		r == 0x30FB // the middle dot ・
}

// isCJKLetter: a character a Japanese counter or word is made of.
func isCJKLetter(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 0x30FC // ー
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

// isLatin: a character of a Latin word, number, flag, path or code span
// that Japanese text may glue a particle to.
func isLatin(r rune) bool {
	return r != 0 && r != ' ' && !isCJK(r) && !isHangul(r)
}
