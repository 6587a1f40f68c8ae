package walk

import "time"

// MarkByHand records that the learner did step by hand on each of hosts,
// without hardway running or checking anything: the status Marked, with
// note, and a transcript record of kind "mark". A host where the step
// already passed keeps Passed, since a verified result says more than a
// word; those hosts are returned as kept.
func MarkByHand(p *Progress, t *Transcript, step string, hosts []string, note string) (marked, kept []string, err error) {
	for _, h := range hosts {
		if p.Get(step, h).Status == Passed {
			kept = append(kept, h)
			continue
		}
		if err := p.Set(step, h, HostState{Status: Marked, Note: note}); err != nil {
			return marked, kept, err
		}
		marked = append(marked, h)
		if err := t.Write(Record{Time: time.Now().UTC(), Step: step, Host: h, Kind: "mark", Command: "hardway mark", Output: note}); err != nil {
			return marked, kept, err
		}
	}
	return marked, kept, nil
}

// UnmarkByHand removes the marks of step on hosts, as if the learner had
// never said so; a host whose state is not a mark is left as it is. It
// returns the hosts whose mark was removed, each written to the transcript
// as a record of kind "unmark".
func UnmarkByHand(p *Progress, t *Transcript, step string, hosts []string) (removed []string, err error) {
	for _, h := range hosts {
		if p.Get(step, h).Status != Marked {
			continue
		}
		if _, err := p.Unset(step, h); err != nil {
			return removed, err
		}
		removed = append(removed, h)
		if err := t.Write(Record{Time: time.Now().UTC(), Step: step, Host: h, Kind: "unmark", Command: "hardway mark --undo"}); err != nil {
			return removed, err
		}
	}
	return removed, nil
}
