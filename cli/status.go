package cli

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"hardway/walk"
)

func (a *app) statusCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:  "status [CHAPTER]",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// Without an inventory (or with --rehearsal), the rehearsal's
			// progress.
			l, err := a.openProgressLab()
			if err != nil {
				return err
			}
			if l.pool != nil {
				defer l.pool.Close()
			}
			chapters, err := statusChapters(l.track, args)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printStatusJSON(l, chapters)
			}
			t := l.track
			title, _ := t.Title(a.lang)
			a.printf("%s %s — %s\n%s\n", a.bold(t.ID), t.Version, title, a.dim(l.engine.Progress.Path()))
			prog := l.engine.Progress
			for _, ch := range chapters {
				if len(ch.Steps) == 0 {
					continue
				}
				ctitle, _ := ch.Title(a.lang)
				a.printf("\n%s %s\n", a.bold(ch.Slug), ctitle)
				for _, s := range ch.Steps {
					hosts, _ := t.Resolve(s.Targets)
					var cells []string
					for _, h := range hosts {
						cells = append(cells, h.Name+" "+a.statusWord(prog.Get(s.ID, h.Name).Status))
					}
					marker := " "
					if s.ID == prog.Current() {
						marker = a.cyan("▸")
					}
					a.printf("%s %-30s %s\n", marker, s.Slug, strings.Join(cells, "  "))
				}
			}
			hosts := prog.Hosts()
			if len(hosts) > 0 {
				a.printf("\n%s\n", a.bold(a.msg("ui.carried_vars")))
				for _, h := range hosts {
					vars := prog.Vars(h)
					var names []string
					for k := range vars {
						names = append(names, k)
					}
					sort.Strings(names)
					for _, k := range names {
						a.printf("  %-14s %s=%s\n", h, k, shownValue(k, vars[k]))
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: every step's state on every host, and the carried variables (secrets hidden)")
	return cmd
}

// shownValue hides secrets: the learner sees that the value is there, not it.
func shownValue(name, value string) string {
	if walk.SecretName(name) {
		return "•••••• (" + walk.Redacted + ")"
	}
	return value
}
