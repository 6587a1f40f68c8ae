package steps

import (
	"strings"

	"hardway/locales"
)

// NotFoundError is an unknown name, with the nearest valid ones. Its words
// are message keys (steps.unknown_<What>), so each face says it in the
// learner's language (locales.Localize).
type NotFoundError struct {
	What    string // "step", "chapter", "track", "host"
	Name    string
	Nearest []string
}

func (e *NotFoundError) Error() string { return e.Unwrap().Error() }

// Unwrap is the message in the catalogs' terms.
func (e *NotFoundError) Unwrap() error {
	if len(e.Nearest) > 0 {
		return locales.Errorf("steps.unknown_"+e.What+"_near", e.Name, strings.Join(e.Nearest, ", "))
	}
	return locales.Errorf("steps.unknown_"+e.What, e.Name)
}

// AmbiguousError is a step name that several chapters have: not unknown,
// but the learner must say which chapter.
type AmbiguousError struct {
	Name string
	IDs  []string // the full ids of the steps of that name
}

func (e *AmbiguousError) Error() string { return e.Unwrap().Error() }

// Unwrap is the message in the catalogs' terms: the full ids, and the
// short form of the first as an example.
func (e *AmbiguousError) Unwrap() error {
	return locales.Errorf("steps.ambiguous", e.Name, strings.Join(e.IDs, ", "), shortID(e.IDs[0]))
}

// shortID is "07/start-etcd" for "07-bootstrapping-etcd/start-etcd".
func shortID(id string) string {
	chapter, slug, _ := strings.Cut(id, "/")
	num, _, _ := strings.Cut(chapter, "-")
	return num + "/" + slug
}

// FindStep accepts a full id ("08-bootstrapping-kubernetes-controllers/rbac-clusterrole"),
// a short one with the chapter number ("08/rbac-clusterrole"), or a step slug
// that only one chapter has ("rbac-clusterrole").
func (t *Track) FindStep(ref string) (*Step, error) {
	if s := t.Step(ref); s != nil {
		return s, nil
	}
	var matches []*Step
	chap, slug, hasChapter := strings.Cut(ref, "/")
	for _, s := range t.Steps() {
		switch {
		case hasChapter && s.Slug == slug && chapterMatches(s.Chapter, chap):
			matches = append(matches, s)
		case !hasChapter && s.Slug == ref:
			matches = append(matches, s)
		}
	}
	if len(matches) == 1 {
		return matches[0], nil
	}
	if len(matches) > 1 {
		var found []string
		for _, s := range matches {
			found = append(found, s.ID)
		}
		return nil, &AmbiguousError{Name: ref, IDs: found}
	}
	if hasChapter {
		if near := t.nearestInChapter(chap, slug); len(near) > 0 {
			return nil, &NotFoundError{What: "step", Name: ref, Nearest: near}
		}
	}
	var ids []string
	for _, s := range t.Steps() {
		ids = append(ids, s.ID)
	}
	return nil, &NotFoundError{What: "step", Name: ref, Nearest: Nearest(ref, ids, 5)}
}

// nearestInChapter suggests for "09/start-etcd": the steps of that name in
// other chapters first (a step of another chapter, written as the learner
// wrote the chapter), then the nearest names in the chapter given.
func (t *Track) nearestInChapter(chap, slug string) []string {
	var near []string
	for _, s := range t.Steps() {
		switch {
		case s.Slug != slug || chapterMatches(s.Chapter, chap):
		case strings.Contains(chap, "-"): // a full chapter slug
			near = append(near, s.ID)
		default:
			near = append(near, shortID(s.ID))
		}
	}
	if len(near) > 0 {
		return near
	}
	if ch, err := t.FindChapter(chap); err == nil {
		for _, n := range Nearest(slug, ch.stepSlugs(), 5) {
			near = append(near, ch.Slug+"/"+n)
		}
	}
	return near
}

// FindChapter accepts a chapter slug or its number ("08", "8").
func (t *Track) FindChapter(ref string) (*Chapter, error) {
	for _, ch := range t.Chapters {
		if ch.Slug == ref || chapterMatches(ch, ref) {
			return ch, nil
		}
	}
	var slugs []string
	for _, ch := range t.Chapters {
		slugs = append(slugs, ch.Slug)
	}
	return nil, &NotFoundError{What: "chapter", Name: ref, Nearest: Nearest(ref, slugs, 5)}
}

// chapterMatches: "08" or "8" names chapter "08-...".
func chapterMatches(ch *Chapter, ref string) bool {
	if ref == ch.Slug {
		return true
	}
	num, _, _ := strings.Cut(ch.Slug, "-")
	return ref != "" && (ref == num || "0"+ref == num)
}

// FindTrack picks a track by id.
func FindTrack(tracks []*Track, id string) (*Track, error) {
	var ids []string
	for _, t := range tracks {
		if t.ID == id {
			return t, nil
		}
		ids = append(ids, t.ID)
	}
	near := Nearest(id, ids, 5)
	if len(near) == 0 {
		near = ids
	}
	return nil, &NotFoundError{What: "track", Name: id, Nearest: near}
}
