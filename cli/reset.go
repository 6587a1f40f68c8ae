package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"hardway/steps"
)

// resetCommand forgets progress so that a step, a chapter or the whole walk
// starts over. It asks first and never touches the hosts: what the steps
// did there stays as it is.
func (a *app) resetCommand() *cobra.Command {
	var all, yes bool
	cmd := &cobra.Command{
		Use:   "reset [STEP|CHAPTER|--all]",
		Short: "Forget the progress of a step, a chapter or everything (the hosts are not touched)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if all == (len(args) == 1) {
				return usage("reset: give a STEP or a CHAPTER, or --all")
			}
			l, err := a.openProgressLab()
			if err != nil {
				return err
			}
			if l.pool != nil {
				defer l.pool.Close()
			}
			var list []*steps.Step
			question := a.msg("reset.confirm_all", l.engine.Progress.Path())
			if all {
				list = l.track.Steps()
			} else if list, err = pickSteps(l.track, args[0]); err != nil {
				return err
			} else {
				question = a.msg("reset.confirm", args[0], l.engine.Progress.Path())
			}
			if !yes {
				if !a.interactive() {
					return usage("%s", a.msg("ui.need_yes"))
				}
				if !a.confirm(question) {
					return usage("%s", a.msg("reset.not_reset"))
				}
			}
			if all {
				// Everything, the carried variables too: the file goes.
				if err := os.Remove(l.engine.Progress.Path()); err != nil && !os.IsNotExist(err) {
					return err
				}
				a.printf("%s\n", a.msg("reset.done_all", l.engine.Progress.Path()))
				return nil
			}
			forgot := 0
			for _, s := range list {
				for _, h := range l.track.HostNames() {
					ok, err := l.engine.Progress.Unset(s.ID, h)
					if err != nil {
						return err
					}
					if ok {
						forgot++
					}
				}
			}
			a.printf("%s\n", a.msg("reset.done", fmt.Sprint(forgot), fmt.Sprint(len(list)), args[0]))
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "forget all progress of the lab, carried variables too")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask first")
	return cmd
}

// openProgressLab opens the lab whose progress a command reads or changes:
// the inventory's, else (without one, or with --rehearsal) the rehearsal's.
func (a *app) openProgressLab() (*lab, error) {
	if _, noInv := a.inventoryPath(); a.rehearsal || noInv != nil {
		return a.openRehearsal()
	}
	return a.openLab()
}
