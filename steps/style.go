package steps

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/goccy/go-yaml"

	"hardway/locales"
)

// The style lint: the glossary and style sheet of locales/glossary.yaml,
// enforced line by line on a track's own Korean and Japanese prose, so that
// every track (and an instructor's) reads in one voice per language.

// Glossary is one language's style sheet.
type Glossary struct {
	Terms    []Term    `yaml:"terms"`
	Patterns []Pattern `yaml:"patterns"`
	Spacing  struct {
		Rule string `yaml:"rule"` // "latin-spaced" or "" (none)
		Why  string `yaml:"why"`
	} `yaml:"spacing"`
	Heading struct {
		Rule string `yaml:"rule"` // "verb", "noun" or "" (none)
		Why  string `yaml:"why"`
	} `yaml:"heading"`
	Register struct {
		Why string `yaml:"why"`
	} `yaml:"register"`
}

// Term is one concept: the term to use and the variants refused.
type Term struct {
	Concept string   `yaml:"concept"`
	Use     string   `yaml:"use"`
	Not     []string `yaml:"not"`
	Allow   []string `yaml:"allow"`
	Why     string   `yaml:"why"`
}

// Pattern is a regular expression the text must not match.
type Pattern struct {
	Name  string `yaml:"name"`
	Match string `yaml:"match"`
	Say   string `yaml:"say"`
	Why   string `yaml:"why"`
	re    *regexp.Regexp
}

var (
	glossaryOnce sync.Once
	glossaries   map[locales.Lang]*Glossary
	glossaryErr  error
)

// Glossaries returns the style sheets of locales/glossary.yaml by language.
func Glossaries() (map[locales.Lang]*Glossary, error) {
	glossaryOnce.Do(func() {
		glossaries, glossaryErr = ParseGlossary(locales.Glossary)
	})
	return glossaries, glossaryErr
}

// ParseGlossary reads a glossary file: a style sheet per language code.
func ParseGlossary(data []byte) (map[locales.Lang]*Glossary, error) {
	var raw map[string]*Glossary
	if err := yaml.UnmarshalWithOptions(data, &raw, yaml.Strict()); err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	out := map[locales.Lang]*Glossary{}
	for code, g := range raw {
		for i := range g.Patterns {
			re, err := regexp.Compile(g.Patterns[i].Match)
			if err != nil {
				return nil, fmt.Errorf("glossary: %s: pattern %q: %w", code, g.Patterns[i].Match, err)
			}
			g.Patterns[i].re = re
		}
		out[locales.Lang(code)] = g
	}
	return out, nil
}

// keepForStyle keeps the Markdown of a Korean or Japanese prose file for
// the style lint, which reports by file and line.
func keepForStyle(t *Track, lang locales.Lang, file, md string) {
	if lang == locales.EN {
		return
	}
	if t.proseText == nil {
		t.proseText = map[string]string{}
	}
	t.proseText[file] = md
}

// lintStyle checks the track's own Korean and Japanese prose files against
// the glossary; a variant's inherited prose is its base's to keep.
func lintStyle(t *Track, errs *Errors) {
	gs, err := Glossaries()
	if err != nil {
		errs.add("locales/glossary.yaml", 0, "%v", err)
		return
	}
	files := make([]string, 0, len(t.proseText))
	for f := range t.proseText {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		lang := langOfProseFile(f)
		if g := gs[lang]; g != nil {
			*errs = append(*errs, g.CheckMarkdown(f, t.proseText[f])...)
		}
	}
}

// langOfProseFile reads the language from .../prose/<lang>/<file>.md.
func langOfProseFile(file string) locales.Lang {
	parts := strings.Split(file, "/")
	if len(parts) < 2 {
		return ""
	}
	return locales.Lang(parts[len(parts)-2])
}

