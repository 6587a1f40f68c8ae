package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// header names the track, chapter, step, language and mode on one line at
// any width: the chapter title gives way first (down to its number), then
// the program's name.
func (m *Model) header(w int) string {
	s := m.current()
	ch := s.Chapter
	if m.bare != nil {
		ch = m.bare
	}
	ctitle, _ := ch.Title(m.lang)
	num := chapterNumber(ch.Slug)
	stepPart := m.t("tui.nothing_to_run_short")
	if m.bare == nil {
		n := 0
		for i, x := range ch.Steps {
			if x == s {
				n = i + 1
			}
		}
		stepPart = m.t("ui.step_n_of_m", fmt.Sprint(n), fmt.Sprint(len(ch.Steps)))
		if w < 100 {
			stepPart = s.Slug + " " + fmt.Sprintf("%d/%d", n, len(ch.Steps))
		}
	}
	mode := m.t("tui.mode_live")
	if m.opt.Rehearsal {
		mode = m.t("tui.mode_rehearsal")
	}
	sep := m.st.dim.Render(" · ")
	right := sep + stepPart + sep + m.lang.Name() + sep + mode
	left := m.st.bold.Render("hardway") + sep + m.opt.Track.ID + " " + m.opt.Track.Version + sep
	room := w - ansi.StringWidth(left) - ansi.StringWidth(right)
	if room < ansi.StringWidth(num)+6 {
		left = m.opt.Track.ID + sep
		room = w - ansi.StringWidth(left) - ansi.StringWidth(right)
	}
	chapter := num + " " + ctitle
	if ansi.StringWidth(chapter) > room {
		chapter = ansi.Truncate(chapter, max(room, len(num)), "…")
	}
	return fit(left+chapter+right, w)
}

// footer lists the keys that fit, most useful first, and always ends with
// ? and q, so help and quitting are visible at every width.
func (m *Model) footer(w int) string {
	if m.input {
		// Keys go to the host now; esc gives them back.
		return fit(m.st.warn.Render(m.t("tui.input_mode", strings.Join(m.inputTargets(), ", "))), w)
	}
	item := func(b key.Binding) string {
		return m.st.bold.Render(b.Help().Key) + " " + m.st.dim.Render(b.Help().Desc)
	}
	sep := m.st.dim.Render(" • ")
	tail := item(m.keys.Help) + sep + item(m.keys.Quit)
	keys := m.keys.ShortHelp()
	for n := len(keys); n >= 0; n-- {
		var parts []string
		for _, b := range keys[:n] {
			parts = append(parts, item(b))
		}
		parts = append(parts, tail)
		line := strings.Join(parts, sep)
		if ansi.StringWidth(line) <= w {
			return fit(line, w)
		}
	}
	return fit(tail, w)
}
