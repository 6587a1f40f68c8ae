package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"hardway/check"
	"hardway/locales"
	"hardway/steps"
	"hardway/walk"
)

// printer shows engine events as plain text: every line a host prints,
// prefixed by the host's name (in its own colour on a terminal), verdicts,
// diagnostics, and a summary table. With JSON it writes one event per line.
type printer struct {
	a      *app
	out    io.Writer
	json   bool
	width  int // of the host names
	colors map[string]string
	mu     sync.Mutex
	lines  map[string]*bytes.Buffer // the unfinished line of each host
	// transcript is where the whole of every output is, for the evidence
	// printed in part.
	transcript string
	ev         *stepEvidence // of the step running
	// redact removes secrets from the JSON events.
	redact *walk.Redactor
	// settling: the hosts told that a passing check is being watched.
	settling map[string]bool
	// held is a step's output per host, in JSON mode, until its exit: the
	// secrets the step defines are known only then.
	held map[string][]walk.Event
}

// jsonEvent writes one event as a JSON line, without secrets. JSON is
// written down (a file, a pipe), so a command's output waits for its exit
// event, which the engine sends once it knows what the step defined.
func (p *printer) jsonEvent(ev walk.Event) {
	key := ev.Step + "\x00" + ev.Host
	switch ev.Kind {
	case walk.EvOutput:
		if p.held == nil {
			p.held = map[string][]walk.Event{}
		}
		p.held[key] = append(p.held[key], ev)
		return
	case walk.EvExited:
		held := p.held[key]
		delete(p.held, key)
		// The output as one event: a secret split across two writes is
		// still found.
		if len(held) > 0 {
			var text strings.Builder
			for _, h := range held {
				text.WriteString(h.Text)
			}
			out := held[0]
			out.Text = text.String()
			p.writeJSON(out)
		}
	}
	p.writeJSON(ev)
}

func (p *printer) writeJSON(ev walk.Event) {
	data, _ := json.Marshal(p.redact.RedactEvent(ev))
	p.out.Write(append(data, '\n'))
}

var palette = []string{"36", "33", "35", "32", "34", "96", "93", "95", "92", "94"}

func newPrinter(a *app, hosts []string, asJSON bool) *printer {
	p := &printer{a: a, out: a.env.Stdout, json: asJSON, colors: map[string]string{}, lines: map[string]*bytes.Buffer{}, ev: newStepEvidence()}
	for i, h := range hosts {
		p.colors[h] = palette[i%len(palette)]
		p.width = max(p.width, len(h))
	}
	return p
}

func (p *printer) prefix(host string) string {
	name := fmt.Sprintf("%-*s", p.width, host)
	return p.a.style(p.colors[host], name) + " " + p.a.dim("|") + " "
}

// begin starts gathering the evidence of a new step.
func (p *printer) begin() {
	p.mu.Lock()
	p.ev = newStepEvidence()
	p.mu.Unlock()
}

