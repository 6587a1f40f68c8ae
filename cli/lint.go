package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"hardway/steps"
)

// lintFailed makes Main exit 1: the content has problems, which were printed.
type lintFailed struct{ n int }

func (e lintFailed) Error() string { return fmt.Sprintf("%d problems", e.n) }

func (a *app) lintCommand() *cobra.Command {
	var stale, markReviewed bool
	cmd := &cobra.Command{
		Use:  "lint [DIR]",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if markReviewed && len(args) == 0 {
				return usageError{fmt.Errorf("--mark-reviewed writes the prose files of a DIR: give it")}
			}
			var tracks []*steps.Track
			var problems steps.Errors
			if len(args) == 1 {
				ts, err := loadDir(args[0])
				if err != nil {
					if errs, ok := err.(steps.Errors); ok {
						problems = append(problems, errs...)
					} else {
						return usageError{err}
					}
				}
				tracks = ts
			} else {
				all, err := a.allTracks()
				if err != nil {
					return err
				}
				tracks = all
			}
			if stale || markReviewed {
				return a.lintStale(tracks, markReviewed)
			}
			var nSteps, nChecks, nSamples int
			for _, t := range tracks {
				problems = append(problems, steps.Lint(t)...)
				for _, s := range t.Steps() {
					nSteps++
					if s.Check != nil {
						nChecks++
						nSamples += len(s.Check.AllSamples())
					}
				}
			}
			for _, p := range problems {
				fmt.Fprintln(a.env.Stdout, p.Error())
			}
			if len(problems) > 0 {
				a.printf("%s\n", a.red(a.msg("ui.lint_problems", fmt.Sprint(len(problems)))))
				return lintFailed{len(problems)}
			}
			a.printf("%s\n", a.green(a.msg("ui.lint_ok", fmt.Sprint(len(tracks)), fmt.Sprint(nSteps), fmt.Sprint(nChecks), fmt.Sprint(nSamples))))
			return nil
		},
	}
	cmd.Flags().BoolVar(&stale, "stale", false, "list only the Korean and Japanese step sections whose English changed since they were written")
	cmd.Flags().BoolVar(&markReviewed, "mark-reviewed", false, "record the current English revision in DIR's stale translations (after reviewing them)")
	return cmd
}

// lintStale lists the translations whose English changed since they were
// written (exit 1 when there are some), or marks them reviewed.
func (a *app) lintStale(tracks []*steps.Track, mark bool) error {
	n := 0
	for _, t := range tracks {
		if mark {
			marked, err := steps.MarkReviewed(t)
			if err != nil {
				return err
			}
			a.printf("%s: %d\n", t.ID, marked)
			continue
		}
		for _, s := range steps.StaleSections(t) {
			fmt.Fprintln(a.env.Stdout, s.Error().Error())
			n++
		}
	}
	if n > 0 {
		return lintFailed{n}
	}
	return nil
}
