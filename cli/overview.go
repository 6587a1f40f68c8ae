package cli

import "fmt"

// overview is what `hardway` prints with no subcommand until the terminal UI
// exists: the default track, its chapters, and where to go next.
func (a *app) overview() error {
	t, err := a.track()
	if err != nil {
		return err
	}
	title, _ := t.Title(a.lang)
	a.printf("%s — %s %s\n\n", a.bold("hardway"), title, t.Version)
	for _, ch := range t.Chapters {
		ctitle, fb := ch.Title(a.lang)
		state := a.dim(a.msg("ui.chapter_not_written"))
		if ch.Written() {
			state = a.dim(a.msg("ui.chapter_nothing_to_run"))
		}
		if n := len(ch.Steps); n > 0 {
			state = a.green(a.msg("ui.chapter_steps", fmt.Sprint(n)))
		}
		a.printf("  %-42s %s%s  %s\n", ch.Slug, ctitle, a.fallbackNote(fb), state)
	}
	a.printf("\n%s\n", a.msg("ui.overview_next"))
	return nil
}
