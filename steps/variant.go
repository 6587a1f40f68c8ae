package steps

import (
	"io/fs"
	"maps"
	"path"
)

// A variant is a track that builds on another one (track.yaml: base:). Its
// directory holds only what differs:
//
//   - track.yaml: id, base, version and source; hosts (a new layout replaces
//     the base's), vars (merged over the base's) and chapters (default: the
//     base's). A chapter entry is a slug, or {slug: NEW, from: BASE-SLUG} to
//     build on a base chapter of another name; a base chapter left out is
//     dropped.
//   - a chapter without a file of its own is the base's, steps and prose;
//   - a chapter file with steps: is written anew;
//   - a chapter file with replace:, insert: and drop: edits the base's:
//     replace: takes steps whose ids the base chapter has; insert: takes
//     {after: ID or before: ID, steps: [...]}; drop: takes ids;
//   - prose/<lang>/<chapter>.md adds to the base's prose: its title and
//     intro (when given) and its step sections win. Replaced and inserted
//     steps need sections of their own in every language.

type pendingVariant struct {
	fsys fs.FS
	tf   trackFile
	data []byte
}

// Pending reports whether t is a variant still waiting for its base.
func (t *Track) Pending() bool { return t.pending != nil }

// ResolveVariants builds every variant among tracks on its base: another of
// tracks, or what lookup returns for the id (nil lookup: only tracks). It
// returns the problems found, each with its file and line; a variant whose
// base cannot be found stays unbuilt and is reported.
func ResolveVariants(tracks []*Track, lookup func(id string) (*Track, error)) error {
	var errs Errors
	byID := map[string]*Track{}
	for _, t := range tracks {
		byID[t.ID] = t
	}
	building := map[*Track]bool{}
	var build func(t *Track) bool
	build = func(t *Track) bool {
		if t.pending == nil {
			return true
		}
		file := path.Join(t.Dir, TrackFile)
		line := lineOf(t.pending.data, "base:")
		if building[t] {
			errs.add(file, line, "base: %s leads back to %s: variants cannot build on each other in a circle", t.Base, t.ID)
			return false
		}
		building[t] = true
		defer delete(building, t)
		base := byID[t.Base]
		if base == nil && lookup != nil {
			b, err := lookup(t.Base)
			if err != nil {
				errs = append(errs, asErrors(err)...)
			}
			base = b
		}
		switch {
		case t.Base == t.ID:
			errs.add(file, line, "base: a track cannot build on itself")
			return false
		case base == nil:
			var ids []string
			for id := range byID {
				if id != t.ID {
					ids = append(ids, id)
				}
			}
			errs.add(file, line, "base: no track %q to build on%s", t.Base, suggest(t.Base, ids))
			return false
		case !build(base):
			return false
		}
		derive(t, base, &errs)
		return true
	}
	for _, t := range tracks {
		build(t)
	}
	return errs.orNil()
}

// derive builds variant t on base.
func derive(t, base *Track, errs *Errors) {
	p := t.pending
	defer func() { t.pending = nil }()
	file := path.Join(t.Dir, TrackFile)
	if t.Version == "" {
		t.Version = base.Version
	}
	if len(t.Hosts) == 0 {
		t.Hosts = base.Hosts
	}
	vars := maps.Clone(base.Vars)
	maps.Copy(vars, t.Vars)
	t.Vars = vars
	tf := p.tf
	tf.Hosts, tf.Version = t.Hosts, t.Version
	if len(tf.Chapters) == 0 {
		for _, ch := range base.Chapters {
			tf.Chapters = append(tf.Chapters, chapterRef{Slug: ch.Slug})
		}
	}
	validateTrack(t, tf, file, p.data, errs)
	loadChapters(p.fsys, t, tf, p.data, base, errs)
	loadProse(p.fsys, t, errs)
	resolveStages(t, errs)

	kept := map[*Step]bool{}
	for _, ch := range t.Chapters {
		for _, s := range ch.Steps {
			switch s.Origin {
			case OriginBase:
				t.Changes.Inherited++
				kept[s.base] = true
			case OriginReplaced:
				t.Changes.Replaced++
				kept[s.base] = true
			case OriginInserted:
				t.Changes.Inserted++
			default:
				t.Changes.Written++
			}
		}
	}
	for _, s := range base.Steps() {
		if !kept[s] {
			t.Changes.Dropped++
		}
	}
}

// inheritChapter makes ch a copy of the base chapter, steps and prose.
func inheritChapter(ch, from *Chapter) {
	ch.Prose = maps.Clone(from.Prose)
	for _, s := range from.Steps {
		ch.Steps = append(ch.Steps, inheritStep(ch, s))
	}
}

