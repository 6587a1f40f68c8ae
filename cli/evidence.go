package cli

import (
	"fmt"
	"sort"
	"strings"

	"hardway/check"
	"hardway/locales"
	"hardway/steps"
	"hardway/walk"
)

// What the command line shows when a step fails: on each failing host, the
// check command that ran, its last output and exit status next to the
// verdict; then, once for the step, the tutorial's expected output, what the
// outputs say on their own (a missing command, missing files) and the
// step's hint.

// evidenceLines is how much of a check's output is printed; the transcript
// has the whole of it.
const evidenceLines = 40

// runTailBytes bounds what is kept of a step command's output to explain
// its failure: the end, where the error is.
const runTailBytes = 64 << 10

// runCapture is a step command running on one host.
type runCapture struct {
	command string
	out     []byte // its last runTailBytes
}

func (c *runCapture) write(p []byte) {
	c.out = append(c.out, p...)
	if len(c.out) > 2*runTailBytes {
		c.out = append([]byte(nil), c.out[len(c.out)-runTailBytes:]...)
	}
}

// finding is one thing the outputs say about a failure, and where.
type finding struct {
	key   string // the same on every host that says it
	text  string
	hosts []string
	// conclusive findings explain the failure whatever the step: a step's
	// hint, written for the failures its check expects, would mislead.
	conclusive bool
}

// stepEvidence is what the printer gathers while one step runs.
type stepEvidence struct {
	attempts map[string]walk.Event // the last check attempt on each host
	runs     map[string]*runCapture
	findings []*finding
	stages   []string // of the failing verdicts, once each
	failed   bool     // a check failed somewhere
	// explained is set when a verdict's own reason explains the failure
	// whatever the step (a missing command): the hint would mislead.
	explained bool
}

func newStepEvidence() *stepEvidence {
	return &stepEvidence{attempts: map[string]walk.Event{}, runs: map[string]*runCapture{}}
}

// note adds what an output says on its own, once for all the hosts that
// say it, in the words of the first.
func (e *stepEvidence) note(host string, it check.Item, text string) {
	key := string(it.Reason.Code) + "\x00" + strings.Join(it.Reason.Args, "\x00")
	if it.Reason.Code == check.CommandNotFound || it.Reason.Code == check.CommandNotFoundPackage {
		// The shell's line names a script path that differs per host.
		key = string(it.Reason.Code) + "\x00" + it.Reason.Args[0]
	}
	for _, f := range e.findings {
		if f.key == key {
			f.hosts = append(f.hosts, host)
			return
		}
	}
	e.findings = append(e.findings, &finding{key: key, text: text, hosts: []string{host}, conclusive: conclusive(it.Reason.Code)})
}

// conclusive reports whether a reason explains a failure on its own.
func conclusive(code check.Code) bool {
	switch code {
	case check.CommandNotFound, check.CommandNotFoundPackage, check.CommandNotFoundExit:
		return true
	}
	return false
}

// runFailed explains a step command that exited non-zero on host.
func (p *printer) runFailed(host string, exit int) {
	c := p.ev.runs[host]
	if c == nil {
		return
	}
	for _, it := range check.Explain(check.Output{Text: string(c.out), Exit: exit, Command: c.command}) {
		p.ev.note(host, it, p.reason(it))
	}
}

// checkEvidence prints, before a failing verdict, the check command that
// ran on host, its last output and exit status.
func (p *printer) checkEvidence(host string) {
	at, ok := p.ev.attempts[host]
	if !ok {
		return
	}
	for i, l := range strings.Split(strings.TrimRight(at.Command, "\n"), "\n") {
		lead := "$ "
		if i > 0 {
			lead = "  "
		}
		fmt.Fprintf(p.out, "%s%s\n", p.prefix(host), p.a.bold(lead+l))
	}
	p.block(host, string(at.Data))
	status := p.a.msg("ui.exit_status", fmt.Sprint(at.Exit))
	if at.Exit != 0 {
		status = p.a.red(status)
	}
	fmt.Fprintf(p.out, "%s%s\n", p.prefix(host), status)
}

// block prints an output under a host's prefix, indented: its last
// evidenceLines lines, saying where the rest is.
func (p *printer) block(host, text string) {
	lines := p.outputLines(text)
	if len(lines) == 0 {
		fmt.Fprintf(p.out, "%s  %s\n", p.prefix(host), p.a.dim(p.a.msg("ui.no_output")))
		return
	}
	if n := len(lines) - evidenceLines; n > 0 {
		fmt.Fprintf(p.out, "%s  %s\n", p.prefix(host), p.a.dim(p.a.msg("ui.output_elided", fmt.Sprint(n), p.transcript)))
		lines = lines[n:]
	}
	for _, l := range lines {
		fmt.Fprintf(p.out, "%s  %s\n", p.prefix(host), l)
	}
}

