package textlayout_test

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"

	"hardway/locales/textlayout"
)

// counts is what the native review counted, for one set of paragraphs.
type counts struct {
	lines   int
	wrapped int // lines that are not the end of a paragraph
	short   int // of those, lines ending 12 or more columns short
	// The faults: each must be zero.
	over      int // lines wider than the width
	forbidden int // a line starting with 。、）」ー, a small kana or a cut particle, or ending with （「
	wordCut   int // a Latin or Korean word cut without a space
	codeCut   int // a code span cut (unmarked, or marked though it fits a line)
	counter   int // a number split from its counter (3 / 台)
	codeAlone int // a code span alone on a line, in a paragraph with more, though it takes half the line or less
	// misaligned: paragraphs whose lines are not the text in order; the
	// layout lost or changed text.
	misaligned int
	examples   []string
}

func (c *counts) addAll(o counts) {
	c.lines += o.lines
	c.wrapped += o.wrapped
	c.short += o.short
	c.over += o.over
	c.forbidden += o.forbidden
	c.wordCut += o.wordCut
	c.codeCut += o.codeCut
	c.counter += o.counter
	c.codeAlone += o.codeAlone
	c.misaligned += o.misaligned
	for _, e := range o.examples {
		c.example("%s", e)
	}
}

func (c *counts) faults() int {
	return c.over + c.forbidden + c.wordCut + c.codeCut + c.counter + c.codeAlone + c.misaligned
}

func (c *counts) shortPct() float64 {
	if c.wrapped == 0 {
		return 0
	}
	return 100 * float64(c.short) / float64(c.wrapped)
}

func (c *counts) example(format string, args ...any) {
	if len(c.examples) < 8 {
		c.examples = append(c.examples, fmt.Sprintf(format, args...))
	}
}

const (
	noStart = "、。，．・：；？！゛゜ー）〕］｝〉》」』】〙〗ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ.,;:!?)]}"
	noEnd   = "（〔［｛〈《「『【〘〖([{"
	shortBy = 12
)

var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

// measure aligns the lines a renderer drew for paragraph p with its text
// and counts what is wrong with each line and each break. clean turns a
// drawn line back into text (it removes what the renderer adds, such as
// colours).
func measure(lines []string, p para, w int, clean func(string) string) counts {
	var c counts
	pos := 0
	for i, raw := range lines {
		l := clean(raw)
		c.lines++
		lw := uniseg.StringWidth(l)
		if lw > w {
			c.over++
			c.example("over %d: %q", w, l)
		}
		cont := strings.HasSuffix(l, textlayout.Continue)
		l = strings.TrimSuffix(l, textlayout.Continue)
		rs := []rune(l)
		if pos+len(rs) > len(p.text) || string(p.text[pos:pos+len(rs)]) != l {
			c.misaligned++
			c.example("misaligned at %q: %q", l, string(p.text))
			return c
		}
		start, end := pos, pos+len(rs)
		pos = end
		if span := p.code[start]; span != 0 && len(rs) > 0 && spanStart(p, start) && spanEnd(p, end-1) && allCode(p, start, end, span) && len(p.text) > len(rs) && 2*lw <= w {
			c.codeAlone++
			c.example("code alone: %q in %q", l, string(p.text))
		}
		last := i == len(lines)-1
		if last {
			if pos != len(p.text) {
				c.misaligned++
				c.example("text lost after %q: %q", l, string(p.text[pos:]))
			}
			break
		}
		c.wrapped++
		if lw <= w-shortBy {
			c.short++
		}
		if len(rs) == 0 {
			continue
		}
		spaced := pos < len(p.text) && p.text[pos] == ' ' && (p.code[pos] == 0 || p.code[pos] == p.code[end-1])
		next := pos
		if spaced {
			next++
		}
		pos = next
		if next >= len(p.text) {
			continue
		}
		c.judgeBreak(p, end-1, next, spaced, cont, w)
	}
	return c
}

