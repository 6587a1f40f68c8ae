package cli

import (
	"hardway/steps"
)

// hostsToConnectFirst narrows the hosts that the terminal UI connects before
// it opens (their keys reviewed on the plain terminal) to those of the step
// the learner resumes at: the first step not done on all its hosts, as the
// UI resumes. The others are connected when a step first needs them (the
// pool dials on first use), so a host the learner does not use is neither
// contacted nor reported.
func (a *app) hostsToConnectFirst(l *lab, candidates []steps.Host) []steps.Host {
	s := resumeStep(l)
	if s == nil {
		return nil
	}
	selectors := append([]string{}, s.Targets...)
	if s.Check != nil {
		selectors = append(selectors, s.Check.On...)
	}
	needed := map[string]bool{}
	if hosts, err := l.engine.Select(selectors, nil); err == nil {
		for _, h := range hosts {
			needed[h.Name] = true
		}
	}
	var out []steps.Host
	for _, h := range candidates {
		if needed[h.Name] {
			out = append(out, h)
		}
	}
	return out
}

// resumeStep is the first step of the track not done on all its hosts, or
// the first step when every one is.
func resumeStep(l *lab) *steps.Step {
	all := l.track.Steps()
	if len(all) == 0 {
		return nil
	}
	if l.engine.Progress == nil {
		return all[0]
	}
	for _, s := range all {
		hosts, _ := l.engine.Select(s.Targets, nil)
		for _, h := range hosts {
			if !l.engine.Progress.Get(s.ID, h.Name).Status.OK() {
				return s
			}
		}
	}
	return all[0]
}
