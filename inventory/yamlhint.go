package inventory

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"hardway/steps"
)

// The YAML parser says "value is not allowed in this context" when a line
// is indented wrongly; a learner needs to hear which fields belong at that
// place and how far they are indented. This file reads the inventory's
// lines as their indentation shows them to say so.

// level is a mapping open at some point of the file: its fields start at
// col; first is the line of its first field, for "as name: on line 4".
type level struct {
	col     int
	dash    int    // the column of "- " of a list item's mapping, else -1
	path    string // "", "defaults", "hosts[]", "vars" ...
	first   int
	key     string // its first key
	pending string // its last key when that key opens a block (key: and nothing after)
}

// yamlLine is one line that holds something.
type yamlLine struct {
	num   int
	col   int // where the key (or the item's value) starts, after any "- "
	dash  int // the column of "- ", or -1
	key   string
	block bool // "key:" with nothing after it
}

var keyLineRE = regexp.MustCompile(`^( *)((?:- +)?)([A-Za-z0-9_.-]+)\s*:(?:\s+(.*))?$`)

func readLines(data []byte) []yamlLine {
	var out []yamlLine
	for i, raw := range strings.Split(string(data), "\n") {
		text := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimLeft(text, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		l := yamlLine{num: i + 1, dash: -1}
		if m := keyLineRE.FindStringSubmatch(text); m != nil {
			l.col = len(m[1]) + len(m[2])
			if m[2] != "" {
				l.dash = len(m[1])
			}
			l.key = m[3]
			rest := strings.TrimSpace(m[4])
			l.block = rest == "" || strings.HasPrefix(rest, "#")
		} else {
			indent := len(text) - len(trimmed)
			l.col = indent
			if strings.HasPrefix(trimmed, "- ") || trimmed == "-" {
				l.dash = indent
				l.col = indent + 2
			}
		}
		out = append(out, l)
	}
	return out
}

// openLevels are the mappings open after the given lines, outermost first.
func openLevels(lines []yamlLine) []*level {
	stack := []*level{{col: 0, dash: -1, path: ""}}
	for _, l := range lines {
		top := stack[len(stack)-1]
		if l.dash >= 0 {
			for len(stack) > 1 && (top.dash < 0 && top.col > l.dash || top.dash > l.dash) {
				stack = stack[:len(stack)-1]
				top = stack[len(stack)-1]
			}
			if top.dash == l.dash && len(stack) > 1 {
				// The next item of the same list.
				stack = stack[:len(stack)-1]
				top = stack[len(stack)-1]
			}
			item := &level{col: l.col, dash: l.dash, path: join(top.path, top.pending) + "[]", first: l.num, key: l.key}
			if l.block && l.key != "" {
				item.pending = l.key
			}
			stack = append(stack, item)
			continue
		}
		for len(stack) > 1 && top.col > l.col {
			stack = stack[:len(stack)-1]
			top = stack[len(stack)-1]
		}
		if l.col > top.col && top.pending != "" {
			top = &level{col: l.col, dash: -1, path: join(top.path, top.pending), first: l.num, key: l.key}
			stack = append(stack, top)
		}
		if top.key == "" {
			top.first, top.key = l.num, l.key
		}
		top.pending = ""
		if l.block {
			top.pending = l.key
		}
	}
	return stack
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldsAt are the field names a mapping of the inventory takes, and what
// to call them; nil for a mapping whose keys are free (vars:).
func fieldsAt(path string) ([]string, string) {
	switch path {
	case "":
		return yamlFields(Inventory{}), "the top-level fields"
	case "defaults":
		return yamlFields(HostDefaults{}), "the fields of defaults:"
	case "hosts[]":
		return yamlFields(Host{}), "a host's fields"
	case "vars":
		return nil, "the track's variables"
	}
	return nil, ""
}

func yamlFields(v any) []string {
	var out []string
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("yaml"); tag != "" && tag != "-" {
			out = append(out, strings.Split(tag, ",")[0])
		}
	}
	return out
}

// describe is "a host's fields (name, ssh, ...) are indented 4 spaces here,
// as name: on line 3".
func (lv *level) describe() string {
	fields, what := fieldsAt(lv.path)
	if what == "" {
		what = "the fields of " + lv.path + ":"
	}
	if len(fields) > 0 {
		what += " (" + strings.Join(fields, ", ") + ")"
	}
	s := fmt.Sprintf("%s are indented %s here", what, spaces(lv.col))
	if lv.col == 0 {
		s = what + " start at the beginning of the line"
	}
	if lv.key != "" {
		s += fmt.Sprintf(", as %s: on line %d", lv.key, lv.first)
	}
	return s
}

// indentationHint explains a parse error near line: the first of line and
// the one after it whose indentation fits no open mapping. It returns the
// line it speaks of and what to say, or 0.
func indentationHint(data []byte, line int) (int, string) {
	lines := readLines(data)
	for i, l := range lines {
		if l.num != line && l.num != line+1 || l.key == "" {
			continue
		}
		levels := openLevels(lines[:i])
		if fits(levels, l) {
			continue
		}
		return l.num, explainMisfit(levels, lines[:i], l)
	}
	return 0, ""
}

// fits reports whether a line's indentation continues one of the open
// mappings, or opens a block under the last key.
func fits(levels []*level, l yamlLine) bool {
	top := levels[len(levels)-1]
	if l.col > top.col && top.pending != "" {
		return true
	}
	for _, lv := range levels {
		if l.dash >= 0 && (lv.dash == l.dash || lv == top && lv.pending != "" && l.dash >= lv.col) {
			return true
		}
		if l.dash < 0 && lv.col == l.col {
			return true
		}
	}
	return false
}

// explainMisfit says where the line's key belongs: the open mapping that
// takes such a field (the innermost), else the nearest by indentation.
func explainMisfit(levels []*level, before []yamlLine, l yamlLine) string {
	var best *level
	for _, lv := range levels {
		fields, _ := fieldsAt(lv.path)
		for _, f := range fields {
			if f == l.key {
				best = lv
			}
		}
	}
	if best == nil {
		for _, lv := range levels {
			if best == nil || abs(lv.col-l.col) < abs(best.col-l.col) {
				best = lv
			}
		}
	}
	if l.dash >= 0 {
		if item := innermostItem(levels); item != nil {
			return fmt.Sprintf("- %s: is indented %s; the items of %s: are indented %s here, as - %s: on line %d",
				l.key, spaces(l.dash), strings.TrimSuffix(item.path, "[]"), spaces(item.dash), item.key, item.first)
		}
	}
	prev := before[len(before)-1]
	if l.col > prev.col && !prev.block && prev.key != "" {
		return fmt.Sprintf("%s: is indented more than %s: on line %d, so YAML reads it as the rest of %s's value; %s",
			l.key, prev.key, prev.num, prev.key, best.describe())
	}
	return fmt.Sprintf("%s: is indented %s, which matches no level above it; %s", l.key, spaces(l.col), best.describe())
}

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

func innermostItem(levels []*level) *level {
	for i := len(levels) - 1; i >= 0; i-- {
		if levels[i].dash >= 0 {
			return levels[i]
		}
	}
	return nil
}

// tabHint: YAML indents with spaces only, and a tab there is a parse error
// whose words ("cannot start any token") say nothing of indentation.
func tabHint(data []byte, line int) string {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	text := lines[line-1]
	indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
	if !strings.Contains(indent, "\t") {
		return ""
	}
	return "this line is indented with a tab: YAML indents with spaces only"
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// unknownFieldHint lists the fields the mapping of line takes, and the
// nearest to the unknown one.
func unknownFieldHint(data []byte, line int, field string) string {
	lines := readLines(data)
	for i, l := range lines {
		if l.num != line {
			continue
		}
		levels := openLevels(lines[:i+1])
		fields, what := fieldsAt(levels[len(levels)-1].path)
		if len(fields) == 0 {
			return ""
		}
		hint := fmt.Sprintf("; %s are: %s", what, strings.Join(fields, ", "))
		if near := steps.Nearest(field, fields, 1); len(near) > 0 {
			hint += fmt.Sprintf(" (did you mean %s?)", near[0])
		}
		return hint
	}
	return ""
}