// CheckMarkdown judges a prose file line by line: headings, paragraphs,
// hints; code blocks and revision marks are not text.
func (g *Glossary) CheckMarkdown(file, md string) Errors {
	var errs Errors
	fence := ""
	prev := "" // the paragraph's previous line, for terms broken across lines
	for i, l := range strings.Split(md, "\n") {
		n := i + 1
		trimmed := strings.TrimSpace(l)
		line := prev
		prev = ""
		switch {
		case fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
			continue
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		case revisionRE.MatchString(trimmed), strings.EqualFold(trimmed, hintHeading), trimmed == "":
			continue
		case strings.HasPrefix(l, "## "):
			_, title, _ := strings.Cut(l[3:], ":")
			title = strings.TrimSpace(title)
			for _, p := range g.CheckText(title) {
				errs.add(file, n, "%s", p)
			}
			if g.Heading.Rule == "verb" && hasCJK(title) && !endsInVerb(title) {
				errs.add(file, n, "step titles say what the learner does, in a verb's dictionary form (%s) (glossary: heading)", title)
			}
			if g.Heading.Rule == "noun" && endsInHagi(title) {
				errs.add(file, n, "step titles are noun phrases: a verbal noun without 하기 (설치, not 설치하기) (%s) (glossary: heading)", title)
			}
			continue
		case strings.HasPrefix(l, "# "):
			l = l[2:]
		}
		for _, p := range g.CheckText(l) {
			errs.add(file, n, "%s", p)
		}
		if line != "" {
			for _, p := range g.acrossBreak(line, l) {
				errs.add(file, n, "%s (across the line break)", p)
			}
		}
		prev = l
	}
	return errs
}

// acrossBreak: refused terms that a line break splits ("헬스" at the end of
// one line, "체크" at the start of the next), which neither line shows
// alone. A break inside a paragraph reads as a space.
func (g *Glossary) acrossBreak(above, below string) []string {
	tail, head := []rune(strings.TrimSpace(above)), []rune(strings.TrimSpace(below))
	tail, head = tail[max(len(tail)-12, 0):], head[:min(len(head), 12)]
	seen := map[string]bool{}
	for _, p := range append(g.CheckTerms(string(tail)), g.CheckTerms(string(head))...) {
		seen[p] = true
	}
	var out []string
	for _, p := range g.CheckTerms(string(tail) + " " + string(head)) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// CheckText returns what is wrong with one line of text: refused terms,
// patterns, spacing. Inline code is not judged, only its place in the line.
func (g *Glossary) CheckText(line string) []string {
	out := g.CheckTerms(line)
	if g.Spacing.Rule == "latin-spaced" && hasCJK(line) {
		out = append(out, latinSpacing(maskCode(line))...)
	}
	return out
}

// CheckTerms is CheckText without the spacing rule: terms and patterns.
func (g *Glossary) CheckTerms(line string) []string {
	text := maskCode(line)
	if !hasCJK(text) {
		return nil // not Korean or Japanese text (an untranslated line)
	}
	var out []string
	for _, t := range g.Terms {
		for _, bad := range t.Not {
			if found := refused(text, bad, t.Allow); found {
				out = append(out, fmt.Sprintf("%q: write %s (glossary: %s)", bad, t.Use, t.Concept))
			}
		}
	}
	for _, p := range g.Patterns {
		if m := p.re.FindString(text); m != "" {
			out = append(out, fmt.Sprintf("%q: %s (glossary: %s)", strings.TrimSpace(m), p.Say, p.Name))
		}
	}
	return out
}

// hasCJK: the text has Hangul, kana or Han.
func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return true
		}
	}
	return false
}

// codeMark stands for an inline code span in masked text.
const codeMark = '\uE000'

var codeSpanRE = regexp.MustCompile("`[^`]*`")

// maskCode replaces each inline code span with codeMark.
func maskCode(line string) string {
	return codeSpanRE.ReplaceAllString(line, string(codeMark))
}

// refused: text holds bad other than inside one of the allowed phrases.
func refused(text, bad string, allow []string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], bad)
		if j < 0 {
			return false
		}
		at := i + j
		if !insideAllowed(text, at, len(bad), allow) {
			return true
		}
		i = at + len(bad)
	}
}

func insideAllowed(text string, at, n int, allow []string) bool {
	for _, a := range allow {
		for k := 0; ; {
			j := strings.Index(text[k:], a)
			if j < 0 {
				break
			}
			start := k + j
			if start <= at && at+n <= start+len(a) {
				return true
			}
			k = start + 1
		}
	}
	return false
}

// Character classes of the spacing rule.
const (
	classOther = iota
	classJapanese
	classLatin
	classSpace
	classPunct // full-width punctuation: 、。「」（）：
)

