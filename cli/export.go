package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"hardway/check"
	"hardway/steps"
	"hardway/walk"
)

// exportCommand writes what happened, from the transcript, as a page to
// share: for each step and host the commands as run, how they ended, what
// they printed, and the check's verdict with its reasons and the hint.
func (a *app) exportCommand() *cobra.Command {
	var format, outFile string
	cmd := &cobra.Command{
		Use:   "export [STEP|CHAPTER]",
		Short: "Write what happened (commands, outputs, verdicts) as Markdown or HTML to share",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "md" && format != "html" {
				return usage("--format %s: md or html", format)
			}
			l, err := a.openProgressLab()
			if err != nil {
				return err
			}
			if l.pool != nil {
				defer l.pool.Close()
			}
			var only []*steps.Step
			if len(args) == 1 {
				if only, err = pickSteps(l.track, args[0]); err != nil {
					return err
				}
			}
			doc, err := a.collectExport(l, only)
			if err != nil {
				return err
			}
			if len(doc.Steps) == 0 {
				return usage("%s", a.msg("export.nothing", l.engine.Transcript.Path()))
			}
			var out io.Writer = a.env.Stdout
			if outFile != "" {
				f, err := os.OpenFile(outFile, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
				if err != nil {
					return usageError{err}
				}
				defer f.Close()
				out = f
			}
			if format == "html" {
				err = a.writeExportHTML(out, doc)
			} else {
				err = a.writeExportMarkdown(out, doc)
			}
			if err == nil && outFile != "" {
				fmt.Fprintln(a.env.Stderr, a.msg("export.written", outFile))
			}
			return err
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", "md (Markdown) or html (colours kept)")
	cmd.Flags().StringVarP(&outFile, "output", "o", "", "write to this file (default: standard output)")
	return cmd
}

// exportDoc is what an export says, before it is written in a format.
type exportDoc struct {
	Track, Version, Title string
	Transcript            string
	Steps                 []exportStep
}

type exportStep struct {
	ID, Title, Hint string
	Hosts           []exportHost
}

type exportHost struct {
	Host    string
	Status  walk.Status // from the progress: the engine's verdict
	Records []walk.Record
	Verdict *check.Result // the check's last output judged again, with its reasons
}

// collectExport reads the transcript: per step (in the track's order) and
// host, the last run of the step's commands and what followed it (the last
// check and the diagnostics), or the last check when only verified.
// Everything is redacted again with what the lab knows now.
func (a *app) collectExport(l *lab, only []*steps.Step) (*exportDoc, error) {
	recs, err := readTranscript(l.engine.Transcript.Path())
	if err != nil {
		return nil, err
	}
	red := l.engine.Redactor
	for i := range recs {
		recs[i].Command, recs[i].Output, recs[i].Error = red.Redact(recs[i].Command), red.Redact(recs[i].Output), red.Redact(recs[i].Error)
	}
	title, _ := l.track.Title(a.lang)
	doc := &exportDoc{Track: l.track.ID, Version: l.track.Version, Title: title, Transcript: l.engine.Transcript.Path()}
	list := only
	if list == nil {
		list = l.track.Steps()
	}
	for _, s := range list {
		st := exportStep{ID: s.ID}
		p, _ := s.Text(a.lang)
		st.Title, st.Hint = p.Title, strings.TrimSpace(p.Hint)
		for _, host := range hostsInOrder(l.track, recs, s.ID) {
			h := exportHost{Host: host, Status: l.engine.Progress.Get(s.ID, host).Status, Records: lastEpisode(recs, s.ID, host)}
			h.Verdict = a.judgeAgain(l, s, host, h.Records)
			st.Hosts = append(st.Hosts, h)
		}
		if len(st.Hosts) > 0 {
			doc.Steps = append(doc.Steps, st)
		}
	}
	return doc, nil
}

func readTranscript(path string) ([]walk.Record, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []walk.Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20) // outputs are bounded, but not small
	for sc.Scan() {
		var r walk.Record
		if json.Unmarshal(sc.Bytes(), &r) == nil {
			out = append(out, r)
		}
	}
	return out, sc.Err()
}

// hostsInOrder are the hosts the transcript has for the step, in the
// layout's order.
func hostsInOrder(t *steps.Track, recs []walk.Record, step string) []string {
	seen := map[string]bool{}
	for _, r := range recs {
		if r.Step == step {
			seen[r.Host] = true
		}
	}
	var out []string
	for _, h := range t.HostNames() {
		if seen[h] {
			out = append(out, h)
			delete(seen, h)
		}
	}
	for _, r := range recs { // a host the layout no longer has
		if seen[r.Host] {
			out = append(out, r.Host)
			delete(seen, r.Host)
		}
	}
	return out
}

// lastEpisode is the last time the step ran on the host: from its last
// guard or run record (or, when it was only verified, its last check) to
// the end, with the check attempts reduced to the last one, its output
// restored where the transcript kept it once ("[same output as attempt N]").
func lastEpisode(recs []walk.Record, step, host string) []walk.Record {
	var mine []walk.Record
	for _, r := range recs {
		if r.Step == step && r.Host == host {
			mine = append(mine, r)
		}
	}
	start := -1
	for i := len(mine) - 1; i >= 0 && start < 0; i-- {
		if mine[i].Kind == "run" {
			start = i
			for start > 0 && (mine[start-1].Kind == "only_if" || mine[start-1].Kind == "done_if") {
				start--
			}
		}
	}
	if start < 0 {
		// Only verified: from the first check after the last diagnostic
		// block before the last check.
		start = len(mine) - 1
		for start >= 0 && mine[start].Kind != "check" {
			start--
		}
		for start > 0 && mine[start-1].Kind == "check" {
			start--
		}
		if start < 0 {
			start = 0
		}
	}
	var out []walk.Record
	lastOutput := ""
	for i, r := range mine[start:] {
		if r.Kind == "check" {
			if strings.HasPrefix(r.Output, "[same output as attempt ") {
				r.Output = lastOutput
			}
			lastOutput = r.Output
			// Only the last attempt of a run of attempts.
			if next := start + i + 1; next < len(mine) && mine[next].Kind == "check" {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// judgeAgain judges the last check output with the step's check, for its
// reasons (the transcript keeps outputs, not verdicts). A step whose hosts
// were compared (distinct:) left the verdict after the comparison in a
// "compare" record: that one is used, since the output judged alone
// cannot see a value another host shares.
func (a *app) judgeAgain(l *lab, s *steps.Step, host string, recs []walk.Record) *check.Result {
	var last, compared *walk.Record
	for i := range recs {
		switch recs[i].Kind {
		case "check":
			last, compared = &recs[i], nil
		case "compare":
			if last != nil && recs[i].Verdict != nil {
				compared = &recs[i]
			}
		}
	}
	if last == nil || last.Error != "" {
		return nil
	}
	if compared != nil {
		v := *compared.Verdict
		return &v
	}
	c := walk.CheckNow(l.track, l.engine.Progress, s, host)
	h, _ := l.track.Host(host)
	if l.engine.Host != nil {
		h = l.engine.Host(host)
	}
	k, err := c.Build(l.engine.Vars.ForHost(h))
	if err != nil {
		return nil
	}
	res := k.Evaluate(check.Output{Text: last.Output, Exit: last.Exit, Command: last.Command})
	return &res
}
