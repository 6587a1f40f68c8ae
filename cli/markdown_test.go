package cli

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"hardway/content"
	"hardway/locales"
	"hardway/steps"
)

// plainText is what a reader should see of Markdown prose: code spans
// without their backticks, white space collapsed.
func plainText(md string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(md, "`", "")), " ")
}

func isCJKChar(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF || r == 'ー'
}

// show 07/etcd-unit at --width 72 reads as typeset text in Korean and
// Japanese: no line over 72 columns, no word, flag or path cut, no line
// starting with 。、 or a particle cut from its word, each code span whole.
func TestShowIsTypesetAtTheWidth(t *testing.T) {
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := steps.FindTrack(tracks, "classic")
	s, _ := tr.FindStep("07/etcd-unit")
	for _, lang := range []locales.Lang{locales.KO, locales.JA} {
		r := run(t, "", nil, "show", "07/etcd-unit", "--lang", string(lang), "--width", "72")
		if r.code != 0 {
			t.Fatalf("%s: %+v", lang, r)
		}
		lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > 72 {
				t.Errorf("%s: a line of %d columns: %q", lang, w, l)
			}
			if l != "" && strings.ContainsRune("。、，．）」』ー", []rune(l)[0]) {
				t.Errorf("%s: a line starts with %q", lang, []rune(l)[0])
			}
		}
		p, _ := s.Text(lang)
		want := plainText(p.Body)
		start := -1
		for i, l := range lines {
			if l != "" && strings.HasPrefix(want, l) {
				start = i
				break
			}
		}
		if start < 0 {
			t.Fatalf("%s: the explanation is not in the output:\n%s", lang, r.stdout)
		}
		// Walk the explanation's lines: each break is at a space, or (in
		// Japanese) between two characters one of which is Japanese, and
		// never before a particle.
		rest := want
		for i := start; i < len(lines) && lines[i] != ""; i++ {
			l := lines[i]
			if !strings.HasPrefix(rest, l) {
				t.Fatalf("%s: line %q is not the text that comes next: %q", lang, l, rest)
			}
			rest = rest[len(l):]
			if rest == "" {
				break
			}
			if rest[0] == ' ' {
				rest = rest[1:]
			} else {
				last, _ := lastRune(l)
				next := []rune(rest)[0]
				if lang == locales.KO || !isCJKChar(last) && !isCJKChar(next) {
					t.Errorf("%s: a word cut at %q|%q", lang, l, rest[:min(len(rest), 12)])
				}
			}
			next := []rune(rest)[0]
			if last, _ := lastRune(l); last < 0x80 && unicode.Is(unicode.Hiragana, next) {
				t.Errorf("%s: a particle cut from its word: %q|%q", lang, l, rest[:min(len(rest), 12)])
			}
		}
		if rest != "" {
			t.Errorf("%s: the explanation is cut short; missing %q", lang, rest)
		}
		// Every code span and flag of the explanation is whole on a line.
		for _, code := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(p.Body, -1) {
			if !strings.Contains(r.stdout, code[1]) {
				t.Errorf("%s: %q is cut", lang, code[1])
			}
		}
		// The command is folded at the width, each cut marked.
		if !strings.Contains(r.stdout, "--initial-cluster-token etcd-cluster-0 \\\\") || !strings.Contains(r.stdout, "↩\n") {
			t.Errorf("%s: the unit's long line is not folded and marked:\n%s", lang, r.stdout)
		}
	}
}

func lastRune(s string) (rune, int) {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, 0
	}
	return rs[len(rs)-1], len(rs)
}

// The width: --width, else $COLUMNS; output to a pipe without either has a
// paragraph a line, and commands are printed as they run.
func TestShowWidth(t *testing.T) {
	maxWidth := func(out string) int {
		w := 0
		for _, l := range strings.Split(out, "\n") {
			w = max(w, ansi.StringWidth(l))
		}
		return w
	}
	narrow := run(t, "", map[string]string{"COLUMNS": "50"}, "show", "07/etcd-unit", "--lang", "ko")
	forced := run(t, "", map[string]string{"COLUMNS": "50"}, "show", "07/etcd-unit", "--lang", "ko", "--width", "60")
	piped := run(t, "", nil, "show", "07/etcd-unit", "--lang", "ko")
	for _, r := range []result{narrow, forced, piped} {
		if r.code != 0 {
			t.Fatalf("%+v", r)
		}
	}
	prose := func(out string) []string {
		var lines []string
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "systemd") && !strings.Contains(l, "/etc/systemd/system/etcd.service") || strings.Contains(l, "ETCD_NAME}") && strings.Contains(l, "INTERNAL_IP}") {
				lines = append(lines, l)
			}
		}
		return lines
	}
	if w := maxWidth(strings.Join(prose(narrow.stdout), "\n")); w > 50 {
		t.Errorf("COLUMNS=50: prose %d wide:\n%s", w, narrow.stdout)
	}
	if w := maxWidth(strings.Join(prose(forced.stdout), "\n")); w > 60 || w <= 50 {
		t.Errorf("--width 60 over COLUMNS=50: prose %d wide:\n%s", w, forced.stdout)
	}
	if !strings.Contains(narrow.stdout, "controller-0=https://10.240.0.10:2380,controller-1=https://10.240.0.11:2380,controller-2=https://10.240.0.12:2380") {
		t.Errorf("without --width the command is not printed as it runs:\n%s", narrow.stdout)
	}
	body := plainText(mustText(t, "07/etcd-unit", locales.KO))
	if !strings.Contains(piped.stdout, body) {
		t.Errorf("piped: the explanation is not one line:\n%s", piped.stdout)
	}
}

func mustText(t *testing.T, step string, lang locales.Lang) string {
	t.Helper()
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := steps.FindTrack(tracks, "classic")
	s, err := tr.FindStep(step)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Text(lang)
	return p.Body
}

// Code stands out without colour too: in brackets under NO_COLOR, with no
// padding that would part a Korean particle from its word.
func TestCodeStandsOutWithoutColour(t *testing.T) {
	r := run(t, "", map[string]string{"NO_COLOR": "1"}, "show", "07/etcd-unit", "--lang", "ko", "--width", "72")
	if !strings.Contains(r.stdout, "[/etc/systemd/system/etcd.service]를") || !strings.Contains(r.stdout, "[--initial-cluster-state new]") {
		t.Errorf("NO_COLOR: code not in brackets:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "`") {
		t.Errorf("raw backticks:\n%s", r.stdout)
	}
	piped := run(t, "", nil, "show", "07/etcd-unit", "--lang", "ko")
	if !strings.Contains(piped.stdout, "\n/etc/systemd/system/etcd.service를") {
		t.Errorf("a pipe gets the text alone:\n%s", piped.stdout)
	}
}

// A check's timing and settling time are in the learner's language.
func TestDurationsInTheLearnersLanguage(t *testing.T) {
	for lang, want := range map[string]string{"en": "every 2s, up to 1m", "ko": "2초마다, 최대 1분", "ja": "2秒ごと、最大1分"} {
		r := run(t, "", nil, "show", "07/start-etcd", "--lang", lang)
		if !strings.Contains(r.stdout, want) || regexp.MustCompile(`\dm0s`).MatchString(r.stdout) {
			t.Errorf("%s: no %q:\n%s", lang, want, r.stdout)
		}
	}
}
