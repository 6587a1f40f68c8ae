package walk

import (
	"strings"
	"time"

	"hardway/check"
	"hardway/steps"
)

// compareHosts is the judgement across hosts of a check with distinct:
// once every host was judged on its own, the values their outputs show
// are compared, and a host that shares one with another fails, whatever
// its own verdict, as clones of one VM image must. Hosts that could not
// be judged (unreachable) are left out. Each compared host's transcript
// records the comparison: what every host showed, and the host's verdict.
func (e *Engine) compareHosts(s *steps.Step, judged []judgement) {
	cmp, err := s.Check.Comparison()
	if err != nil || cmp == nil {
		return // a pattern that does not compile is a load error already
	}
	var at []int
	var names []string
	var values [][]string
	for i, j := range judged {
		if j.told || j.rep.Check == nil {
			continue
		}
		at = append(at, i)
		names = append(names, j.rep.Host)
		values = append(values, cmp.Values(j.text))
	}
	var shown strings.Builder
	for i, n := range names {
		shown.WriteString(n + ": " + strings.Join(values[i], ", ") + "\n")
	}
	for k, items := range cmp.Compare(names, values) {
		j := &judged[at[k]]
		amended := check.Amend(*j.rep.Check, items)
		j.rep.Check = &amended
		exit := 0
		for _, it := range items {
			if !it.OK {
				exit = 1
			}
		}
		if e.Transcript != nil {
			e.Transcript.Write(Record{Time: time.Now().UTC(), Step: s.ID, Host: j.rep.Host, Kind: "compare",
				Command: "distinct: " + cmp.Pattern, Output: shown.String(), Exit: exit, Verdict: j.rep.Check})
		}
	}
}
