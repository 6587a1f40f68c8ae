package cli

import (
	"encoding/json"

	"hardway/steps"
)

// statusChapters is the chapter asked for, or every chapter.
func statusChapters(t *steps.Track, args []string) ([]*steps.Chapter, error) {
	if len(args) == 0 {
		return t.Chapters, nil
	}
	ch, err := t.FindChapter(args[0])
	if err != nil {
		return nil, usageError{err}
	}
	return []*steps.Chapter{ch}, nil
}

type statusJSON struct {
	Track    string                       `json:"track"`
	Version  string                       `json:"version"`
	Progress string                       `json:"progress"`
	Current  string                       `json:"current,omitempty"`
	Chapters []statusChapterJSON          `json:"chapters"`
	Vars     map[string]map[string]string `json:"vars"`
}

type statusChapterJSON struct {
	Chapter string           `json:"chapter"`
	Title   string           `json:"title"`
	Steps   []statusStepJSON `json:"steps"`
}

type statusStepJSON struct {
	ID     string                    `json:"id"`
	Passed bool                      `json:"passed"` // every host can move on from it
	Hosts  map[string]statusHostJSON `json:"hosts"`
}

type statusHostJSON struct {
	Status string `json:"status"` // "" not run yet, passed, done, skipped, marked, failed, unreachable
	Exit   int    `json:"exit,omitempty"`
	At     string `json:"at,omitempty"`
	Note   string `json:"note,omitempty"`
}

// printStatusJSON is status for scripts: the same facts, secrets hidden.
func (a *app) printStatusJSON(l *lab, chapters []*steps.Chapter) error {
	t, prog := l.track, l.engine.Progress
	out := statusJSON{Track: t.ID, Version: t.Version, Progress: prog.Path(), Current: prog.Current(),
		Chapters: []statusChapterJSON{}, Vars: map[string]map[string]string{}}
	for _, ch := range chapters {
		title, _ := ch.Title(a.lang)
		c := statusChapterJSON{Chapter: ch.Slug, Title: title, Steps: []statusStepJSON{}}
		for _, s := range ch.Steps {
			st := statusStepJSON{ID: s.ID, Passed: stepPassed(s, prog), Hosts: map[string]statusHostJSON{}}
			hosts, _ := t.Resolve(s.Targets)
			for _, h := range hosts {
				hs := prog.Get(s.ID, h.Name)
				j := statusHostJSON{Status: string(hs.Status), Exit: hs.Exit, Note: hs.Note}
				if !hs.At.IsZero() {
					j.At = hs.At.Format("2006-01-02T15:04:05Z07:00")
				}
				st.Hosts[h.Name] = j
			}
			c.Steps = append(c.Steps, st)
		}
		out.Chapters = append(out.Chapters, c)
	}
	for _, h := range prog.Hosts() {
		out.Vars[h] = map[string]string{}
		for k, v := range prog.Vars(h) {
			out.Vars[h][k] = shownValue(k, v)
		}
	}
	enc := json.NewEncoder(a.env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
