package locales

// The command line's help (help.*: commands, flags, the usage template's
// headings) is kept in files of its own, one per language, and joins the
// catalogs here, so that Msg, Has and the completeness test treat it as
// every other message.
func init() {
	for l, texts := range map[Lang]map[string]string{EN: helpEN, KO: helpKO, JA: helpJA} {
		for k, v := range texts {
			catalogs[l][k] = v
		}
	}
}
