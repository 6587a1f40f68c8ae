package steps

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"hardway/check"
	"hardway/locales"
)

// Lint checks what loading cannot: that targets exist, every step has prose
// in every language, every command is valid bash with every placeholder
// known, and every check passes its passing samples and fails its failing
// ones. It returns the problems in file order; none means the track is sound.
func Lint(t *Track) Errors {
	var errs Errors
	vars := t.DefaultVars()
	trackFile := t.Dir + "/" + TrackFile

	for _, lang := range locales.All {
		if p, ok := t.Prose[lang]; !ok || p.Title == "" {
			errs.add(t.Dir+"/"+ProseDir+"/"+string(lang)+"/track.md", 0, "track %s has no title in %s", t.ID, lang.Name())
		}
	}
	for k, v := range t.Vars {
		if strings.TrimSpace(v) == "" {
			errs.add(trackFile, 0, "vars: %s has no default value", k)
		}
	}
	for _, ch := range t.Chapters {
		for _, lang := range locales.All {
			if p, ok := ch.Prose[lang]; !ok || p.Title == "" {
				errs.add(t.Dir+"/"+ProseDir+"/"+string(lang)+"/"+ch.Slug+".md", 0,
					"chapter %s has no title in %s", ch.Slug, lang.Name())
			}
		}
		for _, s := range ch.Steps {
			if s.Origin != OriginBase {
				lintStep(s, vars, &errs)
				continue
			}
			// An inherited step is judged in the variant (its layout, its
			// vars); its problems are the variant's to fix.
			var own Errors
			lintStep(s, vars, &own)
			errs = append(errs, inVariant(s, own)...)
		}
	}
	lintStyle(t, &errs) // the glossary: one voice per language
	lintStale(t, &errs) // translations whose English changed since
	return errs
}

// inVariant moves the problems of a step a variant inherits to the
// variant's chapter file, naming where the step was written.
func inVariant(s *Step, errs Errors) Errors {
	chFile := s.Chapter.Track.Dir + "/" + s.Chapter.Slug + ".yaml"
	for _, e := range errs {
		if e.File == s.File || (s.Check != nil && e.File == s.Check.File) {
			at := e.File
			if e.Line > 0 {
				at += ":" + strconv.Itoa(e.Line)
			}
			// The base's file:line is said once, at the end.
			msg := strings.Replace(e.Msg, at+": ", "", 1)
			e.Msg = fmt.Sprintf("%s (step inherited from %s, %s: replace or drop it here)", msg, s.Chapter.Track.Base, at)
			e.File, e.Line = chFile, 0
		}
	}
	return errs
}

var assignRE = regexp.MustCompile(`(?m)(?:^|[\s{;(])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=`)

func lintStep(s *Step, vars Vars, errs *Errors) {
	t := s.Chapter.Track
	if _, err := t.Resolve(s.Targets); err != nil {
		errs.add(s.File, s.Line, "step %s: on: %v", s.Slug, err)
	}
	for _, lang := range locales.All {
		p, ok := s.Prose[lang]
		switch {
		case !ok:
			errs.add(t.Dir+"/"+ProseDir+"/"+string(lang)+"/"+s.Chapter.Slug+".md", 0,
				"step %s has no %s prose (## %s: Title)", s.Slug, lang.Name(), s.Slug)
		case p.Body == "":
			errs.add(p.File, p.Line, "step %s: the %s section is empty", s.Slug, lang.Name())
		case s.Check != nil && p.Hint == "":
			errs.add(p.File, p.Line, "step %s has a check but no %s hint (### hint)", s.Slug, lang.Name())
		}
	}
	// Commands may use per-host placeholders ({{host}}): fill them as for
	// the first target.
	cmdVars := vars
	if hosts, err := s.TargetHosts(); err == nil && len(hosts) > 0 {
		cmdVars = vars.ForHost(hosts[0])
	}
	for i, c := range s.Commands {
		lintCommand(s.File, s.Line, fmt.Sprintf("step %s: run block %d", s.Slug, i+1), c, cmdVars, errs)
	}
	for _, d := range s.Defines {
		found := false
		for _, c := range s.Commands {
			for _, m := range assignRE.FindAllStringSubmatch(c, -1) {
				if m[1] == d {
					found = true
				}
			}
		}
		if !found {
			errs.add(s.File, s.Line, "step %s: defines %s, but no run block assigns %s=", s.Slug, d, d)
		}
	}
	lintDownloads(s, cmdVars, errs)
	if s.DoneIf != "" {
		lintCommand(s.File, s.Line, "step "+s.Slug+": done_if", s.DoneIf, cmdVars, errs)
	}
	if s.OnlyIf != "" {
		lintCommand(s.File, s.Line, "step "+s.Slug+": only_if", s.OnlyIf, cmdVars, errs)
	}
	for i, d := range s.Diagnostics {
		lintCommand(s.File, s.Line, fmt.Sprintf("step %s: diagnostics %d", s.Slug, i+1), d, cmdVars, errs)
	}
	if s.Check != nil {
		lintCheck(s, vars, errs)
	}
}

