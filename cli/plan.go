package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"hardway/steps"
)

// stepArgs accepts one or more STEP, CHAPTER or FROM..TO arguments; with
// --through (when through is given) none is needed.
func stepArgs(through *string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 || (through != nil && *through != "") {
			return nil
		}
		if through != nil {
			return usage("%s: give a STEP, a CHAPTER, a range FROM..TO or --through CHAPTER", cmd.CommandPath())
		}
		return usage("%s: give a STEP, a CHAPTER or a range FROM..TO", cmd.CommandPath())
	}
}

// printPlan shows what a walk of several steps will do before it starts:
// each chapter with its first and last step, and the steps that are the
// learner's to run, where the walk will stop.
func (a *app) printPlan(list []*steps.Step) {
	a.printf("%s\n", a.bold(a.msg("ui.plan", fmt.Sprint(len(list)))))
	for i := 0; i < len(list); {
		ch := list[i].Chapter
		j := i
		for j < len(list) && list[j].Chapter == ch {
			j++
		}
		title, _ := ch.Title(a.lang)
		span := list[i].Slug
		if j-i > 1 {
			span += " … " + list[j-1].Slug
		}
		a.printf("  %s %s %s\n", ch.Slug, a.dim("("+span+")"), title)
		for _, s := range list[i:j] {
			if s.Yourself {
				a.printf("    %s\n", a.yellow(a.msg("ui.plan_yours", s.ID)))
			}
		}
		i = j
	}
}
