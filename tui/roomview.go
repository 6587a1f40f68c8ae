package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func (m *RoomModel) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	return v
}

// roomStyles colour the grid; plain with NO_COLOR.
type roomStyles struct{ bold, dim, ok, bad, lost, sel lipgloss.Style }

func (m *RoomModel) styles() roomStyles {
	if m.opt.NoColor {
		s := lipgloss.NewStyle()
		return roomStyles{s, s, s, s, s, lipgloss.NewStyle().Reverse(true)}
	}
	return roomStyles{
		bold: lipgloss.NewStyle().Bold(true),
		dim:  lipgloss.NewStyle().Faint(true),
		ok:   lipgloss.NewStyle().Foreground(lipgloss.Color("2")),
		bad:  lipgloss.NewStyle().Foreground(lipgloss.Color("1")),
		lost: lipgloss.NewStyle().Foreground(lipgloss.Color("3")),
		sel:  lipgloss.NewStyle().Reverse(true),
	}
}

// render is the whole screen: the header, the grid, the selected lab's
// trouble and the keys.
func (m *RoomModel) render() string {
	st := m.styles()
	w := max(m.width, 40)
	var lines []string
	state := m.t("room.checking")
	if !m.checking && !m.checked.IsZero() {
		state = m.t("room.checked_at", m.checked.Format("15:04:05"))
	}
	if m.opt.Every > 0 {
		state += " · " + m.t("room.every", fmt.Sprint(int(m.opt.Every.Minutes())))
	}
	lines = append(lines, st.bold.Render("hardway room · "+m.opt.Title)+" · "+st.dim.Render(state))
	if m.grid.Err != "" {
		lines = append(lines, "", st.bad.Render(m.grid.Err))
	}
	if len(m.grid.Labs) > 0 {
		lines = append(lines, "")
		lines = append(lines, m.gridLines(st)...)
		lines = append(lines, "")
		lines = append(lines, m.detail(st, w)...)
	}
	if m.note != "" {
		lines = append(lines, "", st.dim.Render(m.note))
	}
	// The keys stay on the last line.
	body := len(lines)
	for body < max(m.height-1, 0) {
		lines = append(lines, "")
		body++
	}
	if len(lines) >= m.height && m.height > 2 {
		lines = lines[:m.height-1]
	}
	lines = append(lines, st.dim.Render(m.t("room.keys")))
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	return strings.Join(lines, "\n")
}

// gridLines are the header row and a row per lab, the selected one marked.
func (m *RoomModel) gridLines(st roomStyles) []string {
	header := []string{m.t("room.lab")}
	for _, c := range m.grid.Chapters {
		header = append(header, c.Code)
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = ansi.StringWidth(h)
	}
	for _, l := range m.grid.Labs {
		widths[0] = max(widths[0], ansi.StringWidth(l.Name))
		for i, c := range l.Cells {
			if i+1 < len(widths) {
				widths[i+1] = max(widths[i+1], ansi.StringWidth(c.Text))
			}
		}
	}
	pad := func(s string, w int) string { return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0)) }
	var out []string
	var hb strings.Builder
	hb.WriteString("  ")
	for i, h := range header {
		hb.WriteString(pad(h, widths[i]) + "  ")
	}
	out = append(out, st.bold.Render(strings.TrimRight(hb.String(), " ")))
	for li, l := range m.grid.Labs {
		var b strings.Builder
		name := pad(l.Name, widths[0])
		if li == m.selected {
			b.WriteString("▸ " + st.sel.Render(name))
		} else {
			b.WriteString("  " + name)
		}
		for i, c := range l.Cells {
			if i+1 >= len(widths) {
				break
			}
			b.WriteString("  " + m.cellStyle(st, c.Kind).Render(pad(c.Text, widths[i+1])))
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

func (m *RoomModel) cellStyle(st roomStyles, k RoomCellKind) lipgloss.Style {
	switch k {
	case RoomPassed:
		return st.ok
	case RoomFailed, RoomError:
		return st.bad
	case RoomUnreachable:
		return st.lost
	}
	return st.dim
}

// detail is what is wrong with the selected lab, and its hint.
func (m *RoomModel) detail(st roomStyles, w int) []string {
	if m.selected >= len(m.grid.Labs) {
		return nil
	}
	l := m.grid.Labs[m.selected]
	out := []string{st.bold.Render(l.Name)}
	if len(l.Trouble) == 0 {
		return append(out, st.ok.Render("  "+m.t("room.lab_passed")))
	}
	for _, t := range l.Trouble {
		for _, line := range strings.Split(t, "\n") {
			out = append(out, "  "+line)
		}
	}
	if l.Hint != "" {
		out = append(out, st.dim.Render("  "+m.t("room.hint")+" "+strings.ReplaceAll(l.Hint, "\n", " ")))
	}
	if l.ShellHost != "" {
		out = append(out, st.dim.Render("  "+m.t("room.shell_key", l.ShellHost)))
	}
	return out
}
