package remote

import "strings"

// wildcard reports whether s matches pattern, where * is any run of
// characters and ? is any one character, as in ssh_config(5) PATTERNS.
func wildcard(pattern, s string) bool {
	// Iterative matching with one backtrack point: the last * seen.
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// matchPatternList is OpenSSH's pattern-list rule: s matches when one
// pattern of the comma-separated list matches and no negated (!) one does.
// lower compares case-insensitively, as host names are.
func matchPatternList(s, list string, lower bool) bool {
	if lower {
		s = strings.ToLower(s)
	}
	matched := false
	for _, p := range strings.Split(list, ",") {
		p = strings.TrimSpace(p)
		if lower {
			p = strings.ToLower(p)
		}
		negated := strings.HasPrefix(p, "!")
		if negated {
			p = p[1:]
		}
		if !wildcard(p, s) {
			continue
		}
		if negated {
			return false
		}
		matched = true
	}
	return matched
}

// matchHostPatterns is the rule of a Host line: its patterns are separate
// arguments, any negated one that matches excludes the host.
func matchHostPatterns(host string, patterns []string) bool {
	matched := false
	for _, p := range patterns {
		negated := strings.HasPrefix(p, "!")
		if negated {
			p = p[1:]
		}
		if !wildcard(p, host) {
			continue
		}
		if negated {
			return false
		}
		matched = true
	}
	return matched
}
