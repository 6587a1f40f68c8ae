package steps

import (
	"fmt"
	"strings"
)

// Resolve turns target selectors (role names, host names) into hosts, in the
// layout's order, each once.
func (t *Track) Resolve(selectors []string) ([]Host, error) {
	want := map[string]bool{}
	var unknown []string
	for _, sel := range selectors {
		matched := false
		for _, h := range t.Hosts {
			if h.Name == sel || contains(h.Roles, sel) {
				want[h.Name] = true
				matched = true
			}
		}
		if !matched {
			unknown = append(unknown, sel)
		}
	}
	var out []Host
	for _, h := range t.Hosts {
		if want[h.Name] {
			out = append(out, h)
		}
	}
	if len(unknown) > 0 {
		return out, fmt.Errorf("no host or role named %s (roles: %s; hosts: %s)",
			strings.Join(unknown, ", "), strings.Join(t.Roles(), ", "), strings.Join(t.HostNames(), ", "))
	}
	return out, nil
}

// HostNames lists the layout's host names in order.
func (t *Track) HostNames() []string {
	names := make([]string, len(t.Hosts))
	for i, h := range t.Hosts {
		names[i] = h.Name
	}
	return names
}

// Host returns the named host.
func (t *Track) Host(name string) (Host, bool) {
	for _, h := range t.Hosts {
		if h.Name == name {
			return h, true
		}
	}
	return Host{}, false
}

// TargetHosts are the hosts the step's commands run on.
func (s *Step) TargetHosts() ([]Host, error) { return s.Chapter.Track.Resolve(s.Targets) }

// CheckHosts are the hosts the step's check runs on.
func (s *Step) CheckHosts() ([]Host, error) {
	if s.Check == nil {
		return nil, nil
	}
	if len(s.Check.On) > 0 {
		return s.Chapter.Track.Resolve(s.Check.On)
	}
	return s.TargetHosts()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