// inheritStep copies a base step into a variant chapter: it runs on the
// variant's layout with the variant's vars.
func inheritStep(ch *Chapter, s *Step) *Step {
	cp := *s
	cp.Chapter = ch
	cp.ID = ch.Slug + "/" + s.Slug
	cp.Prose = maps.Clone(s.Prose)
	cp.Origin = OriginBase
	cp.base = s
	if s.Check != nil && len(s.Check.Stages) > 0 {
		c := *s.Check
		c.Stages = append([]CheckStage{}, s.Check.Stages...)
		cp.Check = &c // its stages are resolved again, in the variant
	}
	return &cp
}

// editChapter applies a variant chapter file's replace:, insert: and drop:
// to the base chapter, in that order.
func editChapter(ch *Chapter, cf *chapterFile, errs *Errors) {
	from := ch.From
	inheritChapter(ch, from)
	index := func(slug string) int {
		for i, s := range ch.Steps {
			if s.Slug == slug {
				return i
			}
		}
		return -1
	}
	where := from.Track.ID + "'s " + from.Slug
	// Replace: the step keeps its place and id; its prose must be new.
	seen := map[string]int{}
	for _, s := range loadSteps(ch, cf.Replace, seen, errs) {
		i := index(s.Slug)
		if i < 0 {
			errs.add(ch.File, s.Line, "replace: %s has no step %q%s", where, s.Slug, suggest(s.Slug, from.stepSlugs()))
			continue
		}
		s.Origin, s.base = OriginReplaced, ch.Steps[i].base
		ch.Steps[i] = s
	}
	// Insert: new ids only, next to a step the chapter has by then.
	for _, ins := range cf.Insert {
		anchor, after := ins.After, true
		if ins.Before != "" {
			anchor, after = ins.Before, false
		}
		line := 0
		if len(ins.Steps) > 0 {
			line = nodeLine(ins.Steps[0])
		}
		if (ins.After == "") == (ins.Before == "") {
			errs.add(ch.File, line, "insert: give exactly one of after: or before: (a step id of the chapter)")
			continue
		}
		at := index(anchor)
		if at < 0 {
			errs.add(ch.File, line, "insert: the chapter has no step %q to insert %s%s", anchor,
				map[bool]string{true: "after", false: "before"}[after], suggest(anchor, ch.stepSlugs()))
			continue
		}
		if after {
			at++
		}
		var added []*Step
		for _, s := range loadSteps(ch, ins.Steps, seen, errs) {
			if index(s.Slug) >= 0 {
				errs.add(ch.File, s.Line, "insert: step id %q is already in the chapter (from %s): replace it, or pick a new id", s.Slug, where)
				continue
			}
			s.Origin = OriginInserted
			added = append(added, s)
		}
		ch.Steps = append(ch.Steps[:at], append(added, ch.Steps[at:]...)...)
	}
	// Drop.
	for _, slug := range cf.Drop {
		i := index(slug)
		if i < 0 {
			line := lineOfFile(ch, "- "+slug)
			if line == 0 {
				line = lineOfFile(ch, "drop:")
			}
			errs.add(ch.File, line, "drop: %s has no step %q%s", where, slug, suggest(slug, from.stepSlugs()))
			continue
		}
		ch.Steps = append(ch.Steps[:i], ch.Steps[i+1:]...)
	}
}

// lineOfFile finds s in the chapter's own file, for messages about plain
// values decoded without positions.
func lineOfFile(ch *Chapter, s string) int {
	if ch.Track.pending == nil {
		return 0
	}
	data, err := fs.ReadFile(ch.Track.pending.fsys, ch.Slug+".yaml")
	if err != nil {
		return 0
	}
	return lineOf(data, s)
}

// resolveStages turns each check stage's until: into a full step id.
func resolveStages(t *Track, errs *Errors) {
	for _, ch := range t.Chapters {
		for _, s := range ch.Steps {
			if s.Check == nil {
				continue
			}
			for i := range s.Check.Stages {
				st := &s.Check.Stages[i]
				if st.UntilRef == "" {
					continue
				}
				if own := ch.stepBySlug(st.UntilRef); own != nil {
					st.Until = own.ID
					continue
				}
				target, err := t.FindStep(st.UntilRef)
				if err != nil {
					errs.add(s.Check.File, st.Line, "step %s: stage %s: until: %v", s.Slug, st.Name, err)
					continue
				}
				st.Until = target.ID
			}
		}
	}
}