// judgeBreak looks at one line break: text[li] ends a line, text[ri]
// starts the next, spaced says a space was between.
func (c *counts) judgeBreak(p para, li, ri int, spaced, cont bool, w int) {
	left, right := p.text[li], p.text[ri]
	ctx := string(p.text[max(0, li-12):li+1]) + "|" + string(p.text[ri:min(len(p.text), ri+12)])
	needed := cont && tokenWidth(p, li) > w
	inCode := p.code[li] != 0 && p.code[li] == p.code[ri]
	switch {
	case needed && inCode:
		// A path cut at its / may go on with a dot (~/.ssh).
	case strings.ContainsRune(noStart, right) && (right > 0x7f || p.code[ri] == 0):
		// A code span may start with a dot or a colon (.pem, :53).
		c.forbidden++
		c.example("starts with %q: %s", right, ctx)
	case strings.ContainsRune(noEnd, left):
		c.forbidden++
		c.example("ends with %q: %s", left, ctx)
	case latin(left) && unicode.Is(unicode.Hiragana, right):
		c.forbidden++
		c.example("particle cut from its word: %s", ctx)
	case !spaced && isHangul(right) && !cjk(left):
		c.forbidden++
		c.example("Korean particle or syllable cut from its word: %s", ctx)
	}
	if unicode.IsDigit(left) && (cjkLetter(right) || isHangul(right)) {
		c.counter++
		c.example("number split from its counter: %s", ctx)
	}
	switch {
	case inCode && !needed:
		c.codeCut++
		c.example("code span cut (marked %v): %s", cont, ctx)
	case !inCode && cont && !needed:
		c.wordCut++
		c.example("marked cut where none was needed: %s", ctx)
	case !inCode && !spaced && !needed && !cjk(left) && !cjk(right) && !(isHangul(left) && unicode.Is(unicode.Ps, right)):
		c.wordCut++
		c.example("word cut: %s", ctx)
	}
}

// tokenWidth is the width of what cannot break around text[i]: its code
// span or its word, with what is glued to it: Latin, Korean and brackets
// written against it, a closing mark, a Japanese particle (after a space
// too), which must then go on the same line.
func tokenWidth(p para, i int) int {
	glued := func(j int) bool {
		if j < 0 || j >= len(p.text) || p.text[j] == ' ' && p.code[j] == 0 {
			return false
		}
		r := p.text[j]
		return p.code[j] != 0 || latin(r) || isHangul(r) || strings.ContainsRune(noStart+noEnd, r) || unicode.Is(unicode.Hiragana, r) && j > i
	}
	a, b := i, i
	if p.code[i] != 0 {
		for a > 0 && p.code[a-1] == p.code[i] {
			a--
		}
		for b+1 < len(p.text) && p.code[b+1] == p.code[i] {
			b++
		}
	}
	for glued(a - 1) {
		a--
	}
	for glued(b + 1) {
		b++
	}
	// A particle after a space, and the marks after it.
	if b+2 < len(p.text) && p.text[b+1] == ' ' && unicode.Is(unicode.Hiragana, p.text[b+2]) {
		b += 2
		for b+1 < len(p.text) && (unicode.Is(unicode.Hiragana, p.text[b+1]) || strings.ContainsRune(noStart, p.text[b+1])) {
			b++
		}
	}
	return uniseg.StringWidth(string(p.text[a : b+1]))
}

func spanStart(p para, i int) bool { return i == 0 || p.code[i-1] != p.code[i] }
func spanEnd(p para, i int) bool   { return i == len(p.code)-1 || p.code[i+1] != p.code[i] }

func allCode(p para, a, b, span int) bool {
	for i := a; i < b; i++ {
		if p.code[i] != span {
			return false
		}
	}
	return true
}

func cjkLetter(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー'
}

func cjk(r rune) bool {
	return cjkLetter(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == '・'
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

func latin(r rune) bool { return r != ' ' && !cjk(r) && !isHangul(r) }
