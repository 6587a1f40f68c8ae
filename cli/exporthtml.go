package cli

import (
	"fmt"
	"html"
	"io"
	"strings"

	terminal "github.com/buildkite/terminal-to-html/v3"
)

// writeExportHTML writes the record as one HTML page that needs nothing
// else: outputs keep their colours (ANSI converted by terminal-to-html),
// the styles are in the page.
func (a *app) writeExportHTML(w io.Writer, doc *exportDoc) error {
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		a.lang, esc(a.msg("export.title", doc.Title)), exportCSS)
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"about\">%s</p>\n", esc(a.msg("export.title", doc.Title)), esc(a.msg("export.about", doc.Track, doc.Version, doc.Transcript)))
	for _, s := range doc.Steps {
		fmt.Fprintf(&b, "<section>\n<h2>%s <code>%s</code></h2>\n", esc(s.Title), esc(s.ID))
		for _, h := range s.Hosts {
			fmt.Fprintf(&b, "<h3 class=\"%s\">%s: %s</h3>\n", statusClass(string(h.Status)), esc(h.Host), esc(a.plainStatus(h.Status)))
			for _, r := range h.Records {
				fmt.Fprintf(&b, "<p class=\"rec\"><b>%s</b> · %s</p>\n<pre class=\"cmd\">%s</pre>\n", esc(a.kindWord(r.Kind)), esc(a.recordEnd(r)), esc(strings.TrimRight(r.Command, "\n")))
				if r.Output != "" {
					fmt.Fprintf(&b, "<pre class=\"term-container\">%s</pre>\n", terminal.Render([]byte(r.Output)))
				}
			}
			if v := h.Verdict; v != nil {
				fmt.Fprintf(&b, "<p class=\"%s\"><b>%s</b> %s</p>\n<ul>\n", statusClass(map[bool]string{true: "passed", false: "failed"}[v.Pass]),
					esc(a.msg("export.verdict")), esc(a.verdictWord(v)))
				for _, it := range v.Items {
					fmt.Fprintf(&b, "<li class=\"%s\">%s %s: %s</li>\n", statusClass(map[bool]string{true: "passed", false: "failed"}[it.OK]), mark(it.OK), esc(it.Subject), esc(a.reason(it)))
				}
				b.WriteString("</ul>\n")
				if !v.Pass && s.Hint != "" {
					fmt.Fprintf(&b, "<p class=\"hint\"><b>%s</b> %s</p>\n", esc(a.msg("export.hint")), esc(s.Hint))
				}
			}
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func statusClass(status string) string {
	switch status {
	case "passed", "done", "skipped", "marked":
		return "ok"
	case "failed", "unreachable":
		return "bad"
	}
	return "none"
}

// exportCSS styles the page and terminal-to-html's classes (term-fgNN for
// the 16 colours, term-fg1 bold, term-fg3 italic, term-fg4 underline).
const exportCSS = `body { font-family: system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9rem; }
h2 code { font-size: 0.8rem; color: #666; font-weight: normal; }
section { border-top: 1px solid #ddd; margin-top: 1.5rem; }
.about { color: #666; }
.rec { margin-bottom: 0.2rem; }
pre { padding: 0.6rem 0.8rem; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
pre.cmd { background: #f3f3f3; }
pre.term-container { background: #1e1e1e; color: #ddd; }
.ok { color: #1a7f37; } .bad { color: #cf222e; } .hint { background: #fff8c5; padding: 0.4rem 0.6rem; }
.term-fg1 { font-weight: bold; } .term-fg2 { opacity: 0.7; } .term-fg3 { font-style: italic; } .term-fg4 { text-decoration: underline; }
.term-fg30 { color: #666; } .term-fg31 { color: #f14c4c; } .term-fg32 { color: #23d18b; } .term-fg33 { color: #f5f543; }
.term-fg34 { color: #3b8eea; } .term-fg35 { color: #d670d6; } .term-fg36 { color: #29b8db; } .term-fg37 { color: #e5e5e5; }
.term-fgi90 { color: #888; } .term-fgi91 { color: #f66; } .term-fgi92 { color: #5f5; } .term-fgi93 { color: #ff5; }
.term-fgi94 { color: #69f; } .term-fgi95 { color: #f6f; } .term-fgi96 { color: #5ff; } .term-fgi97 { color: #fff; }
.term-bg40 { background: #000; } .term-bg41 { background: #cd3131; } .term-bg42 { background: #0dbc79; } .term-bg43 { background: #e5e510; }
.term-bg44 { background: #2472c8; } .term-bg45 { background: #bc3fbc; } .term-bg46 { background: #11a8cd; } .term-bg47 { background: #e5e5e5; }
`
