// Package check holds the pure verification logic of hardway: each check kind
// parses the output a command printed on one host and says, item by item,
// whether it matches what the tutorial expects. Nothing here does I/O, so every
// verdict can be reproduced from a captured output (`hardway check`).
package check

import (
	"fmt"
	"sort"
	"strings"
)

// Output is what a check looks at: the text a command printed (stdout and
// stderr interleaved, as a terminal shows them) and its exit status, or
// ExitUnknown when only the text is known (a pasted output).
type Output struct {
	Text string
	Exit int
	// Command is what printed Text, when known: a silent failure can then
	// name the -q that hid its error messages.
	Command string
}

// ExitUnknown marks an Output whose exit status was not captured.
const ExitUnknown = -1

// Code names a reason in a language-neutral way; locales turns it into a
// sentence in the learner's language, filling {0}, {1}... from Args.
type Code string

// Reason says why an item passed or failed.
type Reason struct {
	Code Code
	Args []string
}

// Item is one thing a check looked at: a component, an etcd member, a unit.
type Item struct {
	Subject string // what was checked, e.g. "scheduler" or "controller-1"
	OK      bool
	Reason  Reason
}

// Result is the verdict on one output.
type Result struct {
	Pass  bool
	Items []Item
	// Identity names what was seen in a way that changes when the thing
	// checked was replaced: a unit's main PID and restart count. The engine
	// passes a steady check only when it keeps passing with the same
	// identity for the check's settle window; "" when the output says
	// nothing about it.
	Identity string `json:"identity,omitempty"`
}

// Failures returns the items that did not pass.
func (r Result) Failures() []Item {
	var out []Item
	for _, it := range r.Items {
		if !it.OK {
			out = append(out, it)
		}
	}
	return out
}

// Check is one check kind with its parameters filled in. The loader decodes a
// step's `params:` straight into the value New returns, then calls Validate.
type Check interface {
	// Validate reports parameters that can never pass (empty expectations,
	// a bad regular expression ...).
	Validate() error
	// Evaluate gives the verdict on one host's output.
	Evaluate(Output) Result
}

type kindInfo struct {
	new  func() Check
	help string
}

var kinds = map[string]kindInfo{}

func register(name, help string, f func() Check) {
	kinds[name] = kindInfo{new: f, help: help}
}

// New returns an empty check of the given kind, ready to receive its parameters.
func New(kind string) (Check, error) {
	k, ok := kinds[kind]
	if !ok {
		return nil, fmt.Errorf("unknown check kind %q (known: %s)", kind, strings.Join(Kinds(), ", "))
	}
	return k.new(), nil
}

// Kinds lists the registered check kinds, sorted.
func Kinds() []string {
	var names []string
	for n := range kinds {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Help returns the one-line description of a kind.
func Help(kind string) string { return kinds[kind].help }

// result builds a Result whose Pass is true when there is at least one item and
// every item is OK.
func result(items []Item) Result {
	pass := len(items) > 0
	for _, it := range items {
		if !it.OK {
			pass = false
		}
	}
	return Result{Pass: pass, Items: items}
}

func ok(subject string, code Code, args ...string) Item {
	return Item{Subject: subject, OK: true, Reason: Reason{Code: code, Args: args}}
}

func fail(subject string, code Code, args ...string) Item {
	return Item{Subject: subject, OK: false, Reason: Reason{Code: code, Args: args}}
}

// lines splits text into lines, dropping \r (terminal line ends and progress
// redraws) and ANSI colour sequences, so outputs captured from a PTY and pasted
// ones parse alike.
func lines(text string) []string {
	text = StripANSI(text)
	raw := strings.Split(text, "\n")
	out := make([]string, 0, len(raw))
	for _, l := range raw {
		// A carriage return in the middle of a line means the terminal
		// redrew it: keep what was written last.
		l = strings.TrimRight(l, "\r")
		if i := strings.LastIndexByte(l, '\r'); i >= 0 {
			l = l[i+1:]
		}
		out = append(out, l)
	}
	return out
}

// StripANSI removes CSI and OSC escape sequences.
func StripANSI(s string) string {
	if !strings.ContainsRune(s, 0x1b) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != 0x1b {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			break
		}
		switch s[i+1] {
		case '[': // CSI: parameters then one final byte in 0x40..0x7e
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
		case ']': // OSC: ends with BEL or ESC \
			j := i + 2
			for j < len(s) && s[j] != 0x07 && !(s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\') {
				j++
			}
			if j < len(s) && s[j] == 0x1b {
				j++
			}
			i = j
		default: // ESC, intermediate bytes 0x20..0x2f, one final byte: ESC ( B, ESC 7 ...
			j := i + 1
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
				j++
			}
			i = j
		}
	}
	return b.String()
}

// connectionError recognises the outputs that mean the command never reached
// what it talks to, so a check can say so instead of "component missing".
func connectionError(text string) (string, bool) {
	for _, l := range lines(text) {
		t := strings.TrimSpace(l)
		low := strings.ToLower(t)
		switch {
		case strings.Contains(low, "connection refused"),
			strings.Contains(low, "connection timed out"),
			strings.Contains(low, "context deadline exceeded"),
			strings.Contains(low, "no route to host"),
			strings.Contains(low, "could not resolve host"),
			strings.Contains(low, "i/o timeout"),
			strings.Contains(low, "tls: bad certificate"),
			strings.Contains(low, "x509:"),
			strings.Contains(low, "unable to connect to the server"),
			// kubectl: "The connection to the server localhost:8080 was
			// refused - did you specify the right host or port?"
			strings.HasPrefix(low, "the connection to the server ") && strings.Contains(low, " was refused"):
			return t, true
		}
	}
	return "", false
}

// Reason codes shared by several kinds.
const (
	EmptyOutput     Code = "check.empty_output"
	CommandFailed   Code = "check.command_failed"
	ConnectionError Code = "check.connection_error"
	CommandNotFound Code = "check.command_not_found"
	PermissionError Code = "check.permission_denied"
)

// preflight handles what every kind treats alike: an empty output, a missing
// command, a permission error, missing files, a refused connection. It
// returns a failing item, or ok=false when the kind should parse the output
// itself.
func preflight(subject string, out Output) (Item, bool) {
	if strings.TrimSpace(StripANSI(out.Text)) == "" {
		if it, bad := silentFailure(subject, out); bad {
			return it, true
		}
		return fail(subject, EmptyOutput), true
	}
	if it, bad := commandNotFound(subject, out.Text); bad {
		return it, true
	}
	for _, l := range lines(out.Text) {
		t := strings.TrimSpace(l)
		if strings.Contains(t, "Permission denied") || strings.Contains(t, "permission denied") {
			return fail(subject, PermissionError, t), true
		}
	}
	if files := missingFiles(out.Text); len(files) > 0 {
		return fail(subject, MissingFiles, strings.Join(files, ", "), fmt.Sprint(len(files))), true
	}
	if msg, bad := connectionError(out.Text); bad {
		return fail(subject, ConnectionError, msg), true
	}
	return Item{}, false
}

// firstLine returns the first non-blank line, for quoting in a reason.
func firstLine(text string) string {
	for _, l := range lines(text) {
		if t := strings.TrimSpace(l); t != "" {
			return t
		}
	}
	return ""
}
