package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hardway/locales"
	"hardway/steps"
)

// stop is a place ↑ and ↓ reach: a step, or a chapter with nothing to run
// (idx -1), which shows its explanation.
type stop struct {
	ch  *steps.Chapter
	idx int
}

func (m *Model) stops() []stop {
	var out []stop
	i := 0
	for _, ch := range m.opt.Track.Chapters {
		if len(ch.Steps) == 0 {
			out = append(out, stop{ch: ch, idx: -1})
			continue
		}
		for range ch.Steps {
			out = append(out, stop{ch: ch, idx: i})
			i++
		}
	}
	return out
}

func (m *Model) stopIndex(all []stop) int {
	for i, st := range all {
		if (m.bare != nil && st.ch == m.bare && st.idx < 0) || (m.bare == nil && st.idx == m.sel) {
			return i
		}
	}
	return 0
}

// step moves d places; the step reached is saved as the learner's current.
func (m *Model) step(d int) tea.Cmd {
	all := m.stops()
	to := clamp(m.stopIndex(all)+d, 0, len(all)-1)
	return m.goTo(all[to])
}

func (m *Model) goTo(st stop) tea.Cmd {
	if st.idx < 0 {
		m.move(m.sel)
		m.bare = st.ch
		return nil
	}
	m.move(st.idx)
	return m.saveCurrent()
}

// saveCurrent records the step through the engine's progress, off the UI
// goroutine (it writes a file).
func (m *Model) saveCurrent() tea.Cmd {
	prog := m.opt.Engine.Progress
	if prog == nil {
		prog = m.opt.Progress
	}
	if prog == nil {
		return nil
	}
	id := m.current().ID
	return func() tea.Msg { prog.SetCurrent(id); return nil }
}

// stepOnly: keys that act on a step, which a chapter without steps lacks.
func (m *Model) stepOnly(msg tea.KeyPressMsg) bool {
	k := m.keys
	return key.Matches(msg, k.Run, k.Verify, k.Fail, k.Skip, k.Shell, k.Input, k.Evidence, k.Diag, k.Zoom, k.Focus, k.Expand, k.SyncAll, k.SyncOne)
}

// chapterPage is a chapter with nothing to run: its introduction.
func (m *Model) chapterPage(w, h int) []string {
	ch := m.bare
	title, _ := ch.Title(m.lang)
	p, ok := ch.Prose[m.lang]
	if !ok || p.Intro == "" {
		p = ch.Prose[locales.EN]
	}
	lines := m.prose.render(p.Intro, w-2)
	note := m.t("tui.nothing_to_run")
	if !ch.Written() {
		note = m.t("tui.chapter_not_written")
	}
	lines = append(lines, "", m.st.warn.Render(note))
	return scrollBox(m.st.bold.Render(title), lines, &m.proseScroll, w, h, m.st.dim)
}

// finder is the / search: part of a step id or title, in any language.
type finder struct {
	query string
	sel   int
}

// finds lists the stops matching the query: by step id, by the step's or
// chapter's title in every language.
func (m *Model) finds(q string) []stop {
	q = strings.ToLower(strings.TrimSpace(q))
	var out []stop
	for _, st := range m.stops() {
		var hay []string
		for _, l := range locales.All {
			t, _ := st.ch.Title(l)
			hay = append(hay, t)
		}
		hay = append(hay, st.ch.Slug)
		if st.idx >= 0 {
			s := m.steps[st.idx]
			hay = append(hay, s.ID)
			for _, l := range locales.All {
				if p, ok := s.Prose[l]; ok {
					hay = append(hay, p.Title)
				}
			}
		}
		if strings.Contains(strings.ToLower(strings.Join(hay, "\x00")), q) {
			out = append(out, st)
		}
	}
	return out
}

func (m *Model) findKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	f := m.finder
	switch msg.String() {
	case "esc", "ctrl+c":
		m.finder = nil
	case "enter":
		found := m.finds(f.query)
		m.finder = nil
		if len(found) > 0 && m.phase != running {
			return m, m.goTo(found[min(f.sel, len(found)-1)])
		}
	case "up", "ctrl+p":
		f.sel = max(f.sel-1, 0)
	case "down", "ctrl+n", "tab":
		f.sel++
	case "backspace":
		if r := []rune(f.query); len(r) > 0 {
			f.query = string(r[:len(r)-1])
			f.sel = 0
		}
	default:
		if msg.Text != "" {
			f.query += msg.Text
			f.sel = 0
		}
	}
	return m, nil
}

// finderArea: the query, and the matching steps with their chapter and
// title in the learner's language.
func (m *Model) finderArea(w, h int) []string {
	f := m.finder
	found := m.finds(f.query)
	f.sel = clamp(f.sel, 0, max(len(found)-1, 0))
	lines := []string{m.st.bold.Render(m.t("tui.find_prompt")) + " " + f.query + "▏", m.st.dim.Render(m.t("tui.find_help")), ""}
	if len(found) == 0 {
		lines = append(lines, m.st.dim.Render(m.t("tui.find_none")))
	}
	room := max(h-2-len(lines), 1)
	start := max(f.sel-room+1, 0)
	for i := start; i < len(found) && i < start+room; i++ {
		st := found[i]
		num := chapterNumber(st.ch.Slug)
		label := num + "/"
		if st.idx >= 0 {
			s := m.steps[st.idx]
			p, _ := s.Text(m.lang)
			label += s.Slug + "  " + m.st.dim.Render(p.Title)
		} else {
			t, _ := st.ch.Title(m.lang)
			label += "  " + m.st.dim.Render(t)
		}
		if i == f.sel {
			label = m.st.focus.Render("▶ ") + label
		} else {
			label = "  " + label
		}
		lines = append(lines, label)
	}
	return box(" / ", lines, w, h, m.st.dim)
}
