package check

import (
	"fmt"
	"regexp"
	"strings"
)

// Distinct compares the hosts of one check instead of judging one output:
// a value each host prints (a MAC address, a product_uuid) must be its own.
// Clones of one VM image share them, and each clone passes a look on its
// own. The value is the capture group of a regular expression; its name,
// when it has one ((?P<MAC>...)), labels the value in reasons.
type Distinct struct {
	Pattern string
	Label   string
	re      *regexp.Regexp
}

// Reason codes of the comparison.
const (
	DistinctOwn    Code = "distinct.own"
	DistinctShared Code = "distinct.shared"
	DistinctNone   Code = "distinct.none"
)

// NewDistinct compiles the pattern (multi-line: ^ and $ match at each
// line) and requires exactly one capture group: the value compared.
func NewDistinct(pattern string) (*Distinct, error) {
	if strings.TrimSpace(pattern) == "" {
		return nil, fmt.Errorf("an empty pattern: give a regular expression with one capture group, the value each host must have to itself")
	}
	re, err := regexp.Compile("(?m)" + pattern)
	if err != nil {
		return nil, err
	}
	if n := re.NumSubexp(); n != 1 {
		return nil, fmt.Errorf("%q has %d capture groups: want exactly one, the value compared (write other groups as (?:...))", pattern, n)
	}
	label := re.SubexpNames()[1]
	if label == "" {
		label = "value"
	}
	return &Distinct{Pattern: pattern, Label: label, re: re}, nil
}

// Values are the values an output shows, each once, in the order printed.
// Lines are read as a terminal shows them (colours and \r redraws gone).
func (d *Distinct) Values(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range d.re.FindAllStringSubmatch(strings.Join(lines(text), "\n"), -1) {
		if v := m[1]; v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// Compare takes each host's values (hosts[i] printed values[i]) and says
// for each host what the comparison found: a failing item for every value
// another host shows too, naming those hosts; a failing item when the host
// shows no value at all; otherwise one passing item listing its values.
func (d *Distinct) Compare(hosts []string, values [][]string) [][]Item {
	holders := map[string][]string{} // value -> hosts that show it, in order
	for i, vs := range values {
		for _, v := range vs {
			holders[v] = append(holders[v], hosts[i])
		}
	}
	out := make([][]Item, len(hosts))
	for i, vs := range values {
		if len(vs) == 0 {
			out[i] = []Item{fail(d.Label, DistinctNone, d.Pattern)}
			continue
		}
		for _, v := range vs {
			if others := without(holders[v], hosts[i]); len(others) > 0 {
				out[i] = append(out[i], fail(d.Label, DistinctShared, strings.Join(others, ", "), v))
			}
		}
		if len(out[i]) == 0 {
			out[i] = []Item{ok(d.Label, DistinctOwn, strings.Join(vs, ", "))}
		}
	}
	return out
}

// Amend adds the comparison's items to a host's own verdict: a host that
// passed on its own fails when it shares a value. A host that failed on
// its own says why already; that it printed no value adds nothing.
func Amend(r Result, items []Item) Result {
	all := append([]Item(nil), r.Items...)
	for _, it := range items {
		if !r.Pass && it.Reason.Code == DistinctNone {
			continue
		}
		all = append(all, it)
	}
	out := result(all)
	out.Pass = out.Pass && r.Pass
	out.Identity = r.Identity
	return out
}

func without(list []string, x string) []string {
	var out []string
	for _, s := range list {
		if s != x {
			out = append(out, s)
		}
	}
	return out
}