func runeClass(r rune) int {
	switch {
	case r == ' ':
		return classSpace
	case r == codeMark, r < 0x80 && unicode.IsPrint(r):
		return classLatin
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana), r == 'ー', r == '々':
		return classJapanese
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFF60, r == '・', r == '…':
		return classPunct
	}
	return classOther
}

// particles that follow a name rather than count it.
const particles = "のでとをにがはもへやか"

var (
	numberRE  = regexp.MustCompile(`^[0-9]+$`)
	chapterRE = regexp.MustCompile(`^[0-9]+(-[0-9]+)?$`)
)

// latinSpacing: a half-width space between Japanese and a Latin word or
// inline code; none between a number and its counter; none next to
// full-width punctuation; none between two Japanese words.
func latinSpacing(text string) []string {
	rs := []rune(text)
	// A Markdown list or heading marker at the start is not a word.
	start := 0
	for start < len(rs) && (rs[start] == ' ' || rs[start] == '-' || rs[start] == '#' || rs[start] == '*') {
		start++
	}
	var out []string
	seen := map[string]bool{}
	say := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...) + " (glossary: spacing)"
		if !seen[msg] {
			seen[msg] = true
			out = append(out, msg)
		}
	}
	class := func(i int) int {
		if i < start || i >= len(rs) {
			return classOther
		}
		return runeClass(rs[i])
	}
	for i := start; i < len(rs); {
		c := class(i)
		if c == classSpace {
			before, after := class(i-1), class(i+1)
			switch {
			case before == classPunct || after == classPunct:
				say("%q: no space next to full-width punctuation", snippet(rs, i))
			case before == classJapanese && after == classJapanese:
				say("%q: no space between Japanese words", snippet(rs, i))
			}
			i++
			continue
		}
		if c != classLatin {
			i++
			continue
		}
		j := i
		for j < len(rs) && class(j) == classLatin {
			j++
		}
		word := string(rs[i:j])
		number := numberRE.MatchString(word) || (chapterRE.MatchString(word) && j < len(rs) && rs[j] == '章')
		// A number after a Latin word, followed by a particle, ends that
		// word's name (CentOS 8 を); followed by a counter it counts (vCPU 1個).
		if number && class(i-1) == classSpace && class(i-2) == classLatin {
			next := j
			if class(next) == classSpace {
				next++
			}
			number = next >= len(rs) || !strings.ContainsRune(particles, rs[next])
		}
		shown := strings.ReplaceAll(word, string(codeMark), "`…`")
		if number {
			if class(i-1) == classSpace && class(i-2) == classJapanese || class(j) == classSpace && class(j+1) == classJapanese {
				say("%q: no space between a number and its counter or particle", shown)
			}
		} else if class(i-1) == classJapanese || class(j) == classJapanese {
			say("%q: a half-width space between Japanese and a Latin word or inline code", shown)
		}
		i = j
	}
	return out
}

// snippet shows the text around a position, for messages.
func snippet(rs []rune, i int) string {
	from, to := max(0, i-4), min(len(rs), i+5)
	return strings.ReplaceAll(string(rs[from:to]), string(codeMark), "`…`")
}

// endsInVerb: a Japanese title ends in a verb's dictionary form (う-row
// kana), after any closing bracket or parenthesised aside.
// endsInHagi says a Korean title ends in a verbal noun with 하기
// (설치하기) or in a clause with 하기 (쓸 수 있게 하기); a verb that is one
// syllable and 하다 (정하기) is a verb of its own and may keep its -기 form.
func endsInHagi(title string) bool {
	t := trimQualifier(title)
	rest, ok := strings.CutSuffix(t, "하기")
	if !ok {
		return false
	}
	if strings.HasSuffix(rest, " ") {
		return true
	}
	word := []rune(rest[strings.LastIndex(rest, " ")+1:])
	return len(word) >= 2
}

// trimQualifier drops a closing parenthesised qualifier from a title
// ("kubectl 내려받기(macOS)", "…する（macOS）").
func trimQualifier(title string) string {
	t := strings.TrimSpace(title)
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if k := strings.LastIndex(t, p[0]); k > 0 && strings.HasSuffix(t, p[1]) {
			return strings.TrimSpace(t[:k])
		}
	}
	return t
}

func endsInVerb(title string) bool {
	rs := []rune(trimQualifier(title))
	if len(rs) == 0 {
		return false
	}
	return strings.ContainsRune("うくぐすつぬぶむる", rs[len(rs)-1])
}
