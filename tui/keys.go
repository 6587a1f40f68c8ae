package tui

import (
	"charm.land/bubbles/v2/key"

	"hardway/locales"
)

// keyMap is every key of the walkthrough; its help texts come from the
// locale catalog so the footer follows the learner's language.
type keyMap struct {
	Up, Down, Run, Verify, Next, Skip, Fail, Diag, Shell key.Binding
	Focus, Input, SyncAll, SyncOne, Zoom, Lang, Topology key.Binding
	ScrollUp, ScrollDown, Help, Quit                     key.Binding
	TextDown, TextUp, Expand, Find, Evidence, Chapters   key.Binding
	rehearsal                                            bool
}

func newKeys(l locales.Lang, rehearsal bool) keyMap {
	h := func(keys []string, shown, msg string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, locales.Msg(l, msg)))
	}
	k := keyMap{
		Up:         h([]string{"up", "k"}, "↑/k", "key.up"),
		Down:       h([]string{"down", "j"}, "↓/j", "key.down"),
		Run:        h([]string{"enter"}, "enter", "key.run"),
		Verify:     h([]string{"v"}, "v", "key.verify"),
		Next:       h([]string{"n"}, "n", "key.next"),
		Skip:       h([]string{"s"}, "s", "key.skip"),
		Fail:       h([]string{"f"}, "f", "key.fail"),
		Diag:       h([]string{"d"}, "d", "key.diag"),
		Shell:      h([]string{"o"}, "o", "key.shell"),
		Focus:      h([]string{"tab", "shift+tab"}, "tab", "key.focus"),
		Input:      h([]string{"i"}, "i", "key.input"),
		SyncAll:    h([]string{"a"}, "a", "key.sync_all"),
		SyncOne:    h([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "key.sync_one"),
		Zoom:       h([]string{"z"}, "z", "key.zoom"),
		Lang:       h([]string{"L"}, "L", "key.lang"),
		Topology:   h([]string{"t"}, "t", "key.topology"),
		ScrollUp:   h([]string{"pgup"}, "pgup", "key.scroll_up"),
		ScrollDown: h([]string{"pgdown"}, "pgdn", "key.scroll_down"),
		TextDown:   h([]string{"ctrl+d"}, "ctrl+d", "key.text_down"),
		TextUp:     h([]string{"ctrl+u"}, "ctrl+u", "key.text_up"),
		Expand:     h([]string{"e"}, "e", "key.expand"),
		Find:       h([]string{"/"}, "/", "key.find"),
		Evidence:   h([]string{"x"}, "x", "key.evidence"),
		Chapters:   h([]string{"c"}, "c", "key.chapters"),
		Help:       h([]string{"?"}, "?", "key.help"),
		Quit:       h([]string{"q", "ctrl+c"}, "q", "key.quit"),
		rehearsal:  rehearsal,
	}
	// Every key stays enabled, so ? lists it; the ones a rehearsal cannot
	// do say why when pressed.
	return k
}

// ShortHelp is the footer, most useful first; the footer drops keys from
// the end of this list until it fits, and always keeps ? and q.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Run, k.Verify, k.Next, k.TextDown, k.Find, k.Up, k.Focus, k.Zoom, k.Expand, k.Lang}
}

// FullHelp is the ? screen.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Run, k.Verify, k.Next, k.Skip, k.Fail},
		{k.TextDown, k.TextUp, k.Expand, k.Find, k.Chapters, k.Evidence},
		{k.Diag, k.Shell, k.Topology, k.Lang, k.Help, k.Quit},
		{k.Focus, k.Input, k.SyncAll, k.SyncOne, k.Zoom, k.ScrollUp, k.ScrollDown},
	}
}
