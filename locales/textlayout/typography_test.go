package textlayout_test

import (
	"flag"
	"fmt"
	"strings"
	"sync"
	"testing"

	"hardway/content"
	"hardway/locales"
	"hardway/locales/textlayout"
	"hardway/steps"
)

var before = flag.Bool("before", false, "also measure what the layout replaced: Glamour (the TUI) and the terminal's own wrapping (show)")

var widths = []int{40, 72, 100}

// A renderer draws one document at a width, as lines per paragraph.
type renderer struct {
	name   string
	before bool   // what the layout replaced: measured, not judged
	open   string // what the renderer puts around a code span, that takes room
	close  string
	draw   func(t *testing.T, md string, ps []para, w int) [][]string
	clean  func(string) string
}

// colour is how terminals show code: in colour, taking no room.
var colour = textlayout.Style{
	Code:   func(s string) string { return "\x1b[36m" + s + "\x1b[0m" },
	Strong: func(s string) string { return "\x1b[1m" + s + "\x1b[0m" },
}

func stripSGR(s string) string { return sgr.ReplaceAllString(s, "") }

// layout is the package's Markdown, on each whole document: its
// paragraphs come out one blank line apart.
func layout(name string, st textlayout.Style) renderer {
	return renderer{name: name, open: st.CodeOpen, close: st.CodeClose, clean: stripSGR,
		draw: func(t *testing.T, md string, ps []para, w int) [][]string {
			var groups [][]string
			var cur []string
			for _, l := range textlayout.Markdown(md, w, st) {
				if resets := strings.Count(l, "\x1b[0m"); strings.Count(l, "\x1b[") != 2*resets {
					t.Errorf("a line leaves a colour open: %q", l)
				}
				if l == "" {
					groups, cur = append(groups, cur), nil
					continue
				}
				cur = append(cur, l)
			}
			return append(groups, cur)
		}}
}

// track, language and the documents (Markdown) of that language: every
// step's title, explanation and hint, every chapter's title and
// introduction, the track's title and description. English shown for a
// missing translation is not counted in the other language.
type docs struct {
	track string
	lang  locales.Lang
	md    []string
}

func corpus(t *testing.T) []docs {
	loaded.Do(func() { loaded.docs, loaded.err = readCorpus() })
	if loaded.err != nil {
		t.Fatal(loaded.err)
	}
	return loaded.docs
}

var loaded struct {
	sync.Once
	docs []docs
	err  error
}

func readCorpus() ([]docs, error) {
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		return nil, err
	}
	var out []docs
	for _, tr := range tracks {
		for _, lang := range locales.All {
			d := docs{track: tr.ID, lang: lang}
			if p, ok := tr.Prose[lang]; ok {
				d.md = append(d.md, p.Title, p.Body)
			}
			for _, ch := range tr.Chapters {
				if p, ok := ch.Prose[lang]; ok {
					d.md = append(d.md, p.Title, p.Intro)
				}
			}
			for _, s := range tr.Steps() {
				if p, fb := s.Text(lang); !fb {
					d.md = append(d.md, p.Title, p.Body, p.Hint)
				}
			}
			out = append(out, d)
		}
	}
	return out, nil
}

// oracle is goldmark's reading of a document, for a renderer's brackets.
type oracle struct {
	ps    []para
	other int
}

// readAll reads every document of the corpus once per kind of brackets,
// before the renderers run in parallel.
func readAll(corpus []docs, rs []renderer) map[string]oracle {
	out := map[string]oracle{}
	for _, r := range rs {
		for _, d := range corpus {
			for _, md := range d.md {
				key := r.open + "\x00" + r.close + "\x00" + md
				if _, ok := out[key]; !ok {
					ps, other := paragraphs(md, r.open, r.close)
					out[key] = oracle{ps, other}
				}
			}
		}
	}
	return out
}

// run measures every document with a renderer at a width.
func run(t *testing.T, r renderer, d docs, w int, read map[string]oracle) counts {
	var c counts
	for _, md := range d.md {
		if strings.TrimSpace(md) == "" {
			continue
		}
		o := read[r.open+"\x00"+r.close+"\x00"+md]
		if o.other > 0 {
			t.Errorf("%s %s: a block the typography test does not read (a list, quote or code block):\n%s", d.track, d.lang, md)
		}
		drawn := r.draw(t, md, o.ps, w)
		if len(drawn) != len(o.ps) {
			c.misaligned++
			c.example("%d paragraphs drawn for %d: %q", len(drawn), len(o.ps), md)
			continue
		}
		for i, p := range o.ps {
			c.addAll(measure(drawn[i], p, w, r.clean))
		}
	}
	return c
}

