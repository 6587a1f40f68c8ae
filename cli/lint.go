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
	return &cobra.Command{
		Use:  "lint [DIR]",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
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
}
