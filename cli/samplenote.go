package cli

import "hardway/locales"

// sampleNote is a check sample's note as show -v prints it. Notes are
// written once, in English, next to the outputs they describe in the
// track's YAML; in another language they are marked as English, as prose
// that lacks a translation is, rather than passed off as translated.
func (a *app) sampleNote(note string) string {
	if note == "" || a.lang == locales.EN {
		return note
	}
	return a.dim(a.msg("ui.note_in_english")) + " " + note
}
