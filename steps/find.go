package steps

import (
	"fmt"
	"strings"
)

// NotFoundError is an unknown name, with the nearest valid ones.
type NotFoundError struct {
	What    string // "step", "chapter", "track"
	Name    string
	Nearest []string
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("unknown %s %q", e.What, e.Name)
	switch {
	case len(e.Nearest) > 0:
		msg += "; did you mean: " + strings.Join(e.Nearest, ", ")
	case e.What == "step":
		msg += " (hardway steps lists them)"
	}
	return msg
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
	var ids []string
	for _, s := range t.Steps() {
		ids = append(ids, s.ID)
	}
	if len(matches) > 1 {
		var amb []string
		for _, s := range matches {
			amb = append(amb, s.ID)
		}
		return nil, &NotFoundError{What: "step (several chapters have it)", Name: ref, Nearest: amb}
	}
	// With a chapter given, suggest from that chapter first.
	if hasChapter {
		if ch, err := t.FindChapter(chap); err == nil {
			var near []string
			for _, n := range Nearest(slug, ch.stepSlugs(), 5) {
				near = append(near, ch.Slug+"/"+n)
			}
			if len(near) > 0 {
				return nil, &NotFoundError{What: "step", Name: ref, Nearest: near}
			}
		}
	}
	return nil, &NotFoundError{What: "step", Name: ref, Nearest: Nearest(ref, ids, 5)}
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
