package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"hardway/locales"
)

// The explanation of a prose-heavy step in Korean and Japanese at 80x24 and
// 120x40: golden views, and on each the rules of the native review: every
// line of the box is the text that comes next, broken at a space or (in
// Japanese) between Japanese characters, never before 。、 or a particle,
// never inside a word, a flag or a code span.
func TestGoldenProseInKoreanAndJapanese(t *testing.T) {
	const step = "07-bootstrapping-etcd/etcd-unit"
	for _, lang := range []locales.Lang{locales.KO, locales.JA} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			m := rehearsalModel(t, lang, size[0], size[1])
			gotoStep(t, m, step)
			got := screen(m)
			name := filepath.Join("testdata", fmt.Sprintf("etcd-unit-%s-%dx%d.golden", lang, size[0], size[1]))
			if *update {
				os.WriteFile(name, []byte(got), 0o644)
			} else if want, err := os.ReadFile(name); err != nil || got != string(want) {
				t.Errorf("%s differs (go test ./tui -update to accept):\n%s", name, got)
			}
			p, _ := m.current().Text(lang)
			lines := proseBox(got, p.Title)
			if len(lines) < 2 {
				t.Fatalf("%s: no explanation box:\n%s", name, got)
			}
			checkTypeset(t, name, lang, lines, p.Body)
		}
	}
}

// proseBox is the text inside the box titled title, line by line.
func proseBox(screen, title string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(screen, "\n") {
		switch {
		case !in && strings.Contains(l, "╭─"+title):
			in = true
			l = l[strings.Index(l, "╭─"):]
		case in && strings.Contains(l, "╰"):
			return out
		case in:
			i := strings.Index(l, "│")
			j := strings.LastIndex(l, "│")
			if i < 0 || j <= i {
				return out
			}
			out = append(out, strings.TrimRight(l[i+len("│"):j], " "))
		}
	}
	return out
}

// checkTypeset walks the box's lines through the explanation's text.
func checkTypeset(t *testing.T, name string, lang locales.Lang, lines []string, md string) {
	t.Helper()
	rest := strings.Join(strings.Fields(strings.ReplaceAll(md, "`", "")), " ")
	for i, l := range lines {
		l = strings.NewReplacer("[", "", "]", "").Replace(l) // code, without colour
		if l != "" && strings.ContainsRune("。、，．）」』ー", []rune(l)[0]) {
			t.Errorf("%s: a line starts with %q", name, []rune(l)[0])
		}
		if !strings.HasPrefix(rest, l) {
			t.Errorf("%s: line %d %q is not the text that comes next: %q", name, i, l, rest)
			return
		}
		rest = rest[len(l):]
		if rest == "" {
			return
		}
		next := []rune(rest)[0]
		if rest[0] == ' ' {
			rest = rest[1:]
			next = []rune(rest)[0]
		} else if r := []rune(l); lang == locales.KO || !japanese(r[len(r)-1]) && !japanese(next) {
			t.Errorf("%s: a word cut at %q|%q", name, l, string([]rune(rest)[:min(len([]rune(rest)), 8)]))
		}
		if r := []rune(l); r[len(r)-1] < 0x80 && unicode.Is(unicode.Hiragana, next) {
			t.Errorf("%s: a particle cut from its word at %q|%q", name, l, string([]rune(rest)[:min(len([]rune(rest)), 8)]))
		}
	}
}

func japanese(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == 'ー'
}
