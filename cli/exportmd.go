package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"hardway/check"
	"hardway/locales"
	"hardway/walk"
)

// writeExportMarkdown writes the record as Markdown: plain text outputs,
// as a terminal would have left them (colours dropped, \r progress lines
// at their last state).
func (a *app) writeExportMarkdown(w io.Writer, doc *exportDoc) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", a.msg("export.title", doc.Title))
	fmt.Fprintf(&b, "%s\n", a.msg("export.about", doc.Track, doc.Version, doc.Transcript))
	for _, s := range doc.Steps {
		fmt.Fprintf(&b, "\n## %s\n\n`%s`\n", s.Title, s.ID)
		for _, h := range s.Hosts {
			fmt.Fprintf(&b, "\n### %s: %s\n", h.Host, a.plainStatus(h.Status))
			for _, r := range h.Records {
				fmt.Fprintf(&b, "\n**%s** · %s\n\n", a.kindWord(r.Kind), a.recordEnd(r))
				b.WriteString(fenced("sh", r.Command))
				if out := terminalText(r.Output); out != "" {
					b.WriteString("\n" + fenced("text", out))
				}
			}
			if h.Verdict != nil {
				fmt.Fprintf(&b, "\n**%s** %s\n\n", a.msg("export.verdict"), a.verdictWord(h.Verdict))
				for _, it := range h.Verdict.Items {
					fmt.Fprintf(&b, "- %s %s: %s\n", mark(it.OK), it.Subject, a.reason(it))
				}
				if !h.Verdict.Pass && s.Hint != "" {
					fmt.Fprintf(&b, "\n**%s** %s\n", a.msg("export.hint"), s.Hint)
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (a *app) reason(it check.Item) string {
	return locales.Reason(a.lang, string(it.Reason.Code), it.Reason.Args...)
}

func mark(ok bool) string {
	if ok {
		return "✓"
	}
	return "✗"
}

func (a *app) verdictWord(r *check.Result) string {
	if r.Pass {
		return "✓ " + a.msg("ui.status_passed")
	}
	return "✗ " + a.msg("ui.status_failed")
}

// plainStatus is a host's status word without colours.
func (a *app) plainStatus(s walk.Status) string {
	color := a.env.Color
	a.env.Color = false
	defer func() { a.env.Color = color }()
	return a.statusWord(s)
}

func (a *app) kindWord(kind string) string {
	key := "export.kind." + kind
	if locales.Has(locales.EN, key) {
		return a.msg(key)
	}
	return kind
}

// recordEnd says how a command ended: its exit status (or signal, or the
// error that stopped it) and how long it took.
func (a *app) recordEnd(r walk.Record) string {
	d := (time.Duration(r.DurationMS) * time.Millisecond).String()
	switch {
	case r.Error != "":
		return a.msg("export.error", r.Error) + " · " + d
	case r.Signal != "":
		return a.msg("export.signal", r.Signal) + " · " + d
	}
	return a.msg("export.exit", fmt.Sprint(r.Exit)) + " · " + d
}

// fenced is a Markdown code block whose fence no line of text can close.
func fenced(lang, text string) string {
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return fence + lang + "\n" + strings.TrimRight(text, "\n") + "\n" + fence + "\n"
}

// terminalText is what a terminal shows of an output, as plain text.
func terminalText(out string) string {
	out = strings.ReplaceAll(ansi.Strip(out), "\r\n", "\n")
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if j := strings.LastIndex(strings.TrimRight(l, "\r"), "\r"); j >= 0 {
			lines[i] = l[j+1:]
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}
