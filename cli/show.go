package cli

import (
	"fmt"
	labpkg "hardway/lab"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"hardway/inventory"
	"hardway/locales"
	"hardway/steps"
	"hardway/walk"
)

func (a *app) showCommand() *cobra.Command {
	var hostName string
	var verbose bool
	cmd := &cobra.Command{
		Use:  "show STEP",
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
			return a.show(t, s, hostName, verbose)
		},
	}
	cmd.Flags().StringVar(&hostName, "host", "", "show the command as it runs on this host")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "also show the check's samples and the diagnostics")
	return cmd
}

// exactArgs is cobra.ExactArgs with a message that names the argument.
func exactArgs(n int, name string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usage("%s needs %s (see hardway %s --help)", cmd.Name(), name, cmd.Name())
		}
		return nil
	}
}

// pickHost returns the host to render for: the named one, which must be a
// target, or the first target.
func pickHost(t *steps.Track, hosts []steps.Host, name string) (steps.Host, error) {
	if name == "" {
		if len(hosts) == 0 {
			return steps.Host{}, nil
		}
		return hosts[0], nil
	}
	for _, h := range hosts {
		if h.Name == name {
			return h, nil
		}
	}
	if _, known := t.Host(name); known {
		return steps.Host{}, usage("this step does not run on %s; it runs on %s", name, strings.Join(names(hosts), ", "))
	}
	return steps.Host{}, usageError{&steps.NotFoundError{What: "host", Name: name, Nearest: steps.Nearest(name, t.HostNames(), 3)}}
}

func (a *app) show(t *steps.Track, s *steps.Step, hostName string, verbose bool) error {
	hosts, err := s.TargetHosts()
	if err != nil {
		return err
	}
	host, err := pickHost(t, hosts, hostName)
	if err != nil {
		return err
	}
	vars, fromInventory, err := a.shownVars(t, host)
	if err != nil {
		return err
	}
	p, fb := s.Text(a.lang)
	ctitle, _ := s.Chapter.Title(a.lang)
	index := 0
	for i, x := range s.Chapter.Steps {
		if x == s {
			index = i + 1
		}
	}
	a.printf("%s\n", a.dim(a.para(fmt.Sprintf("%s · %s · %s", t.ID, ctitle, a.msg("ui.step_n_of_m", fmt.Sprint(index), fmt.Sprint(len(s.Chapter.Steps)))))))
	a.printf("%s%s\n", a.bold(a.para(p.Title)), a.fallbackNote(fb))
	a.printf("%s\n\n", a.dim(s.ID))
	if p.Body != "" {
		a.printf("%s\n\n", a.prose(p.Body))
	}

	a.printf("%s\n", a.labelled(a.msg("ui.runs_on"), hostList(t, s.Targets)))
	if fromInventory != "" {
		a.printf("%s\n", a.dim(a.para(a.msg("ui.values_from", fromInventory))))
	}
	if hostName == "" && len(hosts) > 1 && usesHostPlaceholder(s) {
		a.printf("%s\n", a.dim(a.para(a.msg("ui.shown_for_host", host.Name))))
	}
	switch {
	case s.Yourself:
		a.printf("%s\n", a.yellow(a.para(a.msg("ui.yourself_note"))))
	case s.Manual:
		a.printf("%s\n", a.yellow(a.para(a.msg("ui.manual_note"))))
	}
	if s.Extra {
		a.printf("%s\n", a.dim(a.para(a.msg("ui.extra_step"))))
	}
	mirrorURL, err := a.shownMirror()
	if err != nil {
		return err
	}
	if m := a.mirrorMark(s, mirrorURL); m != "" {
		a.printf("%s\n", a.yellow(a.para(m)))
	}
	a.printf("\n")
	for _, c := range s.Commands {
		a.printf("%s\n", a.code(strings.TrimRight(mustRender(c, vars), "\n")))
		a.printf("\n")
	}
	if len(s.Defines) > 0 {
		a.printf("%s\n", a.labelled(a.msg("ui.defines"), strings.Join(s.Defines, ", ")))
	}
	carriedVals := a.carriedValues(host.Name)
	if carried := t.Carried(s); len(carried) > 0 {
		var parts []string
		for _, c := range carried {
			part := c.Name + " ← " + c.From.ID
			if v, ok := carriedVals[c.Name]; ok {
				part += " = " + shownValue(c.Name, v)
			}
			parts = append(parts, part)
		}
		a.printf("%s\n", a.labelled(a.msg("ui.carries"), strings.Join(parts, "; ")))
	}
	if verbose && len(s.Commands) > 0 && !s.Manual {
		var blocks []string
		for _, c := range s.Commands {
			blocks = append(blocks, mustRender(c, vars))
		}
		red := labpkg.Redactor(a.labProgress(), a.labInventory())
		for k, v := range carriedVals {
			if walk.SecretName(k) {
				red.Add(v)
			}
		}
		a.printf("\n%s\n%s\n", a.bold(a.msg("ui.wrapper", host.Name)), a.dim(red.Redact(walk.ShownScript(carriedVals, blocks, s.Defines, mirrorURL, s.DownloadURLs(vars)))))
	}
	if s.DoneIf != "" {
		a.printf("%s\n", a.labelled(a.msg("ui.done_if"), mustRender(s.DoneIf, vars)))
	}
	if c := s.Check; c != nil {
		chosts, _ := s.CheckHosts()
		timing := a.msg("ui.check_once")
		if c.Timeout > 0 {
			timing = a.msg("ui.check_timing", locales.Duration(a.lang, c.Interval), locales.Duration(a.lang, c.Timeout))
		}
		a.printf("\n%s\n", a.labelled(a.msg("ui.check"), c.Kind+" ("+timing+")"))
		a.printf("%s\n", a.para(a.msg("ui.check_on")+" "+strings.Join(names(chosts), ", ")))
		// The check runs on its own hosts: render it for one of them (the
		// host asked for, when the check runs there), not for the
		// step's first host (the workstation that copies the files).
		vars := vars
		if ch, err := pickHost(t, chosts, hostName); err == nil && ch.Name != "" {
			vars, _, _ = a.shownVars(t, ch)
			if len(chosts) > 1 && hostName == "" {
				a.printf("%s\n", a.dim(a.para(a.msg("ui.shown_for_host", ch.Name))))
			}
		} else if len(chosts) > 0 {
			vars, _, _ = a.shownVars(t, chosts[0])
		}
		a.printf("%s\n", a.code(strings.TrimRight(mustRender(c.Run, vars), "\n")))
		if probe := c.Probe(vars); probe != "" {
			a.printf("%s\n%s\n", a.dim(a.para(a.msg("ui.check_probe"))), a.code(probe))
		}
		if c.Settle > 0 {
			a.printf("%s\n", a.dim(a.para(a.msg("ui.check_settle", locales.Duration(a.lang, c.Settle)))))
		}
		if cmp, err := c.Comparison(); err == nil && cmp != nil {
			a.printf("%s\n", a.dim(a.para(a.msg("ui.check_distinct", cmp.Label))))
		}
		if p.Hint != "" {
			a.printf("\n%s\n%s\n", a.bold(a.msg("ui.hint")), a.prose(p.Hint))
		}
		for i, st := range c.Stages {
			until := a.msg("ui.stage_last")
			if st.Until != "" {
				until = a.msg("ui.stage_until", st.Until)
			}
			a.printf("%s\n", a.labelled(a.msg("ui.stage"), st.Name+" ("+until+")"))
			if verbose {
				a.printSamples(c.InStage(i).Samples, vars)
			}
		}
		if verbose {
			a.printSamples(c.Samples, vars)
		}
	}
	if verbose && len(s.Diagnostics) > 0 {
		a.printf("\n%s\n", a.bold(a.msg("ui.diagnostics")))
		for _, d := range s.Diagnostics {
			a.printf("  %s\n", mustRender(d, vars))
		}
	}
	return nil
}