func lintCheck(s *Step, vars Vars, errs *Errors) {
	c := s.Check
	if len(c.On) > 0 {
		if _, err := s.Chapter.Track.Resolve(c.On); err != nil {
			errs.add(c.File, c.Line, "step %s: check.on: %v", s.Slug, err)
		}
	}
	// Every check host judges the samples as that host would print them
	// (samples use the same placeholders as commands: {{host}}).
	var hosts []hostVars
	if hs, err := s.CheckHosts(); err == nil {
		for _, h := range hs {
			hosts = append(hosts, hostVars{h.Name, vars.ForHost(h)})
		}
	}
	if len(hosts) == 0 {
		hosts = []hostVars{{"", vars}}
	}
	lintCommand(c.File, c.Line, "step "+s.Slug+": check.run", c.Run, hosts[0].vars, errs)
	if len(c.Stages) == 0 {
		lintSamples(s, c, "", hosts, errs)
		return
	}
	for i, st := range c.Stages {
		if st.Until == s.ID {
			errs.add(c.File, st.Line, "step %s: stage %s: until: names the step itself, so the stage would end as soon as it passes", s.Slug, st.Name)
		}
		lintSamples(s, c.InStage(i), "stage "+st.Name+": ", hosts, errs)
	}
}

// hostVars are one check host's placeholder values.
type hostVars struct {
	name string
	vars Vars
}

// lintSamples: the check passes its passing samples and fails its failing
// ones, and has at least one of each.
func lintSamples(s *Step, c *CheckSpec, stage string, hosts []hostVars, errs *Errors) {
	var pass, fail int
	for _, sm := range c.Samples {
		if sm.Pass {
			pass++
		} else {
			fail++
		}
	}
	if pass == 0 {
		errs.add(c.File, c.Line, "step %s: %sthe check has no passing sample (pass:)", s.Slug, stage)
	}
	if fail == 0 {
		errs.add(c.File, c.Line, "step %s: %sthe check has no failing sample (fail:)", s.Slug, stage)
	}
	// A check that compares hosts judges each sample on all of them at once.
	compared := acrossHosts(c, hosts)
	if c.Distinct != "" {
		lintDistinct(s, c, stage, hosts, compared, errs)
	}
	for i, h := range hosts {
		k, err := c.Build(h.vars)
		if err != nil {
			errs.add(c.File, c.Line, "step %s: %s%v", s.Slug, stage, err)
			return
		}
		on := ""
		if len(hosts) > 1 {
			on = " on " + h.name
		}
		bad := false
		for si, sm := range c.Samples {
			res := k.Evaluate(sm.OutputFor(h.vars))
			if compared != nil {
				res = compared[si][i]
			}
			switch {
			case sm.Pass && !res.Pass:
				tip := "a sample that names a host uses {{host}}"
				if compared != nil {
					tip = "a value each host has its own of is written {{host.mac}}, {{host.uuid}} or with {{host}}"
				}
				errs.add(c.File, sm.Line, "step %s: %sthe passing sample %q fails%s: %s (%s)", s.Slug, stage, sm.Note, on, describeFailures(res), tip)
				bad = true
			case !sm.Pass && res.Pass && i == 0:
				// A failure is recorded on one host (node-0 holding
				// node-1's certificate): it must fail there.
				errs.add(c.File, sm.Line, "step %s: %sthe failing sample %q passes%s", s.Slug, stage, sm.Note, on)
				bad = true
			}
		}
		if bad {
			return // one host's problems are enough to read
		}
	}
}

func lintCommand(file string, line int, what, cmd string, vars Vars, errs *Errors) {
	rendered, err := Render(cmd, vars)
	if err != nil {
		errs.add(file, line, "%s: %v", what, err)
		return
	}
	if msg := BashSyntax(rendered); msg != "" {
		errs.add(file, line, "%s: bash -n: %s", what, msg)
	}
}

// BashSyntax runs `bash -n` on a script and returns its complaint, or "".
func BashSyntax(script string) string {
	cmd := exec.Command("bash", "-n")
	cmd.Stdin = strings.NewReader(script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return msg
		}
		return err.Error()
	}
	return ""
}

// describeFailures says in English why a result failed, for lint messages.
func describeFailures(r check.Result) string {
	var parts []string
	for _, it := range r.Failures() {
		parts = append(parts, it.Subject+": "+locales.Reason(locales.EN, string(it.Reason.Code), it.Reason.Args...))
	}
	return strings.Join(parts, "; ")
}
