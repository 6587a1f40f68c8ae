package cli

// A few ANSI styles for plain output on a terminal; nothing when the output
// is a pipe or NO_COLOR is set.

func (a *app) style(code, s string) string {
	if !a.env.Color || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (a *app) bold(s string) string  { return a.style("1", s) }
func (a *app) dim(s string) string   { return a.style("2", s) }
func (a *app) green(s string) string { return a.style("32", s) }
func (a *app) red(s string) string   { return a.style("31", s) }
func (a *app) cyan(s string) string  { return a.style("36", s) }
func (a *app) yellow(s string) string {
	return a.style("33", s)
}
