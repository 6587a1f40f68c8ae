package tui

import (
	"fmt"
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"hardway/locales"
	"hardway/locales/textlayout"
	"hardway/steps"
	"hardway/walk"
)

// styles are the few the UI uses; with NO_COLOR every one renders plain.
type styles struct {
	bold, dim, accent, ok, bad, warn, focus, banner lipgloss.Style
}

func newStyles(noColor bool) styles {
	if noColor {
		p := lipgloss.NewStyle()
		return styles{p, p, p, p, p, p, p.Reverse(true), p.Reverse(true)}
	}
	s := lipgloss.NewStyle()
	return styles{
		bold: s.Bold(true), dim: s.Faint(true), accent: s.Foreground(lipgloss.Color("6")),
		ok: s.Foreground(lipgloss.Color("2")), bad: s.Foreground(lipgloss.Color("1")), warn: s.Foreground(lipgloss.Color("3")),
		focus: s.Foreground(lipgloss.Color("6")).Bold(true), banner: s.Background(lipgloss.Color("3")).Foreground(lipgloss.Color("0")),
	}
}

func (m *Model) t(key string, args ...string) string { return locales.Msg(m.lang, key, args...) }

// View renders the screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	return v
}

// render is the whole screen as text, exactly width x height.
func (m *Model) render() string {
	w, h := max(m.width, 40), max(m.height, 12)
	var top []string
	top = append(top, m.header(w))
	if m.opt.Rehearsal {
		top = append(top, fit(m.st.banner.Render(" "+m.t("tui.rehearsal_banner")+" "), w))
	}
	footer := m.footer(w)
	bodyH := h - len(top) - 1
	var body []string
	switch {
	case m.finder != nil:
		body = m.finderArea(w, bodyH)
	case m.view == "help":
		body = m.helpArea(w, bodyH)
	case m.zoom && m.view == "":
		body = m.panesArea(w, bodyH)
	case !m.listVisible(w):
		body = m.rightColumn(w, bodyH)
	default:
		listW := clamp(w/4, 22, 36)
		left := m.stepList(listW, bodyH)
		right := m.rightColumn(w-listW-1, bodyH)
		for i := 0; i < bodyH; i++ {
			body = append(body, fit(left[i], listW)+" "+right[i])
		}
	}
	lines := append(top, body...)
	lines = append(lines, footer)
	for i := range lines {
		lines[i] = fit(lines[i], w)
	}
	return strings.Join(lines, "\n")
}

// listVisible: the chapter list shows from 100 columns up; narrower, the
// explanation and panes need the room, and c shows it.
func (m *Model) listVisible(w int) bool { return (w >= 100) != m.listToggled }

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// fit pads or cuts a line to exactly w columns.
func fit(s string, w int) string {
	sw := cellWidth(s) // measured once: it dominates a busy frame
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = cellWidth(s)
	}
	if pad := w - sw; pad > 0 {
		s += strings.Repeat(" ", pad)
	}
	return s
}

func (m *Model) inputTargets() []string {
	if len(m.syncSet) == 0 {
		return []string{m.focused()}
	}
	var out []string
	for _, h := range m.hosts() {
		if m.syncSet[h] {
			out = append(out, h)
		}
	}
	return out
}

// stepList shows the chapters, the current chapter's steps with their state
// and one dot per host.
func (m *Model) stepList(w, h int) []string {
	var lines []string
	cur := m.current().Chapter
	curLine := 0
	for _, ch := range m.opt.Track.Chapters {
		title, _ := ch.Title(m.lang)
		num := chapterNumber(ch.Slug)
		label := num + " " + title
		if len(ch.Steps) == 0 {
			lines = append(lines, m.st.dim.Render(fit(label, w)))
			continue
		}
		if ch != cur {
			lines = append(lines, fit(label, w))
			continue
		}
		lines = append(lines, m.st.bold.Render(fit(label, w)))
		for _, s := range ch.Steps {
			mark, dots := m.stepMark(s)
			line := mark + " " + s.Slug
			line = fit(line, max(w-cellWidth(dots)-1, 4)) + " " + dots
			if s == m.current() {
				curLine = len(lines)
				line = m.st.focus.Render(line)
			}
			lines = append(lines, line)
		}
	}
	// Keep the current step in view.
	start := 0
	if curLine >= h {
		start = curLine - h/2
	}
	out := make([]string, h)
	for i := range out {
		if start+i < len(lines) {
			out[i] = fit(lines[start+i], w)
		} else {
			out[i] = strings.Repeat(" ", w)
		}
	}
	return out
}

