package walk

import "hardway/steps"

// CheckNow returns the step's check as it applies on host at this point of
// the walk: a check with stages (haproxy's /healthz: 503 until the API
// servers run, then 200) takes the stage the learner's progress has reached.
func CheckNow(t *steps.Track, p *Progress, s *steps.Step, host string) *steps.CheckSpec {
	if s.Check == nil {
		return nil
	}
	return s.Check.At(func(id string) bool { return StepDone(t, p, id, host) })
}

// StepDone reports whether a step is done as seen from host: on host itself
// when the step runs there, else on every host it runs on.
func StepDone(t *steps.Track, p *Progress, stepID, host string) bool {
	if p == nil {
		return false
	}
	s := t.Step(stepID)
	if s == nil {
		return false
	}
	hosts, err := s.TargetHosts()
	if err != nil || len(hosts) == 0 {
		return false
	}
	for _, h := range hosts {
		if h.Name == host {
			return p.Get(stepID, host).Status.OK()
		}
	}
	for _, h := range hosts {
		if !p.Get(stepID, h.Name).Status.OK() {
			return false
		}
	}
	return true
}
