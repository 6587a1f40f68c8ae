package steps

import (
	"regexp"
	"sort"
)

// Carry is a shell variable a step uses that an earlier step defined on the
// same host: the engine must bring it into the step's shell, as the
// learner's own terminal would still have it.
type Carry struct {
	Name string
	From *Step
}

var varRefRE = regexp.MustCompile(`\$\{?([A-Za-z_][A-Za-z0-9_]*)`)

// Carried lists the variables step s uses from earlier steps, each with the
// last step before s that defines it on an overlapping set of hosts.
func (t *Track) Carried(s *Step) []Carry {
	used := map[string]bool{}
	texts := append([]string{}, s.Commands...)
	texts = append(texts, s.DoneIf)
	if s.Check != nil {
		texts = append(texts, s.Check.Run)
	}
	texts = append(texts, s.Diagnostics...)
	for _, txt := range texts {
		for _, m := range varRefRE.FindAllStringSubmatch(txt, -1) {
			used[m[1]] = true
		}
	}
	own := map[string]bool{}
	for _, d := range s.Defines {
		own[d] = true
	}
	mine, _ := s.TargetHosts()
	if checkHosts, _ := s.CheckHosts(); len(checkHosts) > 0 {
		mine = append(mine, checkHosts...)
	}
	from := map[string]*Step{}
	for _, prev := range t.Steps() {
		if prev == s {
			break
		}
		for _, d := range prev.Defines {
			if !used[d] || own[d] {
				continue
			}
			theirs, _ := prev.TargetHosts()
			if overlap(mine, theirs) {
				from[d] = prev
			}
		}
	}
	var out []Carry
	for name, st := range from {
		out = append(out, Carry{Name: name, From: st})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func overlap(a, b []Host) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Name == y.Name {
				return true
			}
		}
	}
	return false
}