// stepMark is a step's state (passed ✓, failed ✗, skipped ↷, done by hand
// ✎, current ▸, not run ·) and a dot per host coloured by its state there
// (◆ where the learner marked it done by hand).
func (m *Model) stepMark(s *steps.Step) (string, string) {
	hosts, _ := m.opt.Engine.Select(s.Targets, nil)
	var dots strings.Builder
	all, any, failed, skipped, marked := true, false, false, false, false
	for _, h := range hosts {
		st := walk.NotRun
		if m.opt.Progress != nil {
			st = m.opt.Progress.Get(s.ID, h.Name).Status
		}
		switch st {
		case walk.Passed, walk.Done:
			dots.WriteString(m.st.ok.Render("●"))
			any = true
		case walk.Skipped:
			dots.WriteString(m.st.warn.Render("●"))
			any, skipped = true, true
		case walk.Marked:
			dots.WriteString(m.st.accent.Render("◆"))
			any, marked = true, true
		case walk.Failed, walk.Unreachable:
			dots.WriteString(m.st.bad.Render("●"))
			all, failed = false, true
		default:
			dots.WriteString(m.st.dim.Render("○"))
			all = false
		}
	}
	mark := m.st.dim.Render("·")
	switch {
	case failed:
		mark = m.st.bad.Render("✗")
	case all && any && skipped:
		mark = m.st.warn.Render("↷")
	case all && any && marked:
		mark = m.st.accent.Render("✎")
	case all && any:
		mark = m.st.ok.Render("✓")
	}
	if s == m.current() && mark == m.st.dim.Render("·") {
		mark = "▸"
	}
	return mark, dots.String()
}

