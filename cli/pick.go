package cli

import (
	"strings"

	"hardway/steps"
	"hardway/walk"
)

// pickAll resolves what run and verify were given, in the track's order of
// the arguments: each argument a STEP, a CHAPTER or a range FROM..TO (from
// FROM's first step to TO's last); through, when set, adds every step from
// the first one not yet passed to the end of that chapter (or step). A step
// named twice runs once.
func pickAll(t *steps.Track, prog *walk.Progress, refs []string, through string) ([]*steps.Step, error) {
	var list []*steps.Step
	seen := map[string]bool{}
	add := func(ss []*steps.Step) {
		for _, s := range ss {
			if !seen[s.ID] {
				seen[s.ID] = true
				list = append(list, s)
			}
		}
	}
	for _, ref := range refs {
		ss, err := pickRef(t, ref)
		if err != nil {
			return nil, err
		}
		add(ss)
	}
	if through != "" {
		ss, err := pickThrough(t, prog, through)
		if err != nil {
			return nil, err
		}
		add(ss)
	}
	return list, nil
}

// pickRef is one argument: a step, a chapter or FROM..TO.
func pickRef(t *steps.Track, ref string) ([]*steps.Step, error) {
	from, to, isRange := strings.Cut(ref, "..")
	if !isRange {
		return pickSteps(t, ref)
	}
	if from == "" || to == "" {
		return nil, usage("%s: a range is FROM..TO, each a step or a chapter", ref)
	}
	first, err := pickSteps(t, from)
	if err != nil {
		return nil, err
	}
	last, err := pickSteps(t, to)
	if err != nil {
		return nil, err
	}
	all := t.Steps()
	i, j := indexOf(all, first[0]), indexOf(all, last[len(last)-1])
	if i > j {
		return nil, usage("%s: %s comes after %s", ref, from, to)
	}
	return all[i : j+1], nil
}

// pickThrough is every step from the first one not yet passed up to the
// end of target (a chapter, or a step).
func pickThrough(t *steps.Track, prog *walk.Progress, target string) ([]*steps.Step, error) {
	end, err := pickSteps(t, target)
	if err != nil {
		return nil, err
	}
	all := t.Steps()
	j := indexOf(all, end[len(end)-1])
	i := firstNotPassed(all, prog)
	if i > j {
		return nil, nil // everything up to there has passed already
	}
	return all[i : j+1], nil
}

// firstNotPassed is the index of the first step that some of its hosts
// have not passed (or done, skipped, marked); len(all) when there is none.
func firstNotPassed(all []*steps.Step, prog *walk.Progress) int {
	for i, s := range all {
		if len(s.Commands) == 0 && s.Check == nil {
			continue // prose only: nothing to pass
		}
		if !stepPassed(s, prog) {
			return i
		}
	}
	return len(all)
}

// stepPassed reports whether every host of the step can move on from it.
func stepPassed(s *steps.Step, prog *walk.Progress) bool {
	if prog == nil {
		return false
	}
	hosts, err := s.TargetHosts()
	if err != nil || len(hosts) == 0 {
		return false
	}
	for _, h := range hosts {
		if !prog.Get(s.ID, h.Name).Status.OK() {
			return false
		}
	}
	return true
}

func indexOf(all []*steps.Step, s *steps.Step) int {
	for i, x := range all {
		if x == s {
			return i
		}
	}
	return -1
}
