package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/crypto/ssh"

	"hardway/steps"
	"hardway/walk"
)

func sshFingerprint(k ssh.PublicKey) string { return ssh.FingerprintSHA256(k) }

// pick resolves STEP or CHAPTER to the steps it names, in order.
func pickSteps(t *steps.Track, ref string) ([]*steps.Step, error) {
	if s, err := t.FindStep(ref); err == nil {
		return []*steps.Step{s}, nil
	} else if ch, cerr := t.FindChapter(ref); cerr == nil {
		if len(ch.Steps) == 0 {
			return nil, usage("chapter %s is not written yet", ch.Slug)
		}
		return ch.Steps, nil
	} else {
		return nil, usageError{err}
	}
}

func (a *app) runCommand() *cobra.Command {
	var only []string
	var yes, asJSON bool
	var through string
	cmd := &cobra.Command{
		Use:   "run STEP|CHAPTER|FROM..TO ...",
		Short: "Run a step (or every step of a chapter) on its hosts, then verify it",
		Long: `Run a step, or every step of a chapter in order, on its hosts at once over SSH,
then run its check. A chapter stops at the first step that does not pass.
A step you run yourself (ssh-keygen, a port-forward) stops the walk with "your
turn" until its check passes: do it, then verify it or run again.
Exit codes: 0 all passed, 1 a command or check failed, 2 usage or configuration
error, 3 a host could not be reached, 4 your turn: a step waits for you.`,
		Args: stepArgs(&through),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.walkSteps(args, through, only, yes, asJSON, false)
		},
	}
	cmd.Flags().StringVar(&through, "through", "", "fast-forward: run every step from the first one not yet passed to the end of this chapter (or step)")
	cmd.Flags().StringSliceVar(&only, "host", nil, "run only on these hosts (repeat, or comma-separated)")
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask before running")
	cmd.Flags().BoolVar(&a.acceptNew, "accept-new", false, "record the keys of hosts not yet in known_hosts without asking (changed keys are still refused)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print events as JSON lines")
	return cmd
}

func (a *app) verifyCommand() *cobra.Command {
	var only []string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "verify STEP|CHAPTER|FROM..TO ...",
		Short: "Re-check a step (or a chapter) on its hosts without running it",
		Args:  stepArgs(nil),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.walkSteps(args, "", only, true, asJSON, true)
		},
	}
	cmd.Flags().StringSliceVar(&only, "host", nil, "verify only on these hosts")
	cmd.Flags().BoolVar(&a.acceptNew, "accept-new", false, "record the keys of hosts not yet in known_hosts without asking")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print events as JSON lines")
	return cmd
}

// walkSteps runs (or verifies) the steps that refs name, and with through
// every step not yet passed up to there.
func (a *app) walkSteps(refs []string, through string, only []string, yes, asJSON, verifyOnly bool) error {
	ref := strings.TrimSpace(strings.Join(refs, " ") + " " + through)
	var l *lab
	var err error
	if a.rehearsal {
		l, err = a.openRehearsal()
	} else {
		l, err = a.openLab()
	}
	if err != nil {
		return err
	}
	if l.pool != nil {
		defer l.pool.Close()
	}
	list, err := pickAll(l.track, l.engine.Progress, refs, through)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		a.printf("%s\n", a.msg("ui.nothing_left", through))
		return nil
	}
	if verifyOnly {
		var checked []*steps.Step
		for _, s := range list {
			if s.Check != nil {
				checked = append(checked, s)
			}
		}
		if len(checked) == 0 {
			return usage("nothing to verify: %s has no check", ref)
		}
		list = checked
	}
	// Every host any of these steps touches, for the prompt and the prefix width.
	var all []steps.Host
	seen := map[string]bool{}
	for _, s := range list {
		sel := s.Targets
		if verifyOnly && len(s.Check.On) > 0 {
			sel = s.Check.On
		}
		hs, err := l.engine.Select(sel, only)
		if err != nil {
			if len(list) == 1 {
				return usageError{err}
			}
			continue
		}
		for _, h := range hs {
			if !seen[h.Name] {
				seen[h.Name] = true
				all = append(all, h)
			}
		}
		if s.Check != nil && len(s.Check.On) > 0 {
			if hs, err := l.engine.Select(s.Check.On, nil); err == nil {
				for _, h := range hs {
					if !seen[h.Name] {
						seen[h.Name] = true
						all = append(all, h)
					}
				}
			}
		}
	}
	var hostNames []string
	for _, h := range all {
		hostNames = append(hostNames, h.Name)
	}
	if len(list) > 1 && !asJSON {
		a.printPlan(list)
	}
	if !yes && !a.rehearsal {
		if !a.interactive() {
			return usage("%s", a.msg("ui.need_yes"))
		}
		if !a.confirm(a.msg("ui.confirm_run", fmt.Sprint(len(list)), strings.Join(hostNames, ", "))) {
			return usage("%s", a.msg("ui.not_run"))
		}
	}
	if l.pool != nil {
		if err := a.connect(l, all); err != nil {
			return err
		}
	}
	p := newPrinter(a, append([]string{"workstation"}, hostNames...), asJSON)
	p.transcript = l.engine.Transcript.Path()
	p.redact = l.engine.Redactor
	l.engine.Emit = p.event
	var reports []walk.StepReport
	failed, unreachable, yourTurn := false, false, false
	for _, s := range list {
		p.begin()
		if !asJSON {
			pr, _ := s.Text(a.lang)
			a.printf("\n%s %s %s\n", a.bold("▶ "+pr.Title), a.dim(s.ID), a.dim("→ "+hostList(l.track, s.Targets)))
			if m := a.mirrorMark(s, l.engine.Mirror); m != "" && !verifyOnly {
				a.printf("%s\n", a.yellow(m))
			}
		}
		var rep walk.StepReport
		if verifyOnly {
			rep, err = l.engine.Verify(a.ctx, s, only)
		} else {
			rep, err = l.engine.Run(a.ctx, s, only)
		}
		if err != nil {
			return usageError{err}
		}
		reports = append(reports, rep)
		if rep.YourTurn {
			yourTurn = true
			if !asJSON {
				var hosts []string
				for _, h := range rep.Hosts {
					if !h.Status.OK() {
						hosts = append(hosts, h.Host)
					}
				}
				a.printf("\n%s\n", a.yellow(a.msg("ui.your_turn", strings.Join(hosts, ", "), s.ID)))
			}
			break // later steps build on this one
		}
		if !rep.OK() {
			failed = true
			unreachable = rep.Unreachable()
			if !unreachable {
				// The expected output, what the outputs say, the hint.
				p.stepFailed(s)
			}
			break // later steps build on this one
		}
		if a.ctx.Err() != nil {
			failed = true
			break
		}
	}
	p.summary(reports)
	if !asJSON {
		a.printf("%s\n", a.dim(a.msg("ui.transcript_at", l.engine.Transcript.Path())))
	}
	switch {
	case unreachable:
		return unreachableError{a.msg("ui.unreachable_exit")}
	case failed:
		return errCheckFailed
	case yourTurn:
		return errYourTurn
	}
	return nil
}