// TestTypography is the native review, repeated on every step's prose and
// hint and every UI string, in every track and language, at widths 40, 72
// and 100: no line over the width, none starting with a character that may
// not start one (or a particle cut from its word), no word or code span
// cut, no number split from its counter, no code span alone on a line. The
// share of lines ending 12 or more columns short is reported; at 72 (the
// review's width) Korean and Japanese stay within 5 points of English.
func TestTypography(t *testing.T) {
	renderers := []renderer{layout("colour", colour), layout("brackets", textlayout.Style{CodeOpen: "[", CodeClose: "]"})}
	if *before {
		renderers = append(renderers, glamourRenderer(), terminalRenderer())
	}
	docs := corpus(t)
	read := readAll(docs, renderers)
	rows := make([][]string, len(renderers)*len(widths))
	t.Run("all", func(t *testing.T) {
		for i, r := range renderers {
			for j, w := range widths {
				t.Run(fmt.Sprintf("%s-%d", r.name, w), func(t *testing.T) {
					t.Parallel()
					rows[i*len(widths)+j] = measureAll(t, r, w, docs, read)
				})
			}
		}
	})
	var report strings.Builder
	fmt.Fprintf(&report, "%-9s %-8s %-4s %5s %6s %6s %5s %5s %5s %5s %5s %5s %5s\n", "renderer", "track", "lang", "width", "lines", "short%", "over", "start", "word", "code", "count", "alone", "lost")
	for _, rs := range rows {
		for _, row := range rs {
			report.WriteString(row)
		}
	}
	t.Logf("\n%s", report.String())
}

// Every UI string and check reason, filled with typical values, laid out
// as the faces lay them out (Wrap): the same faults are zero.
func TestTypographyUIStrings(t *testing.T) {
	args := []string{"controller-1", "07-bootstrapping-etcd/etcd-unit", "3", "/etc/etcd/kubernetes-key.pem", "https://10.240.0.10:2380", "--initial-cluster-state"}
	for _, lang := range locales.All {
		for _, w := range widths {
			var c counts
			for _, key := range locales.Keys() {
				for _, l := range strings.Split(locales.Msg(lang, key, args...), "\n") {
					p := para{raw: l}
					p.add(l, 0)
					p.collapse()
					if len(p.text) == 0 {
						continue
					}
					c.addAll(measure(textlayout.Wrap(l, w), p, w, func(s string) string { return s }))
				}
			}
			t.Logf("UI strings %s at %d: %d lines, %.1f%% short", lang, w, c.lines, c.shortPct())
			if c.faults() > 0 {
				t.Errorf("UI strings %s at %d: %d faults:\n  %s", lang, w, c.faults(), strings.Join(c.examples, "\n  "))
			}
		}
	}
}

// measureAll measures every track and language with one renderer at one
// width, fails on faults, and returns the report's rows.
func measureAll(t *testing.T, r renderer, w int, docs []docs, read map[string]oracle) []string {
	var rows []string
	en := map[string]float64{}
	for _, d := range docs {
		c := run(t, r, d, w, read)
		rows = append(rows, fmt.Sprintf("%-9s %-8s %-4s %5d %6d %6.1f %5d %5d %5d %5d %5d %5d %5d\n", r.name, d.track, d.lang, w, c.lines, c.shortPct(), c.over, c.forbidden, c.wordCut, c.codeCut, c.counter, c.codeAlone, c.misaligned))
		if r.before {
			continue
		}
		if c.faults() > 0 {
			t.Errorf("%s %s at %d: %d faults:\n  %s", d.track, d.lang, w, c.faults(), strings.Join(c.examples, "\n  "))
		}
		if d.lang == locales.EN {
			en[d.track] = c.shortPct()
		} else if w == 72 && c.shortPct() > en[d.track]+5 {
			t.Errorf("%s %s at %d: %.1f%% of lines end 12+ columns short, English %.1f%%", d.track, d.lang, w, c.shortPct(), en[d.track])
		}
	}
	return rows
}
