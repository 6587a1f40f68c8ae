package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"hardway/walk"
)

func (a *app) markCommand() *cobra.Command {
	var only []string
	var note string
	var undo bool
	cmd := &cobra.Command{
		Use:  "mark STEP [--host H ...] [--note TEXT]",
		Args: exactArgs(1, "STEP"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.mark(args[0], only, note, undo)
		},
	}
	cmd.Flags().StringSliceVar(&only, "host", nil, "only on these hosts (repeat, or comma-separated); default: every host of the step")
	cmd.Flags().StringVar(&note, "note", "", "what you did, kept with the mark and in the transcript")
	cmd.Flags().BoolVar(&undo, "undo", false, "remove the mark instead")
	return cmd
}

func (a *app) mark(ref string, only []string, note string, undo bool) error {
	l, err := a.openLab()
	if err != nil {
		return err
	}
	defer l.pool.Close()
	s, err := l.track.FindStep(ref)
	if err != nil {
		return usageError{err}
	}
	targets, err := s.TargetHosts()
	if err != nil {
		return usageError{err}
	}
	hosts := names(targets)
	if len(only) > 0 {
		for _, h := range only {
			if !contains(hosts, h) {
				return usage("%s is not a host of %s (its hosts: %s)", h, s.ID, strings.Join(hosts, ", "))
			}
		}
		hosts = only
	}
	prog, tx := l.engine.Progress, l.engine.Transcript
	if undo {
		removed, err := walk.UnmarkByHand(prog, tx, s.ID, hosts)
		if err != nil {
			return err
		}
		if len(removed) > 0 {
			a.printf("%s\n", a.msg("ui.unmarked", s.ID, strings.Join(removed, ", ")))
		}
		if rest := without(hosts, removed); len(rest) > 0 {
			a.printf("%s\n", a.dim(a.msg("ui.not_marked", s.ID, strings.Join(rest, ", "))))
		}
		return nil
	}
	marked, kept, err := walk.MarkByHand(prog, tx, s.ID, hosts, note)
	if err != nil {
		return err
	}
	if len(marked) > 0 {
		a.printf("%s\n", a.cyan(a.msg("ui.marked", s.ID, strings.Join(marked, ", "))))
	}
	if len(kept) > 0 {
		a.printf("%s\n", a.dim(a.msg("ui.mark_passed_kept", s.ID, strings.Join(kept, ", "))))
	}
	return nil
}

// without is list less the names in drop, in order.
func without(list, drop []string) []string {
	var out []string
	for _, x := range list {
		if !contains(drop, x) {
			out = append(out, x)
		}
	}
	return out
}
