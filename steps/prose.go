package steps

import (
	"io/fs"
	"path"
	"strings"

	"hardway/locales"
)

// Prose files are Markdown, one per chapter and language, at
// prose/<lang>/<chapter-slug>.md:
//
//	# Chapter title
//	Introduction ...
//	## step-slug: Step title
//	Explanation ...
//	### hint
//	What to look at when the check fails.
//
// prose/<lang>/track.md holds the track's title (# line) and description.
// Headings inside fenced code blocks are text, not structure.

const hintHeading = "### hint"

func loadProse(fsys fs.FS, t *Track, errs *Errors) {
	for _, lang := range locales.All {
		dir := path.Join(ProseDir, string(lang))
		if data, err := fs.ReadFile(fsys, path.Join(dir, "track.md")); err == nil {
			title, body := splitTitle(string(data))
			t.Prose[lang] = TrackProse{Title: title, Body: body}
			keepForStyle(t, lang, path.Join(t.Dir, dir, "track.md"), string(data))
		}
		for _, ch := range t.Chapters {
			file := path.Join(dir, ch.Slug+".md")
			data, err := fs.ReadFile(fsys, file)
			if err != nil {
				continue // lint reports missing prose per language
			}
			parseChapterProse(ch, lang, path.Join(t.Dir, file), string(data), errs)
			keepForStyle(t, lang, path.Join(t.Dir, file), string(data))
		}
		// Prose for a chapter the track does not have.
		files, _ := fs.Glob(fsys, path.Join(dir, "*.md"))
		for _, f := range files {
			slug := strings.TrimSuffix(path.Base(f), ".md")
			if slug != "track" && t.Chapter(slug) == nil {
				errs.add(path.Join(t.Dir, f), 0, "prose for chapter %q, which the track does not list", slug)
			}
		}
	}
}

func splitTitle(md string) (title, body string) {
	md = strings.TrimLeft(md, "\n")
	first, rest, _ := strings.Cut(md, "\n")
	if strings.HasPrefix(first, "# ") {
		return strings.TrimSpace(first[2:]), unwrapCJK(strings.TrimSpace(rest))
	}
	return "", unwrapCJK(strings.TrimSpace(md))
}

func parseChapterProse(ch *Chapter, lang locales.Lang, file, md string, errs *Errors) {
	type section struct {
		slug, title string
		line        int
		body, hint  []string
		inHint      bool
		rev         string
		revLine     int
	}
	var (
		cp       = ChapterProse{File: file}
		intro    []string
		sections []*section
		cur      *section
		fence    string
	)
	for i, l := range strings.Split(md, "\n") {
		n := i + 1
		trimmed := strings.TrimSpace(l)
		if fence == "" && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) {
			fence = trimmed[:3]
		} else if fence != "" && strings.HasPrefix(trimmed, fence) {
			fence = ""
		} else if fence == "" {
			switch {
			case strings.HasPrefix(l, "# "):
				if cp.Title != "" {
					errs.add(file, n, "a second chapter title (# ...); step sections start with ## step-id: Title")
				}
				cp.Title, cp.Line = strings.TrimSpace(l[2:]), n
				continue
			case strings.HasPrefix(l, "## "):
				slug, title, _ := strings.Cut(strings.TrimSpace(l[3:]), ":")
				cur = &section{slug: strings.TrimSpace(slug), title: strings.TrimSpace(title), line: n}
				sections = append(sections, cur)
				continue
			case cur != nil && revisionRE.MatchString(trimmed):
				cur.rev, cur.revLine = revisionRE.FindStringSubmatch(trimmed)[1], n
				continue
			case strings.EqualFold(trimmed, hintHeading):
				if cur == nil {
					errs.add(file, n, "### hint outside a step section")
				} else {
					cur.inHint = true
				}
				continue
			}
		}
		switch {
		case cur == nil:
			intro = append(intro, l)
		case cur.inHint:
			cur.hint = append(cur.hint, l)
		default:
			cur.body = append(cur.body, l)
		}
	}
	if fence != "" {
		errs.add(file, 0, "a code block (%s) is never closed", fence)
	}
	if cp.Title == "" {
		errs.add(file, 1, "the chapter title (# Title) is missing")
	}
	cp.Intro = unwrapCJK(strings.TrimSpace(strings.Join(intro, "\n")))
	if cp.Intro == "" {
		// A variant's prose file may give only a title and step sections:
		// the base chapter's introduction stays.
		cp.Intro = ch.Prose[lang].Intro
	}
	ch.Prose[lang] = cp
	seen := map[string]int{}
	for _, s := range sections {
		st := ch.stepBySlug(s.slug)
		switch {
		case st == nil:
			errs.add(file, s.line, "prose for step %q, which chapter %s does not have%s", s.slug, ch.Slug, suggest(s.slug, ch.stepSlugs()))
			continue
		case seen[s.slug] > 0:
			errs.add(file, s.line, "step %q already has a section at line %d", s.slug, seen[s.slug])
			continue
		case s.title == "":
			errs.add(file, s.line, "step %q: give the section a title: ## %s: Title", s.slug, s.slug)
		}
		seen[s.slug] = s.line
		st.Prose[lang] = StepProse{Title: s.title, Body: unwrapCJK(strings.TrimSpace(strings.Join(s.body, "\n"))),
			Hint: unwrapCJK(strings.TrimSpace(strings.Join(s.hint, "\n"))), File: file, Line: s.line,
			Revision: s.rev, RevisionLine: s.revLine}
	}
}

func (ch *Chapter) stepBySlug(slug string) *Step {
	for _, s := range ch.Steps {
		if s.Slug == slug {
			return s
		}
	}
	return nil
}

func (ch *Chapter) stepSlugs() []string {
	out := make([]string, len(ch.Steps))
	for i, s := range ch.Steps {
		out[i] = s.Slug
	}
	return out
}

// Text returns the step's prose in lang, or the English prose with
// fallback=true when lang has none, so callers can mark it.
func (s *Step) Text(lang locales.Lang) (p StepProse, fallback bool) {
	if p, ok := s.Prose[lang]; ok && p.Body != "" {
		return p, false
	}
	return s.Prose[locales.EN], lang != locales.EN
}

// Title returns the chapter title in lang, falling back to English, then to the slug.
func (ch *Chapter) Title(lang locales.Lang) (title string, fallback bool) {
	if p, ok := ch.Prose[lang]; ok && p.Title != "" {
		return p.Title, false
	}
	if p, ok := ch.Prose[locales.EN]; ok && p.Title != "" {
		return p.Title, lang != locales.EN
	}
	return ch.Slug, true
}

// Title returns the track title in lang, with the same fallback.
func (t *Track) Title(lang locales.Lang) (title string, fallback bool) {
	if p, ok := t.Prose[lang]; ok && p.Title != "" {
		return p.Title, false
	}
	if p, ok := t.Prose[locales.EN]; ok && p.Title != "" {
		return p.Title, lang != locales.EN
	}
	return t.ID, true
}