// event is the engine's Emit.
func (p *printer) event(ev walk.Event) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.json {
		p.jsonEvent(ev)
		return
	}
	switch ev.Kind {
	case walk.EvStarted:
		p.ev.runs[ev.Host] = &runCapture{command: ev.Command}
	case walk.EvOutput:
		p.output(ev.Host, ev.Data)
		if c := p.ev.runs[ev.Host]; c != nil {
			c.write(ev.Data)
		}
	case walk.EvCheckAttempt:
		p.ev.attempts[ev.Host] = ev
		// A service that passes is watched for its settle window before
		// it counts: say so once, so a quiet wait is not a hang.
		key := ev.Step + "\x00" + ev.Host
		if ev.Settling && !p.settling[key] {
			if p.settling == nil {
				p.settling = map[string]bool{}
			}
			p.settling[key] = true
			fmt.Fprintf(p.out, "%s%s\n", p.prefix(ev.Host), p.a.dim(p.a.msg("ui.settling", locales.Duration(p.a.lang, ev.Settle))))
		}
	case walk.EvExited:
		p.flush(ev.Host)
		status := p.a.green(p.a.msg("ui.exit_status", fmt.Sprint(ev.Exit)))
		if ev.Exit != 0 {
			status = p.a.red(p.a.msg("ui.exit_status", fmt.Sprint(ev.Exit)))
		}
		if ev.Signal != "" {
			status = p.a.red(p.a.msg("ui.killed_by", ev.Signal))
		}
		fmt.Fprintf(p.out, "%s%s %s\n", p.prefix(ev.Host), status, p.a.dim(locales.Duration(p.a.lang, ev.Duration)))
		if ev.Exit > 0 && ev.Signal == "" && ev.Err == "" {
			p.runFailed(ev.Host, ev.Exit)
		}
	case walk.EvSkipped:
		reason := p.a.msg("ui.skipped_done")
		switch ev.Reason {
		case "login", "manual":
			reason = p.a.msg("ui.skipped_manual")
		case "only_if":
			reason = p.a.msg("ui.skipped_other")
		case "yourself":
			reason = p.a.msg("ui.skipped_yourself")
		}
		fmt.Fprintf(p.out, "%s%s\n", p.prefix(ev.Host), p.a.yellow(reason))
	case walk.EvHostLost:
		p.flush(ev.Host)
		fmt.Fprintf(p.out, "%s%s\n", p.prefix(ev.Host), p.a.red(ev.Err))
	case walk.EvCheckVerdict:
		if ev.Stage != "" {
			// A check whose expectation changes as the tutorial goes on.
			fmt.Fprintf(p.out, "%s%s\n", p.prefix(ev.Host), p.a.dim(p.a.msg("ui.stage")+" "+ev.Stage))
		}
		if !ev.Pass {
			p.checkEvidence(ev.Host)
		}
		p.verdict(ev.Host, ev.Result)
		if !ev.Pass {
			p.checkFailed(ev.Host, ev)
		}
	case walk.EvDiagnostic:
		fmt.Fprintf(p.out, "%s%s\n", p.prefix(ev.Host), p.a.bold("$ "+ev.Command))
		// The whole of it: diagnostics are chosen to be short.
		lines := p.outputLines(ev.Text)
		if len(lines) == 0 {
			lines = []string{p.a.dim(p.a.msg("ui.no_output"))}
		}
		for _, l := range lines {
			fmt.Fprintf(p.out, "%s  %s\n", p.prefix(ev.Host), l)
		}
	}
}

// output writes complete lines; a carriage return without a newline (a
// progress bar redrawing itself) keeps only the latest state of the line.
func (p *printer) output(host string, data []byte) {
	buf := p.lines[host]
	if buf == nil {
		buf = &bytes.Buffer{}
		p.lines[host] = buf
	}
	for _, b := range data {
		switch b {
		case '\n':
			p.writeLine(host, buf.String())
			buf.Reset()
		default:
			buf.WriteByte(b)
		}
	}
}

func (p *printer) writeLine(host, line string) {
	line = strings.TrimRight(line, "\r")
	if i := strings.LastIndexByte(line, '\r'); i >= 0 {
		line = line[i+1:]
	}
	if !p.a.env.Color {
		line = check.StripANSI(line)
	}
	fmt.Fprintf(p.out, "%s%s\n", p.prefix(host), line)
}

func (p *printer) flush(host string) {
	if buf := p.lines[host]; buf != nil && buf.Len() > 0 {
		p.writeLine(host, buf.String())
		buf.Reset()
	}
}

func (p *printer) verdict(host string, r *check.Result) {
	if r == nil {
		return
	}
	word := p.a.green(p.a.msg("ui.verdict_pass"))
	if !r.Pass {
		word = p.a.red(p.a.msg("ui.verdict_fail"))
	}
	fmt.Fprintf(p.out, "%s%s %s\n", p.prefix(host), p.a.bold(p.a.msg("ui.check")), word)
	for _, it := range r.Items {
		if r.Pass && it.OK {
			continue // a passing check says so in one line
		}
		mark := p.a.green("✓")
		if !it.OK {
			mark = p.a.red("✗")
		}
		fmt.Fprintf(p.out, "%s\n", p.a.hanging(p.prefix(host)+"  "+mark+" ", p.prefix(host)+"    ", it.Subject+": "+locales.Reason(p.a.lang, string(it.Reason.Code), it.Reason.Args...)))
	}
}