// rightColumn: the explanation, the command box, the status, the panes;
// or a chapter with nothing to run; or the whole command, expanded.
func (m *Model) rightColumn(w, h int) []string {
	if m.bare != nil {
		return m.chapterPage(w, h)
	}
	s := m.current()
	p, fb := s.Text(m.lang)
	title := p.Title
	if fb {
		title += " " + m.t("ui.fallback", m.lang.Name())
	}
	commandLines := m.commandLines(w - 2)
	if m.expand {
		return scrollBox(m.t("tui.command"), commandLines, &m.cmdScroll, w, h, m.st.dim)
	}
	if m.view == "evidence" {
		return m.evidenceArea(w, h)
	}
	proseLines := m.prose.render(p.Body, w-2)
	status := m.statusLines(w)
	if m.phase == done && m.report != nil && !m.report.OK() {
		// The rest (every reason, the hint) is in the evidence view: x.
		status = capStatus(status, m.st.dim.Render(m.t("tui.failed_keys_x")), m.t("ui.hint"), w, max(3, h/4))
	}
	// Share the height. Before anything ran the explanation gets more of
	// it; once there is output, the panes get at least 8 rows.
	share := h / 4
	if m.phase == idle && m.report == nil {
		share = (h - len(status)) * 2 / 5
	}
	proseH := min(len(proseLines)+2, max(4, share))
	cmdH := min(len(commandLines)+2, max(4, h/4))
	paneH := h - proseH - cmdH - len(status)
	if paneH < 8 {
		proseH = max(3, proseH-(8-paneH))
		paneH = h - proseH - cmdH - len(status)
	}
	if paneH < 5 {
		cmdH = max(3, cmdH-(5-paneH))
		paneH = h - proseH - cmdH - len(status)
	}
	var out []string
	out = append(out, scrollBox(m.st.bold.Render(title), proseLines, &m.proseScroll, w, proseH, m.st.dim)...)
	out = append(out, scrollBox(m.t("tui.command"), commandLines, &m.cmdScroll, w, cmdH, m.st.dim)...)
	out = append(out, status...)
	switch m.view {
	case "topology":
		out = append(out, m.topologyArea(w, paneH)...)
	case "diag":
		out = append(out, m.diagArea(w, paneH)...)
	default:
		out = append(out, m.panesArea(w, paneH)...)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

// wrapText lays out plain text (no Markdown) as every face does: its
// paragraphs (blank-line separated) one blank line apart.
func wrapText(text string, w int) []string {
	if w < 4 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		if para == "" {
			continue
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, textlayout.Wrap(para, w)...)
	}
	return out
}

// commandLines: the hosts it runs on, the exact command, and what it carries.
func (m *Model) commandLines(w int) []string {
	s := m.current()
	hosts := m.hosts()
	lines := []string{m.st.bold.Render(m.t("ui.runs_on")) + " " + strings.Join(hosts, ", ")}
	if e := m.opt.Engine; e.Mirror != "" && len(s.Downloads) > 0 && !s.Manual {
		lines = append(lines, m.st.dim.Render(ansi.Truncate(m.t("ui.mirror_mark_short", e.Mirror), w, "…")))
	}
	switch {
	case s.Yourself:
		lines = append(lines, m.st.warn.Render(m.t("ui.yourself_note")))
	case s.Manual:
		lines = append(lines, m.st.warn.Render(m.t("ui.manual_note")))
	}
	if s.Extra {
		lines = append(lines, m.st.dim.Render(ansi.Truncate(m.t("ui.extra_step"), w, "…")))
	}
	first := ""
	if len(hosts) > 0 {
		first = hosts[0]
	}
	vars := m.opt.Vars
	if th, ok := m.opt.Track.Host(first); ok {
		vars = vars.ForHost(th)
	}
	cmds := s.Commands
	if len(cmds) == 0 && s.Check != nil {
		cmds = []string{s.Check.Run}
		if probe := s.Check.Probe(vars); probe != "" {
			cmds = append(cmds, probe)
		}
	}
	for _, c := range cmds {
		r, err := steps.Render(c, vars)
		if err != nil {
			r = c
		}
		for _, l := range strings.Split(strings.TrimRight(r, "\n"), "\n") {
			for _, row := range wrapMarked(l, w) {
				lines = append(lines, m.st.accent.Render(row))
			}
		}
	}
	if s.Check != nil && len(s.Check.Stages) > 0 {
		// The check expects different results as the tutorial goes on:
		// name the stages, the one last judged in bold.
		var names []string
		for _, st := range s.Check.Stages {
			n := st.Name
			if n == m.checkStage {
				n = m.st.bold.Render(n)
			}
			names = append(names, n)
		}
		lines = append(lines, ansi.Truncate(m.st.dim.Render(m.t("ui.stage")+" ")+strings.Join(names, m.st.dim.Render(" → ")), w, "…"))
	}
	if carried := m.opt.Track.Carried(s); len(carried) > 0 {
		var names []string
		for _, c := range carried {
			names = append(names, c.Name)
		}
		lines = append(lines, m.st.dim.Render(m.t("ui.carries")+" "+strings.Join(names, ", ")))
	}
	if len(s.Defines) > 0 {
		lines = append(lines, m.st.dim.Render(m.t("ui.defines")+" "+strings.Join(s.Defines, ", ")))
	}
	return lines
}

var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// statusLines: what is happening, the verdict per host, and on failure the
// reason and the step's hint, with what the learner can do next.
func (m *Model) statusLines(w int) []string {
	var out []string
	switch {
	case m.confirm == "run":
		out = append(out, m.st.warn.Render(m.t("tui.confirm_run", strings.Join(m.hosts(), ", "))))
	case m.confirm == "quit":
		out = append(out, m.st.warn.Render(m.t("tui.confirm_quit")))
	case m.phase == running:
		out = append(out, m.st.accent.Render(spinner[m.frame%len(spinner)]+" "+m.t("tui.running")))
	case m.err != "":
		out = append(out, m.st.bad.Render(m.err))
	case m.phase == done && m.report != nil:
		cur := m.current()
		switch {
		case m.report.YourTurn || (cur.Yourself && m.report.OK() && !m.anyVerdict()):
			out = append(out, m.st.warn.Render("➜ "+m.t("tui.your_turn")))
		case cur.Manual && !cur.Yourself && m.report.OK() && !m.anyVerdict():
			out = append(out, m.st.ok.Render("↷ "+m.t("tui.login_done")))
		case m.report.OK():
			out = append(out, m.st.ok.Render("✓ "+m.t("tui.passed")))
		default:
			out = append(out, m.st.bad.Render("✗ "+m.t("tui.failed")))
			out = append(out, m.failureLines()...)
			if p, _ := m.current().Text(m.lang); p.Hint != "" {
				hint := m.prose.hint(p.Hint, w-2)
				out = append(out, m.st.warn.Render(m.t("ui.hint")))
				out = append(out, hint[:min(len(hint), 4)]...)
			}
			out = append(out, m.st.dim.Render(m.t("tui.failed_keys_x")))
		}
	}
	if m.note != "" {
		out = append([]string{m.st.warn.Render(m.note)}, out...)
	}
	return wrapRows(out, w)
}

// wrapRows wraps lines to w, never cutting them, each row exactly w wide.
func wrapRows(lines []string, w int) []string {
	var rows []string
	for _, l := range lines {
		for _, r := range textlayout.WrapANSI(l, w) {
			rows = append(rows, fit(r, w))
		}
	}
	return rows
}

// capStatus keeps the status within limit rows: its first rows and its
// last line (what the learner can do next, x among it, which shows the
// whole evidence). A heading left without a line of its text (orphan, such
// as the hint's) goes too: the evidence view has it whole.
func capStatus(rows []string, last, orphan string, w, limit int) []string {
	if len(rows) <= limit {
		return rows
	}
	tail := wrapRows([]string{last}, w)
	head := rows[:max(limit-len(tail), 1)]
	for len(head) > 1 && strings.TrimSpace(ansi.Strip(head[len(head)-1])) == orphan {
		head = head[:len(head)-1]
	}
	// Mark the cut: the last row kept ends in "…" (x shows the rest).
	head = append([]string{}, head...)
	cut := strings.TrimRight(head[len(head)-1], " ")
	if cellWidth(cut) >= w {
		cut = ansi.Truncate(cut, w-1, "")
	}
	head[len(head)-1] = fit(cut+"…", w)
	return append(head, tail...)
}

// anyVerdict: a check judged the step on some host.
func (m *Model) anyVerdict() bool { return len(m.verdicts) > 0 }

// box draws a rounded box of exactly w x h with a title.
func box(title string, lines []string, w, h int, border lipgloss.Style) []string {
	if h < 2 {
		return nil
	}
	inner := w - 2
	titleW := cellWidth(title)
	if titleW > inner-2 {
		title = ansi.Truncate(title, inner-2, "…")
		titleW = cellWidth(title)
	}
	top := border.Render("╭─") + title + border.Render(strings.Repeat("─", max(inner-1-titleW, 0))+"╮")
	out := []string{top}
	side := border.Render("│") // the same on every row: styled once
	blank := side + strings.Repeat(" ", max(inner, 0)) + side
	for i := 0; i < h-2; i++ {
		if i >= len(lines) || lines[i] == "" {
			out = append(out, blank)
			continue
		}
		out = append(out, side+fit(lines[i], inner)+side)
	}
	out = append(out, border.Render("╰"+strings.Repeat("─", inner)+"╯"))
	return out
}

// panesArea lays the host panes out in a grid; with more hosts than fit,
// the focused pane is large and the others are one-line status rows.
func (m *Model) panesArea(w, h int) []string {
	hosts := m.hosts()
	if len(hosts) == 0 || h < 3 {
		return nil
	}
	focus := m.focused()
	if m.zoom {
		return m.paneBox(focus, w, h, true)
	}
	cols, rows, ok := grid(len(hosts), w, h)
	if !ok {
		// The focused pane takes the room; the others get a line each.
		var out []string
		for _, hst := range hosts {
			if hst != focus {
				out = append(out, fit(m.paneTitle(hst, false)+"  "+m.st.dim.Render(lastLine(m.pane(hst))), w))
			}
		}
		return append(m.paneBox(focus, w, h-len(out), true), out...)
	}
	cellW, cellH := w/cols, h/rows
	out := make([]string, h)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			i := r*cols + c
			bw := cellW
			if c == cols-1 {
				bw = w - cellW*(cols-1)
			}
			var b []string
			if i < len(hosts) {
				b = m.paneBox(hosts[i], bw, cellH, hosts[i] == focus)
			} else {
				b = make([]string, cellH)
				for j := range b {
					b[j] = strings.Repeat(" ", bw)
				}
			}
			for j, l := range b {
				out[r*cellH+j] += l
			}
		}
	}
	return out
}

