package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"hardway/locales"
)

// Help is said in the learner's language: every command's Short and Long,
// every flag's usage and the headings of the usage template come from the
// catalogs (help.cmd.*, help.flag.*, help.*), put into the command tree when
// help is asked for. By then cobra has parsed the flags, so --lang counts
// wherever it stands on the command line (hardway run --help --lang ko).

func init() {
	cobra.AddTemplateFunc("hardwayFlags", flagTable)
}

// installHelp makes help and usage print in the learner's language. The
// tree starts in the environment's language (LANG ...), for completions.
func (a *app) installHelp(root *cobra.Command) {
	localizeTree(root, a.helpLang())
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) {
		l := a.helpLang()
		localizeTree(cmd.Root(), l)
		cmd.Root().SetUsageTemplate(usageTemplate(l))
		text := cmd.Long
		if text == "" {
			text = cmd.Short
		}
		out := cmd.OutOrStdout()
		if text != "" {
			fmt.Fprintf(out, "%s\n\n", strings.TrimRight(text, " \n"))
		}
		fmt.Fprint(out, cmd.UsageString())
	})
	root.SetUsageTemplate(usageTemplate(a.helpLang()))
}

// helpLang is --lang when it names a language, else the environment's.
func (a *app) helpLang() locales.Lang {
	getenv := a.env.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if l, err := locales.Detect(a.langFlag, getenv); err == nil {
		return l
	}
	l, _ := locales.Detect("", getenv)
	return l
}

// commandKey is "run" for `hardway run`, "mirror.pull" for `hardway mirror
// pull`, and "hardway" for the root.
func commandKey(cmd *cobra.Command) string {
	parts := strings.Fields(cmd.CommandPath())
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[1:], ".")
}

// localizeTree puts the texts of language l into every command and flag
// that has them in the catalogs.
func localizeTree(cmd *cobra.Command, l locales.Lang) {
	key := commandKey(cmd)
	if s, ok := helpText(l, "help.cmd."+key+".short"); ok {
		cmd.Short = s
	}
	if s, ok := helpText(l, "help.cmd."+key+".long"); ok {
		cmd.Long = s
	}
	cmd.InitDefaultHelpFlag() // cobra adds -h lazily; it needs words too
	localizeFlags := func(f *pflag.Flag) {
		if f.Name == "help" {
			f.Usage = locales.Msg(l, "help.flag.help", cmd.Name())
			return
		}
		if s, ok := helpText(l, "help.flag."+key+"."+f.Name); ok {
			f.Usage = s
		} else if s, ok := helpText(l, "help.flag."+f.Name); ok {
			f.Usage = s
		}
	}
	cmd.LocalNonPersistentFlags().VisitAll(localizeFlags)
	cmd.PersistentFlags().VisitAll(localizeFlags)
	for _, sub := range cmd.Commands() {
		localizeTree(sub, l)
	}
}

// helpText is the key's text in l, when English has the key at all.
func helpText(l locales.Lang, key string) (string, bool) {
	if !locales.Has(locales.EN, key) {
		return "", false
	}
	return locales.Msg(l, key), true
}

// usageTemplate is cobra's usage in language l: our headings around the
// command's use line, subcommands and flags.
func usageTemplate(l locales.Lang) string {
	m := func(key string, args ...string) string { return locales.Msg(l, key, args...) }
	return m("help.usage") + `{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

` + m("help.aliases") + `
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + m("help.examples") + `
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + m("help.commands") + `{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + m("help.flags") + `
{{hardwayFlags .LocalFlags ` + fmt.Sprintf("%q", m("help.default", "%s")) + `}}{{end}}{{if .HasAvailableInheritedFlags}}

` + m("help.global_flags") + `
{{hardwayFlags .InheritedFlags ` + fmt.Sprintf("%q", m("help.default", "%s")) + `}}{{end}}{{if .HasAvailableSubCommands}}

` + m("help.more", `{{.CommandPath}}`) + `{{end}}
`
}

// flagTable lists flags as pflag does (-s, --name type   usage), with the
// default value said by defaultFormat ("(default: %s)" in the learner's
// language) unless the usage says it already, and no trailing blanks.
func flagTable(fs *pflag.FlagSet, defaultFormat string) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		varname, usage := pflag.UnquoteUsage(f)
		if varname != "" {
			left += " " + varname
		}
		if !zeroDefault(f) && !strings.Contains(usage, f.DefValue) {
			usage += " " + fmt.Sprintf(defaultFormat, f.DefValue)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len(left))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s   %s\n", width, r.left, r.usage)
	}
	return strings.TrimRight(b.String(), "\n")
}

// zeroDefault: a flag whose default is its type's zero value says nothing.
func zeroDefault(f *pflag.Flag) bool {
	switch f.DefValue {
	case "", "false", "0", "[]", "<nil>":
		return true
	}
	return false
}
