package steps

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"hardway/locales"
)

// Translations that know when they are stale: each Korean and Japanese step
// section records, on a line of its own under its heading, the revision of
// the English section it was written from:
//
//	## start-etcd: etcd 시작
//	<!-- en: 1a2b3c4d -->
//
// The revision is a short hash of the English title, explanation and hint,
// with runs of white space taken as one (re-wrapping a paragraph changes
// nothing). When the English changes, lint reports the translation stale
// until it is reviewed and the mark updated (MarkReviewed).

var revisionRE = regexp.MustCompile(`^<!--\s*en:\s*([0-9a-f]*)\s*-->$`)

// EnglishRevision is the revision of an English step section.
func EnglishRevision(p StepProse) string {
	norm := strings.Join(strings.Fields(p.Title+"\n"+p.Body+"\n### hint\n"+p.Hint), " ")
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:4])
}

// Stale is a translated step section whose English changed since.
type Stale struct {
	Step     *Step
	Lang     locales.Lang
	Prose    StepProse // the translation
	Recorded string    // the revision it records, "" for none
	Current  string    // the English section's revision now
}

func (s Stale) Error() *Error {
	en := s.Step.Prose[locales.EN]
	if s.Recorded == "" {
		return &Error{File: s.Prose.File, Line: s.Prose.Line, Msg: fmt.Sprintf(
			"step %s: the %s section does not record the English revision it was written from (<!-- en: %s --> under the heading; hardway lint --mark-reviewed DIR writes it)",
			s.Step.Slug, s.Lang.Name(), s.Current)}
	}
	return &Error{File: s.Prose.File, Line: s.Prose.Line, Msg: fmt.Sprintf(
		"step %s: the %s section is stale: it was written from English revision %s, the English (%s:%d) is now %s; update the translation, then mark it reviewed (hardway lint --mark-reviewed DIR)",
		s.Step.Slug, s.Lang.Name(), s.Recorded, en.File, en.Line, s.Current)}
}

// StaleSections lists the translations of the track's steps that do not
// record the revision of their English section. A variant answers for the
// sections it wrote and for those whose English it changed; the rest are
// its base's.
func StaleSections(t *Track) []Stale {
	var out []Stale
	own := func(file string) bool { return strings.HasPrefix(file, t.Dir+"/") }
	for _, st := range t.Steps() {
		en, ok := st.Prose[locales.EN]
		if !ok || en.Body == "" {
			continue
		}
		cur := EnglishRevision(en)
		for _, lang := range locales.All {
			if lang == locales.EN {
				continue
			}
			p, ok := st.Prose[lang]
			if !ok || p.Body == "" || p.Revision == cur || !(own(p.File) || own(en.File)) {
				continue
			}
			out = append(out, Stale{Step: st, Lang: lang, Prose: p, Recorded: p.Revision, Current: cur})
		}
	}
	return out
}

// lintStale reports stale translations. A section that records no revision
// is reported once the track records revisions at all: a track written
// before marks existed (an instructor's) opts in with --mark-reviewed, and
// lint --stale lists its sections meanwhile.
func lintStale(t *Track, errs *Errors) {
	stale := StaleSections(t)
	marked := false
	for _, st := range t.Steps() {
		for _, p := range st.Prose {
			marked = marked || (p.Revision != "" && strings.HasPrefix(p.File, t.Dir+"/"))
		}
	}
	for _, s := range stale {
		if s.Recorded != "" || marked {
			*errs = append(*errs, s.Error())
		}
	}
}

// MarkReviewed records the current English revision in every stale section
// of the track's files on disk (the track was loaded from a directory, so
// its files are paths), and returns how many it marked. Run it once the
// translations were brought up to date.
func MarkReviewed(t *Track) (int, error) {
	byFile := map[string][]Stale{}
	for _, s := range StaleSections(t) {
		if strings.HasPrefix(s.Prose.File, t.Dir+"/") {
			byFile[s.Prose.File] = append(byFile[s.Prose.File], s)
		}
	}
	n := 0
	for file, ss := range byFile {
		data, err := os.ReadFile(file)
		if err != nil {
			return n, err
		}
		lines := strings.Split(string(data), "\n")
		// From the bottom up, so that inserting a line keeps the line
		// numbers of the sections above.
		sort.Slice(ss, func(i, j int) bool { return ss[i].Prose.Line > ss[j].Prose.Line })
		for _, s := range ss {
			mark := "<!-- en: " + s.Current + " -->"
			if l := s.Prose.RevisionLine; l > 0 && l <= len(lines) {
				lines[l-1] = mark
			} else {
				at := s.Prose.Line // the heading's line; the mark goes under it
				lines = append(lines[:at], append([]string{mark}, lines[at:]...)...)
			}
			n++
		}
		if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			return n, err
		}
	}
	return n, nil
}
