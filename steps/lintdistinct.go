package steps

import (
	"hardway/check"
)

// acrossHosts judges every sample of a check that compares hosts
// (distinct:) as the engine does: each check host prints the sample with
// its own placeholder values, each output is judged alone, then the hosts
// are compared. It returns the verdicts by sample, then host; nil for a
// check that compares nothing or cannot be built (lint says why elsewhere).
func acrossHosts(c *CheckSpec, hosts []hostVars) [][]check.Result {
	cmp, err := c.Comparison()
	if cmp == nil || err != nil {
		return nil
	}
	names := make([]string, len(hosts))
	kinds := make([]check.Check, len(hosts))
	for i, h := range hosts {
		if kinds[i], err = c.Build(h.vars); err != nil {
			return nil
		}
		names[i] = h.name
	}
	out := make([][]check.Result, len(c.Samples))
	for si, sm := range c.Samples {
		values := make([][]string, len(hosts))
		for i, h := range hosts {
			o := sm.OutputFor(h.vars)
			out[si] = append(out[si], kinds[i].Evaluate(o))
			values[i] = cmp.Values(o.Text)
		}
		for i, items := range cmp.Compare(names, values) {
			out[si][i] = check.Amend(out[si][i], items)
		}
	}
	return out
}

// lintDistinct: a check that compares hosts has hosts to compare, and
// samples that show both outcomes: a passing one where each host prints
// its own value (written with {{host.mac}}, {{host.uuid}} or {{host}}),
// and a failing one where hosts print the same (a clone's output, written
// without them). The passing samples are held to the comparison by
// lintSamples, with the verdicts acrossHosts gives.
func lintDistinct(s *Step, c *CheckSpec, stage string, hosts []hostVars, verdicts [][]check.Result, errs *Errors) {
	if len(hosts) < 2 {
		errs.add(c.File, c.DistinctLine, "step %s: %scheck.distinct compares the check's hosts, but it runs on one host only: drop distinct:, or check on more hosts", s.Slug, stage)
		return
	}
	if verdicts == nil {
		return
	}
	for si, sm := range c.Samples {
		if !sm.Pass && sharesValue(verdicts[si]) {
			return
		}
	}
	errs.add(c.File, c.DistinctLine, "step %s: %scheck.distinct: no failing sample shows hosts that share a value: add a fail: sample that every host prints alike (its value written out, not {{host.mac}} or {{host.uuid}}), such as a clone of the same VM image prints", s.Slug, stage)
}

// sharesValue reports whether the comparison found a value on more than
// one host.
func sharesValue(byHost []check.Result) bool {
	for _, r := range byHost {
		for _, it := range r.Items {
			if it.Reason.Code == check.DistinctShared {
				return true
			}
		}
	}
	return false
}
