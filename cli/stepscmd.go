package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"hardway/steps"
	"hardway/walk"
)

func (a *app) stepsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:  "steps [CHAPTER]",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := a.track()
			if err != nil {
				return err
			}
			chapters := t.Chapters
			if len(args) == 1 {
				ch, err := t.FindChapter(args[0])
				if err != nil {
					return usageError{err}
				}
				chapters = []*steps.Chapter{ch}
			}
			prog := a.labProgress() // nil without a lab: the catalogue only
			if asJSON {
				return a.stepsJSON(t, chapters, prog)
			}
			title, _ := t.Title(a.lang)
			a.printf("%s %s — %s\n", a.bold(t.ID), t.Version, title)
			width := slugWidth(chapters)
			for _, ch := range chapters {
				ctitle, fb := t.Chapter(ch.Slug).Title(a.lang)
				a.printf("\n%s %s%s\n", a.bold(ch.Slug), ctitle, a.fallbackNote(fb))
				if len(ch.Steps) == 0 {
					note := a.msg("ui.chapter_not_written")
					if ch.Written() {
						note = a.msg("ui.chapter_nothing_to_run")
					}
					a.printf("  %s\n", a.dim(note))
					continue
				}
				for _, s := range ch.Steps {
					p, fb := s.Text(a.lang)
					kind := ""
					if s.Check != nil {
						kind = a.cyan("✓ " + s.Check.Kind)
					}
					if s.Manual {
						kind = a.yellow(a.msg("ui.manual"))
					}
					a.printf("  %-*s %s%s\n", width, s.Slug, p.Title, a.fallbackNote(fb))
					marks := strings.TrimSpace(strings.Join([]string{a.dim("→ " + hostList(t, s.Targets)), kind}, " ") + a.originNote(t, s) + a.progressNote(prog, s))
					a.printf("  %-*s %s\n", width, "", marks)
				}
			}
			a.printf("\n%s\n", a.dim(a.msg("ui.steps_legend")))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: every step with its targets, commands and check")
	return cmd
}

// slugWidth is the width of the step column: the longest step name shown,
// so that no name pushes its title out of line.
func slugWidth(chapters []*steps.Chapter) int {
	width := 20
	for _, ch := range chapters {
		for _, s := range ch.Steps {
			width = max(width, len(s.Slug))
		}
	}
	return width
}

// originNote marks a variant's steps: taken from the base as they are,
// replaced, or inserted.
func (a *app) originNote(t *steps.Track, s *steps.Step) string {
	note := ""
	if s.Extra {
		note += "  " + a.dim("["+a.msg("ui.extra_step")+"]")
	}
	if s.Origin != "" {
		note += "  " + a.dim("["+a.msg("ui.origin_"+s.Origin, t.Base)+"]")
	}
	return note
}

func (a *app) fallbackNote(fallback bool) string {
	if !fallback {
		return ""
	}
	return " " + a.yellow(a.msg("ui.fallback", a.lang.Name()))
}

type stepsJSON struct {
	Track    string        `json:"track"`
	Version  string        `json:"version"`
	Chapters []chapterJSON `json:"chapters"`
}

type chapterJSON struct {
	Slug     string     `json:"slug"`
	Title    string     `json:"title"`
	Complete bool       `json:"complete"`
	Steps    []stepJSON `json:"steps"`
}

type stepJSON struct {
	ID       string     `json:"id"`
	Chapter  string     `json:"chapter"`
	Title    string     `json:"title"`
	Targets  []string   `json:"targets"`
	Hosts    []string   `json:"hosts"`
	Commands []string   `json:"commands"`
	Manual   bool       `json:"manual,omitempty"`
	Origin   string     `json:"origin,omitempty"` // in a variant: base, replaced or inserted
	Extra    bool       `json:"extra,omitempty"`  // hardway's step, not a tutorial block
	Defines  []string   `json:"defines,omitempty"`
	Carries  []string   `json:"carries,omitempty"`
	DoneIf   string     `json:"done_if,omitempty"`
	Check    *checkJSON `json:"check,omitempty"`
	// Progress is the lab's state of the step on each host that has one:
	// passed, done, marked (done by hand), skipped, failed, unreachable.
	Progress map[string]string `json:"progress,omitempty"`
}

type checkJSON struct {
	Kind     string   `json:"kind"`
	Command  string   `json:"command"`
	Tutorial bool     `json:"tutorial"`
	Hosts    []string `json:"hosts"`
	Every    string   `json:"every"`
	Timeout  string   `json:"timeout"`
	// Probe is what hardway runs after the check's command to see that a
	// service stays up; Settle how long it must keep passing.
	Probe  string `json:"probe,omitempty"`
	Settle string `json:"settle,omitempty"`
}

func (a *app) stepsJSON(t *steps.Track, chapters []*steps.Chapter, prog *walk.Progress) error {
	vars := t.DefaultVars()
	out := stepsJSON{Track: t.ID, Version: t.Version, Chapters: []chapterJSON{}}
	for _, ch := range chapters {
		ctitle, _ := ch.Title(a.lang)
		cj := chapterJSON{Slug: ch.Slug, Title: ctitle, Complete: ch.Written(), Steps: []stepJSON{}}
		for _, s := range ch.Steps {
			hosts, _ := s.TargetHosts()
			hv := vars
			if len(hosts) > 0 {
				hv = vars.ForHost(hosts[0])
			}
			p, _ := s.Text(a.lang)
			sj := stepJSON{ID: s.ID, Chapter: ch.Slug, Title: p.Title, Targets: s.Targets, Hosts: names(hosts),
				Manual: s.Manual, Origin: s.Origin, Extra: s.Extra, Defines: s.Defines, Commands: []string{}}
			for _, c := range s.Commands {
				sj.Commands = append(sj.Commands, mustRender(c, hv))
			}
			if s.DoneIf != "" {
				sj.DoneIf = mustRender(s.DoneIf, hv)
			}
			if prog != nil {
				for _, h := range hosts {
					if st := prog.Get(s.ID, h.Name).Status; st != walk.NotRun {
						if sj.Progress == nil {
							sj.Progress = map[string]string{}
						}
						sj.Progress[h.Name] = string(st)
					}
				}
			}
			for _, c := range t.Carried(s) {
				sj.Carries = append(sj.Carries, c.Name)
			}
			if s.Check != nil {
				chosts, _ := s.CheckHosts()
				sj.Check = &checkJSON{Kind: s.Check.Kind, Command: mustRender(s.Check.Run, hv), Tutorial: s.Check.Tutorial,
					Hosts: names(chosts), Every: s.Check.Interval.String(), Timeout: s.Check.Timeout.String(),
					Probe: s.Check.Probe(hv)}
				if s.Check.Settle > 0 {
					sj.Check.Settle = s.Check.Settle.String()
				}
			}
			cj.Steps = append(cj.Steps, sj)
		}
		out.Chapters = append(out.Chapters, cj)
	}
	return a.writeJSON(out)
}

func names(hosts []steps.Host) []string {
	out := make([]string, len(hosts))
	for i, h := range hosts {
		out[i] = h.Name
	}
	return out
}

// mustRender fills placeholders; lint guarantees they are known, and if one
// is not the text is shown as it is rather than hidden.
func mustRender(s string, vars steps.Vars) string {
	r, err := steps.Render(s, vars)
	if err != nil {
		return s
	}
	return r
}
