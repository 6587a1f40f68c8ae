package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"hardway/locales"
	"hardway/steps"
)

// seen is what a check ran on a host and the last output it judged.
type seen struct {
	command, output string
	exit            int
}

// failureLines: each reason once, with every host it holds on, so six
// hosts failing alike read as one line.
func (m *Model) failureLines() []string {
	var order []string
	hostsOf := map[string][]string{}
	add := func(line, host string) {
		if _, ok := hostsOf[line]; !ok {
			order = append(order, line)
		}
		hostsOf[line] = append(hostsOf[line], host)
	}
	for _, h := range m.hosts() {
		if e, ok := m.lost[h]; ok {
			add(m.st.bad.Render(e), h)
			continue
		}
		r := m.verdicts[h]
		if r == nil || r.Pass {
			continue
		}
		for _, it := range r.Failures() {
			add(it.Subject+": "+locales.Reason(m.lang, string(it.Reason.Code), it.Reason.Args...), h)
		}
	}
	var out []string
	for _, line := range order {
		// Brackets keep the hosts apart from a reason that starts with a
		// name of its own ("controller-2: is a member but unstarted").
		out = append(out, "  "+m.st.bold.Render("["+strings.Join(hostsOf[line], ", ")+"]")+" "+line)
	}
	return out
}

// outputGroup is hosts whose check printed the same thing.
type outputGroup struct {
	hosts  []string
	output string
	exits  []int
	cmd    string
}

// groups gathers the judged hosts by identical output, in host order.
func (m *Model) groups() []outputGroup {
	var gs []outputGroup
	for _, h := range m.hosts() {
		e, ok := m.seen[h]
		if !ok {
			continue
		}
		found := false
		for i := range gs {
			if gs[i].output == e.output && gs[i].cmd == e.command {
				gs[i].hosts = append(gs[i].hosts, h)
				gs[i].exits = append(gs[i].exits, e.exit)
				found = true
				break
			}
		}
		if !found {
			gs = append(gs, outputGroup{hosts: []string{h}, output: e.output, exits: []int{e.exit}, cmd: e.command})
		}
	}
	return gs
}

// expected is the step's passing sample (in the stage judged) as host
// would print it; "" when the step has none.
func (m *Model) expected(host string) string {
	c := m.current().Check
	if c == nil {
		return ""
	}
	if i := c.StageNamed(m.checkStage); i >= 0 {
		c = c.InStage(i)
	}
	vars := hostVars(m.opt.Track, m.opt.Vars, host)
	for _, s := range c.Samples {
		if s.Pass {
			return s.OutputFor(vars).Text
		}
	}
	return ""
}

// evidenceArea: per group of hosts with identical output, what the check
// ran, the exit codes, and the expected output beside the actual one with
// the lines that differ marked ✗.
func (m *Model) evidenceArea(w, h int) []string {
	inner := w - 2
	var lines []string
	// The verdict, every reason and the hint, unabridged.
	for _, l := range m.statusLines(inner) {
		lines = append(lines, strings.TrimRight(l, " "))
	}
	gs := m.groups()
	if len(gs) == 0 {
		lines = append(lines, m.st.dim.Render(m.t("tui.no_evidence")))
	} else {
		lines = append(lines, "", m.st.dim.Render(m.t("tui.differs_mark")))
	}
	for _, g := range gs {
		mark := m.st.ok.Render("✓")
		if r := m.verdicts[g.hosts[0]]; r != nil && !r.Pass {
			mark = m.st.bad.Render("✗")
		}
		title := mark + " " + m.st.bold.Render(strings.Join(g.hosts, ", "))
		if len(g.hosts) > 1 {
			title += m.st.dim.Render(" · " + m.t("tui.same_output"))
		}
		var codes []string
		for i, hst := range g.hosts {
			codes = append(codes, fmt.Sprintf("%s %d", hst, g.exits[i]))
		}
		lines = append(lines, "", title, m.st.dim.Render(m.t("tui.exit_codes")+" "+strings.Join(codes, ", ")))
		lines = append(lines, m.st.dim.Render(m.t("tui.check_ran")))
		prompt := "$ "
		for _, l := range strings.Split(strings.TrimRight(g.cmd, "\n"), "\n") {
			lines = append(lines, wrapMarked(prompt+l, inner)...)
			prompt = "  "
		}
		want := m.expected(g.hosts[0])
		lines = append(lines, m.sideBySide(want, g.output, inner)...)
	}
	return scrollBox(" "+m.t("tui.evidence")+" ", lines, &m.evidenceScroll, w, h, m.st.dim)
}

// sideBySide puts expected and actual in two columns (one above the other
// when narrow); a line of one that the other lacks is marked ✗.
func (m *Model) sideBySide(want, got string, w int) []string {
	wl, gl := splitLines(want), splitLines(got)
	inWant, inGot := lineSet(wl), lineSet(gl)
	mark := func(l string, other map[string]bool) string {
		if other[normal(l)] {
			return "  " + l
		}
		return m.st.bad.Render("✗ ") + l
	}
	var left, right []string
	for _, l := range wl {
		left = append(left, mark(l, inGot))
	}
	for _, l := range gl {
		right = append(right, mark(l, inWant))
	}
	if len(wl) == 0 {
		left = []string{m.st.dim.Render("  —")}
	}
	lt, rt := m.st.dim.Render(m.t("tui.expected")), m.st.dim.Render(m.t("tui.actual"))
	if w < 70 {
		out := []string{lt}
		for _, l := range left {
			out = append(out, wrapMarked(l, w)...)
		}
		out = append(out, rt)
		for _, l := range right {
			out = append(out, wrapMarked(l, w)...)
		}
		return out
	}
	col := (w - 3) / 2
	var lcol, rcol []string
	lcol = append(lcol, lt)
	rcol = append(rcol, rt)
	for _, l := range left {
		lcol = append(lcol, wrapMarked(l, col)...)
	}
	for _, l := range right {
		rcol = append(rcol, wrapMarked(l, col)...)
	}
	var out []string
	for i := 0; i < max(len(lcol), len(rcol)); i++ {
		l, r := "", ""
		if i < len(lcol) {
			l = lcol[i]
		}
		if i < len(rcol) {
			r = rcol[i]
		}
		out = append(out, fit(l, col)+m.st.dim.Render(" │ ")+r)
	}
	return out
}

func splitLines(s string) []string {
	s = strings.TrimRight(ansi.Strip(s), "\n")
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
}

// normal compares lines by their words: column padding differs between
// versions of a tool without saying anything.
func normal(l string) string { return strings.Join(strings.Fields(l), " ") }

func lineSet(ls []string) map[string]bool {
	out := map[string]bool{}
	for _, l := range ls {
		out[normal(l)] = true
	}
	return out
}

// hostVars is the variables as host sees them.
func hostVars(tr *steps.Track, v steps.Vars, host string) steps.Vars {
	if th, ok := tr.Host(host); ok {
		return v.ForHost(th)
	}
	return v
}