// grid picks columns and rows for n panes: each at least 24 wide and 5 high.
func grid(n, w, h int) (cols, rows int, ok bool) {
	best := -1
	for c := 1; c <= n; c++ {
		r := (n + c - 1) / c
		pw, ph := w/c, h/r
		if pw < 24 || ph < 5 {
			continue
		}
		// Prefer panes whose shape is closest to a terminal's (about 3:1).
		score := min(pw, ph*3)
		if score > best {
			best, cols, rows = score, c, r
		}
	}
	return cols, rows, best >= 0
}

func (m *Model) paneTitle(host string, focused bool) string {
	t := host
	if r := m.verdicts[host]; r != nil {
		if r.Pass {
			t += " " + m.st.ok.Render("✓")
		} else {
			t += " " + m.st.bad.Render("✗")
		}
	}
	if _, lost := m.lost[host]; lost {
		t += " " + m.st.bad.Render("⚠")
	}
	if m.syncSet[host] {
		t += " " + m.st.warn.Render("⇄")
	}
	if focused {
		t = m.st.focus.Render("▶ " + t)
		if m.input {
			t += " " + m.st.warn.Render("✎")
		}
	}
	if off := m.scroll[host]; off > 0 {
		t += " " + m.st.dim.Render(fmt.Sprintf("↑%d", off))
	}
	return t
}

