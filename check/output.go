package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Match is the generic check: the exit status, text the output must or must
// not contain, regular expressions it must match, or the exact output.
type Match struct {
	Exit        *int     `yaml:"exit"`
	Equals      *string  `yaml:"equals"`
	Contains    []string `yaml:"contains"`
	NotContains []string `yaml:"not_contains"`
	Matches     []string `yaml:"matches"`

	res []*regexp.Regexp
}

const (
	MatchExitOK         Code = "match.exit_ok"
	MatchExitWrong      Code = "match.exit_wrong"
	MatchExitUnknown    Code = "match.exit_unknown"
	MatchEquals         Code = "match.equals"
	MatchNotEquals      Code = "match.not_equals"
	MatchContains       Code = "match.contains"
	MatchMissing        Code = "match.missing"
	MatchForbidden      Code = "match.forbidden"
	MatchAbsent         Code = "match.absent"
	MatchPattern        Code = "match.pattern"
	MatchPatternMissing Code = "match.pattern_missing"
)

func init() {
	register("output", "generic: exit status, contains / not_contains, regular expressions, exact output",
		func() Check { return &Match{} })
}

func (c *Match) Validate() error {
	if c.Exit == nil && c.Equals == nil && len(c.Contains) == 0 && len(c.NotContains) == 0 && len(c.Matches) == 0 {
		return fmt.Errorf("give at least one of exit, equals, contains, not_contains, matches")
	}
	// An empty not_contains can never pass, an empty contains always
	// does: both are mistakes in the step.
	for _, s := range c.Contains {
		if s == "" {
			return fmt.Errorf("contains: empty string")
		}
	}
	for _, s := range c.NotContains {
		if s == "" {
			return fmt.Errorf("not_contains: empty string")
		}
	}
	c.res = c.res[:0]
	for _, m := range c.Matches {
		if m == "" {
			return fmt.Errorf("matches: empty pattern (it matches anything)")
		}
		re, err := regexp.Compile("(?m)" + m)
		if err != nil {
			return fmt.Errorf("matches: %v", err)
		}
		c.res = append(c.res, re)
	}
	return nil
}

func (c *Match) Evaluate(out Output) Result {
	if len(c.res) != len(c.Matches) {
		if err := c.Validate(); err != nil {
			return result([]Item{fail("output", MatchPatternMissing, err.Error())})
		}
	}
	text := strings.Join(lines(out.Text), "\n")
	var items []Item
	if c.Exit != nil {
		want := strconv.Itoa(*c.Exit)
		switch {
		case out.Exit == ExitUnknown:
			// A pasted output has no exit status; the text decides.
			items = append(items, ok("exit", MatchExitUnknown, want))
		case out.Exit == *c.Exit:
			items = append(items, ok("exit", MatchExitOK, want))
		default:
			items = append(items, fail("exit", MatchExitWrong, strconv.Itoa(out.Exit), want))
		}
	}
	if c.Equals != nil {
		got := strings.TrimSpace(text)
		if got == strings.TrimSpace(*c.Equals) {
			items = append(items, ok("output", MatchEquals))
		} else if got == "" {
			items = append(items, fail("output", EmptyOutput))
		} else {
			items = append(items, fail("output", MatchNotEquals, clip(got, 200), strings.TrimSpace(*c.Equals)))
		}
	}
	for _, s := range c.Contains {
		if strings.Contains(text, s) {
			items = append(items, ok(s, MatchContains))
		} else {
			items = append(items, fail(s, MatchMissing))
		}
	}
	for _, s := range c.NotContains {
		if strings.Contains(text, s) {
			items = append(items, fail(s, MatchForbidden, lineWith(text, s)))
		} else {
			items = append(items, ok(s, MatchAbsent))
		}
	}
	for i, re := range c.res {
		if re.MatchString(text) {
			items = append(items, ok(c.Matches[i], MatchPattern))
		} else {
			items = append(items, fail(c.Matches[i], MatchPatternMissing))
		}
	}
	if strings.TrimSpace(text) == "" && c.Equals == nil && len(c.Contains)+len(c.Matches) > 0 {
		items = []Item{fail("output", EmptyOutput)}
	}
	r := result(items)
	if !r.Pass {
		r.Items = explained(r.Items, out)
	}
	return r
}

// explained puts first what the output says on its own (a missing command,
// missing files, a silent failure) when the expectations alone would only
// say "not found in the output". A silent failure replaces "printed
// nothing", which it says too.
func explained(items []Item, out Output) []Item {
	why := Explain(out)
	if len(why) == 0 {
		return items
	}
	for _, it := range items {
		if it.Reason.Code != EmptyOutput {
			why = append(why, it)
		}
	}
	return why
}

func lineWith(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return strings.TrimSpace(l)
		}
	}
	return s
}