func (a *app) printSamples(samples []steps.Sample, vars steps.Vars) {
	for _, sm := range samples {
		sm.Output = sm.OutputFor(vars).Text
		verdict := a.green(a.msg("ui.sample_pass"))
		if !sm.Pass {
			verdict = a.red(a.msg("ui.sample_fail"))
		}
		a.printf("\n%s %s\n%s", verdict, a.sampleNote(sm.Note), indent(sm.Output, "  | "))
	}
}

func usesHostPlaceholder(s *steps.Step) bool {
	all := strings.Join(s.Commands, "\n")
	if s.Check != nil {
		all += s.Check.Run
	}
	for _, n := range steps.Placeholders(all) {
		if n == "host" || n == "host.address" {
			return true
		}
	}
	return false
}

func indent(s, prefix string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return prefix + "\n"
	}
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix) + "\n"
}

// carriedValues are the variables the lab's progress holds for a host, when
// there is an inventory here; nothing otherwise (show needs no lab).
func (a *app) carriedValues(host string) map[string]string {
	prog := a.labProgress()
	if prog == nil {
		return nil
	}
	return prog.Vars(host)
}

// shownVars are the values run would use on host: the inventory's, when
// there is one for this track (its path is returned), else the tutorial's.
// A broken inventory is an error: show must not display other values than
// run would use.
func (a *app) shownVars(t *steps.Track, host steps.Host) (steps.Vars, string, error) {
	inv, it, err := a.loadInventory()
	if err != nil {
		return nil, "", usageError{err}
	}
	if inv == nil || it.ID != t.ID {
		return t.DefaultVars().ForHost(host), "", nil
	}
	return inv.Placeholders(t).ForHost(inv.TrackHost(t, host.Name)), inv.File, nil
}

// labInventory is the inventory here, when it loads; nil otherwise.
func (a *app) labInventory() *inventory.Inventory {
	inv, _, _ := a.loadInventory()
	return inv
}

// loadInventory loads the inventory here with its track; nil and no error
// when there is none.
func (a *app) loadInventory() (*inventory.Inventory, *steps.Track, error) {
	path, err := a.inventoryPath()
	if err != nil {
		return nil, nil, nil
	}
	tracks, err := a.tracksFor(a.inventoryTrack())
	if err != nil {
		return nil, nil, err
	}
	return inventory.Load(path, tracks)
}

// labProgress is the progress of the lab the inventory describes, when there
// is one for the track in use; nil otherwise (read-only use).
func (a *app) labProgress() *walk.Progress {
	inv, t, err := a.loadInventory()
	if inv == nil || err != nil || (a.trackFlag != "" && t.ID != a.trackFlag) {
		return nil
	}
	path := inv.File
	state, err := a.stateDir(path)
	if err != nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(state, "progress.json")); err != nil {
		return nil
	}
	prog, err := walk.OpenProgress(filepath.Join(state, "progress.json"), t.ID)
	if err != nil {
		return nil
	}
	return prog
}