// paneBox draws the host's pane: its last lines, wrapped to the box (see
// growTo for the terminal's size).
func (m *Model) paneBox(host string, w, h int, focused bool) []string {
	m.boxSize.Store(uint64(max(w-2, 1))<<32 | uint64(max(h-2, 1)))
	p := m.pane(host)
	cols, rows := growTo(p, max(w-2, 1), max(h-2, 1))
	p.Resize(cols, rows)
	m.paneSize[host] = [2]int{cols, rows} // the host's terminal follows in Update
	border := m.st.dim
	if focused {
		border = m.st.focus
	}
	if m.syncSet[host] {
		border = m.st.warn
	}
	lines, maxOff := tailRows(p, max(w-2, 1), max(h-2, 1), m.scroll[host])
	m.scroll[host] = min(m.scroll[host], maxOff)
	return box(" "+m.paneTitle(host, focused)+" ", lines, w, h, border)
}

func lastLine(p interface{ String() string }) string {
	ls := strings.Split(strings.TrimRight(p.String(), "\n "), "\n")
	for i := len(ls) - 1; i >= 0; i-- {
		if t := strings.TrimSpace(ls[i]); t != "" {
			return t
		}
	}
	return ""
}

// topologyArea draws the lab: hosts grouped by role, with their connection
// state and the current step's verdict.
func (m *Model) topologyArea(w, h int) []string {
	byRole := map[string][]string{}
	var roles []string
	for _, hst := range m.opt.Track.Hosts {
		role := strings.Join(hst.Roles, ",")
		if _, ok := byRole[role]; !ok {
			roles = append(roles, role)
		}
		byRole[role] = append(byRole[role], hst.Name)
	}
	sort.SliceStable(roles, func(i, j int) bool { return roleOrder(roles[i]) < roleOrder(roles[j]) })
	var lines []string
	for _, role := range roles {
		lines = append(lines, m.st.bold.Render(role))
		var cells []string
		for _, name := range byRole[role] {
			state := m.t("tui.rehearsal_host")
			if m.opt.HostState != nil {
				state = m.opt.HostState(name)
			}
			verdict := m.st.dim.Render("·")
			if m.opt.Progress != nil {
				switch m.opt.Progress.Get(m.current().ID, name).Status {
				case walk.Passed, walk.Done:
					verdict = m.st.ok.Render("✓")
				case walk.Failed, walk.Unreachable:
					verdict = m.st.bad.Render("✗")
				case walk.Skipped:
					verdict = m.st.warn.Render("↷")
				case walk.Marked:
					verdict = m.st.accent.Render("✎")
				}
			}
			cells = append(cells, "["+name+" "+verdict+" "+m.st.dim.Render(state)+"]")
		}
		lines = append(lines, "  "+strings.Join(cells, " "))
		lines = append(lines, "")
	}
	return box(" "+m.t("tui.topology")+" ", lines, w, h, m.st.dim)
}

func roleOrder(r string) int {
	switch {
	case strings.Contains(r, "workstation"), strings.Contains(r, "jumpbox"):
		return 0
	case strings.Contains(r, "lb"), strings.Contains(r, "load"):
		return 1
	case strings.Contains(r, "controller"), strings.Contains(r, "server"):
		return 2
	}
	return 3
}

func (m *Model) diagArea(w, h int) []string {
	var lines []string
	for _, hst := range m.hosts() {
		if d := m.diag[hst]; d != "" {
			lines = append(lines, m.st.bold.Render(hst))
			for _, l := range strings.Split(strings.TrimRight(d, "\n"), "\n") {
				lines = append(lines, "  "+l)
			}
		}
	}
	if len(lines) == 0 {
		lines = []string{m.st.dim.Render(m.t("tui.no_diagnostics"))}
	}
	return box(" "+m.t("ui.diagnostics")+" ", lines, w, h, m.st.dim)
}

// helpArea lists every key, also the ones a rehearsal cannot use (they
// say why when pressed), and scrolls.
func (m *Model) helpArea(w, h int) []string {
	lines := []string{m.st.dim.Render(m.t("tui.help_scroll")), ""}
	for _, group := range m.keys.FullHelp() {
		for _, b := range group {
			lines = append(lines, fmt.Sprintf("%-10s %s", b.Help().Key, b.Help().Desc))
		}
		lines = append(lines, "")
	}
	return scrollBox(" "+m.t("key.help")+" ", lines, &m.helpScroll, w, h, m.st.dim)
}
