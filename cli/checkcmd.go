package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"hardway/check"
	"hardway/locales"
	"hardway/steps"
	"hardway/walk"
)

func (a *app) checkCommand() *cobra.Command {
	var input, hostName, stage string
	var exit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:  "check STEP --input FILE|-",
		Args: exactArgs(1, "STEP"),
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := a.track()
			if err != nil {
				return err
			}
			s, err := t.FindStep(args[0])
			if err != nil {
				return usageError{err}
			}
			if s.Check == nil {
				return usage("step %s has no check%s", s.ID, stepsWithChecks(s.Chapter))
			}
			if input == "" {
				return usage("check needs --input FILE (or --input - to read standard input)")
			}
			text, err := a.readInput(input)
			if err != nil {
				return usageError{err}
			}
			hosts, _ := s.CheckHosts()
			host, err := pickHost(t, hosts, hostName)
			if err != nil {
				return err
			}
			c, err := a.checkStage(t, s, host.Name, stage)
			if err != nil {
				return err
			}
			k, err := c.Build(t.DefaultVars().ForHost(host))
			if err != nil {
				return err
			}
			res := k.Evaluate(check.Output{Text: text, Exit: exit})
			// A check that compares hosts (distinct:) sees one host here.
			// An output without the value fails as it would beside the
			// others; one with it can only be compared by verify.
			cmp, _ := c.Comparison()
			var shown []string
			if cmp != nil {
				if shown = cmp.Values(text); len(shown) == 0 {
					res = check.Amend(res, cmp.Compare([]string{host.Name}, [][]string{nil})[0])
				}
			}
			if asJSON {
				return a.verdictJSON(s, host, c.Stage, res)
			}
			if c.Stage != "" {
				a.printf("%s %s\n", a.bold(a.msg("ui.stage")), c.Stage)
			}
			a.printVerdict(s, host, res)
			if !res.Pass {
				return errCheckFailed
			}
			if cmp != nil {
				a.printf("%s\n", a.dim(a.para(a.msg("ui.check_alone", cmp.Label, strings.Join(shown, ", "), s.ID))))
			}
			if c.Settle > 0 {
				// One output is one moment: say what verify adds.
				a.printf("%s\n", a.dim(a.para(a.msg("ui.check_one_moment", locales.Duration(a.lang, c.Settle), s.ID))))
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&input, "input", "i", "", "the captured output: a file, or - for standard input")
	cmd.Flags().StringVar(&hostName, "host", "", "the host the output came from (default: the first host the check runs on)")
	cmd.Flags().IntVar(&exit, "exit", check.ExitUnknown, "the command's exit status, if you know it")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the verdict as JSON")
	cmd.Flags().StringVar(&stage, "stage", "", "for a check whose expectation changes as the tutorial goes on, the stage to judge against (default: the one the lab's progress has reached, else the last)")
	return cmd
}

// checkStage picks the stage of a check with stages: the one named, else
// the one the lab's progress has reached, else the last (the finished
// tutorial's expectation).
func (a *app) checkStage(t *steps.Track, s *steps.Step, host, name string) (*steps.CheckSpec, error) {
	c := s.Check
	if len(c.Stages) == 0 {
		if name != "" {
			return nil, usage("step %s's check has no stages", s.ID)
		}
		return c, nil
	}
	if name != "" {
		i := c.StageNamed(name)
		if i < 0 {
			var names []string
			for _, st := range c.Stages {
				names = append(names, st.Name)
			}
			return nil, usage("step %s's check has no stage %q (stages: %s)", s.ID, name, strings.Join(names, ", "))
		}
		return c.InStage(i), nil
	}
	if prog := a.labProgress(); prog != nil {
		return walk.CheckNow(t, prog, s, host), nil
	}
	return c.InStage(len(c.Stages) - 1), nil
}

func (a *app) readInput(name string) (string, error) {
	var r io.Reader
	if name == "-" {
		r = a.env.Stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	// A check output is at most a few pages; refuse to read a disk image.
	const limit = 16 << 20
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return "", fmt.Errorf("%s: %v", name, err)
	}
	if len(data) > limit {
		return "", fmt.Errorf("%s: larger than 16 MiB; give the check command's output only", name)
	}
	return string(data), nil
}

func stepsWithChecks(ch *steps.Chapter) string {
	var ids []string
	for _, s := range ch.Steps {
		if s.Check != nil {
			ids = append(ids, s.Slug)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return "; steps of " + ch.Slug + " that have one: " + strings.Join(ids, ", ")
}

func (a *app) printVerdict(s *steps.Step, host steps.Host, res check.Result) {
	p, _ := s.Text(a.lang)
	a.printf("%s %s %s\n", a.bold(p.Title), a.dim(s.ID), a.dim("@ "+host.Name))
	for _, it := range res.Items {
		mark := a.green("✓")
		if !it.OK {
			mark = a.red("✗")
		}
		a.printf("%s\n", a.hanging("  "+mark+" ", "    ", it.Subject+": "+locales.Reason(a.lang, string(it.Reason.Code), it.Reason.Args...)))
	}
	if res.Pass {
		a.printf("%s\n", a.green(a.msg("ui.verdict_pass")))
		return
	}
	a.printf("%s\n", a.red(a.msg("ui.verdict_fail")))
	if p.Hint != "" {
		a.printf("\n%s\n%s\n", a.bold(a.msg("ui.hint")), a.prose(p.Hint))
	}
	if len(s.Diagnostics) > 0 {
		a.printf("\n%s\n", a.bold(a.msg("ui.look_at")))
		for _, d := range s.Diagnostics {
			a.printf("  %s\n", d)
		}
	}
}

type verdictJSON struct {
	Step  string     `json:"step"`
	Host  string     `json:"host"`
	Kind  string     `json:"kind"`
	Stage string     `json:"stage,omitempty"`
	Pass  bool       `json:"pass"`
	Items []itemJSON `json:"items"`
	Hint  string     `json:"hint,omitempty"`
}

type itemJSON struct {
	Subject string   `json:"subject"`
	OK      bool     `json:"ok"`
	Code    string   `json:"code"`
	Args    []string `json:"args,omitempty"`
	Message string   `json:"message"`
}

func (a *app) verdictJSON(s *steps.Step, host steps.Host, stage string, res check.Result) error {
	v := verdictJSON{Step: s.ID, Host: host.Name, Kind: s.Check.Kind, Stage: stage, Pass: res.Pass, Items: []itemJSON{}}
	for _, it := range res.Items {
		v.Items = append(v.Items, itemJSON{Subject: it.Subject, OK: it.OK, Code: string(it.Reason.Code), Args: it.Reason.Args,
			Message: locales.Reason(a.lang, string(it.Reason.Code), it.Reason.Args...)})
	}
	if !res.Pass {
		p, _ := s.Text(a.lang)
		v.Hint = p.Hint
	}
	if err := a.writeJSON(v); err != nil {
		return err
	}
	if !res.Pass {
		return errCheckFailed
	}
	return nil
}