// summary prints one row per host: how the step went there.
func (p *printer) summary(reports []walk.StepReport) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.json {
		type row struct {
			Step   string `json:"step"`
			Host   string `json:"host"`
			Status string `json:"status"`
			Exit   int    `json:"exit"`
			Error  string `json:"error,omitempty"`
		}
		var rows []row
		for _, r := range reports {
			for _, h := range r.Hosts {
				rows = append(rows, row{Step: r.Step.ID, Host: h.Host, Status: string(h.Status), Exit: h.Exit, Error: errText(h.Err)})
			}
		}
		data, _ := json.Marshal(map[string]any{"event": "summary", "hosts": rows})
		p.out.Write(append(data, '\n'))
		return
	}
	type agg struct {
		last     walk.Status
		steps    int
		duration time.Duration
		note     string
	}
	byHost := map[string]*agg{}
	for _, r := range reports {
		for _, h := range r.Hosts {
			g := byHost[h.Host]
			if g == nil {
				g = &agg{}
				byHost[h.Host] = g
			}
			g.steps++
			g.duration += h.Duration
			if g.last == "" || g.last.OK() {
				g.last = h.Status
				g.note = errText(h.Err)
			}
		}
	}
	hosts := make([]string, 0, len(byHost))
	for h := range byHost {
		hosts = append(hosts, h)
	}
	sort.Strings(hosts)
	fmt.Fprintf(p.out, "\n%s\n", p.a.bold(p.a.msg("ui.summary")))
	for _, h := range hosts {
		g := byHost[h]
		st := p.a.statusWord(g.last)
		fmt.Fprintf(p.out, "  %-*s  %-24s %s %s\n", p.width, h, st, p.a.dim(locales.Duration(p.a.lang, g.duration)), p.a.dim(g.note))
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// statusWord is a status in the learner's language, coloured.
func (a *app) statusWord(s walk.Status) string {
	switch s {
	case walk.Passed:
		return a.green("✓ " + a.msg("ui.status_passed"))
	case walk.Done:
		return a.green("• " + a.msg("ui.status_done"))
	case walk.Marked:
		return a.cyan("✎ " + a.msg("ui.status_marked"))
	case walk.Skipped:
		return a.yellow("↷ " + a.msg("ui.status_skipped"))
	case walk.Failed:
		return a.red("✗ " + a.msg("ui.status_failed"))
	case walk.Unreachable:
		return a.red("? " + a.msg("ui.status_unreachable"))
	}
	return a.dim("· " + a.msg("ui.status_not_run"))
}

// progressNote is a step's state in the lab, for the list of steps: one
// status word when every host agrees, else each status with its hosts;
// "" without a lab or before the step ran anywhere.
func (a *app) progressNote(prog *walk.Progress, s *steps.Step) string {
	if prog == nil {
		return ""
	}
	hosts, _ := s.TargetHosts()
	var order []walk.Status
	by := map[walk.Status][]string{}
	for _, h := range hosts {
		st := prog.Get(s.ID, h.Name).Status
		if by[st] == nil {
			order = append(order, st)
		}
		by[st] = append(by[st], h.Name)
	}
	if len(order) == 0 || len(order) == 1 && order[0] == walk.NotRun {
		return ""
	}
	if len(order) == 1 {
		return "  " + a.statusWord(order[0])
	}
	var cells []string
	for _, st := range order {
		cells = append(cells, a.statusWord(st)+": "+strings.Join(by[st], ", "))
	}
	return "  " + strings.Join(cells, "  ")
}