// outputLines splits a captured output as a terminal shows it: a line
// redrawn with \r keeps its last state; colours only on a terminal.
func (p *printer) outputLines(text string) []string {
	text = strings.TrimRight(text, "\r\n")
	if strings.TrimSpace(check.StripANSI(text)) == "" {
		return nil
	}
	var out []string
	for _, l := range strings.Split(text, "\n") {
		out = append(out, p.clean(l))
	}
	return out
}

func (p *printer) clean(line string) string {
	line = strings.TrimRight(line, "\r")
	if i := strings.LastIndexByte(line, '\r'); i >= 0 {
		line = line[i+1:]
	}
	if !p.a.env.Color {
		line = check.StripANSI(line)
	}
	return line
}

// checkFailed records a failing verdict: its stage, and what the output
// says beyond the verdict's own reasons.
func (p *printer) checkFailed(host string, ev walk.Event) {
	p.ev.failed = true
	if !contains(p.ev.stages, ev.Stage) {
		p.ev.stages = append(p.ev.stages, ev.Stage)
	}
	said := map[check.Code]bool{}
	if ev.Result != nil {
		for _, it := range ev.Result.Failures() {
			said[it.Reason.Code] = true
			p.ev.explained = p.ev.explained || conclusive(it.Reason.Code)
		}
	}
	at, ok := p.ev.attempts[host]
	if !ok {
		return
	}
	for _, it := range check.Explain(check.Output{Text: string(at.Data), Exit: at.Exit, Command: at.Command}) {
		if !said[it.Reason.Code] {
			p.ev.note(host, it, p.reason(it))
		}
	}
}

func (p *printer) reason(it check.Item) string {
	return locales.Reason(p.a.lang, string(it.Reason.Code), it.Reason.Args...)
}

// stepFailed prints, once for a step that did not pass: the tutorial's
// expected output, what the outputs say, and the step's hint (unless the
// outputs explain the failure on their own).
func (p *printer) stepFailed(s *steps.Step) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.json {
		return
	}
	if p.ev.failed {
		p.expected(s)
	}
	hide := p.ev.explained
	if len(p.ev.findings) > 0 {
		fmt.Fprintf(p.out, "\n%s\n", p.a.bold(p.a.msg("ui.what_output_says")))
		for _, f := range p.ev.findings {
			sort.Strings(f.hosts)
			fmt.Fprintf(p.out, "%s\n", p.a.hanging("  "+p.a.red("✗")+" ", "    ", f.text+" ("+strings.Join(f.hosts, ", ")+")"))
			hide = hide || f.conclusive
		}
	}
	pr, _ := s.Text(p.a.lang)
	switch {
	case pr.Hint == "":
	case hide:
		fmt.Fprintf(p.out, "\n%s\n", p.a.dim(p.a.msg("ui.hint_not_shown", s.ID)))
	case len(p.ev.findings) > 0:
		fmt.Fprintf(p.out, "\n%s\n%s\n", p.a.bold(p.a.msg("ui.hint_general")), p.a.prose(pr.Hint))
	default:
		fmt.Fprintf(p.out, "\n%s\n%s\n", p.a.bold(p.a.msg("ui.hint")), p.a.prose(pr.Hint))
	}
}

// expected prints the first passing sample of each stage that failed:
// the output the tutorial shows for this check.
func (p *printer) expected(s *steps.Step) {
	if s.Check == nil {
		return
	}
	for _, stage := range p.ev.stages {
		sample, ok := passingSample(s.Check, stage)
		if !ok {
			continue
		}
		heading := p.a.bold(p.a.msg("ui.expected"))
		if stage != "" {
			heading += " " + p.a.dim(p.a.msg("ui.stage")+" "+stage)
		}
		fmt.Fprintf(p.out, "\n%s\n", heading)
		for _, l := range strings.Split(strings.TrimRight(sample.Output, "\n"), "\n") {
			fmt.Fprintf(p.out, "  %s\n", l)
		}
	}
}

// passingSample is the check's first passing sample in stage ("" for a
// check without stages).
func passingSample(c *steps.CheckSpec, stage string) (steps.Sample, bool) {
	samples := c.Samples
	if stage != "" {
		if i := c.StageNamed(stage); i >= 0 {
			samples = c.Stages[i].Samples
		}
	}
	for _, sm := range samples {
		if sm.Pass && strings.TrimSpace(sm.Output) != "" {
			return sm, true
		}
	}
	return steps.Sample{}, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
