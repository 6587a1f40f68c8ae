package locales

// The instructors' commands (fast-forward, room, export, reset, status,
// version) keep their words in files of their own, one per language, and
// join the catalogs here, as the help does.
func init() {
	for l, texts := range map[Lang]map[string]string{EN: instructorsEN, KO: instructorsKO, JA: instructorsJA} {
		for k, v := range texts {
			catalogs[l][k] = v
		}
	}
}
