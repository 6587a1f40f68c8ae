package check

import (
	"reflect"
	"strings"
	"testing"
)

// want is the expected shape of one Item. Args nil means "not compared";
// an empty non-nil slice means "no args".
type want struct {
	Subject string
	OK      bool
	Code    Code
	Args    []string
}

func pass(subject string, code Code, args ...string) want {
	return want{Subject: subject, OK: true, Code: code, Args: argsOrNil(args)}
}

func bad(subject string, code Code, args ...string) want {
	return want{Subject: subject, OK: false, Code: code, Args: argsOrNil(args)}
}

func argsOrNil(a []string) []string {
	if len(a) == 0 {
		return nil
	}
	return a
}

// evalCase is one row of a kind's table test; the same rows seed the fuzz
// targets.
type evalCase struct {
	name  string
	out   Output
	pass  bool
	items []want
}

// pasted is an output whose exit status is unknown (copied from a terminal).
func pasted(text string) Output { return Output{Text: text, Exit: ExitUnknown} }

// ran is an output captured with its exit status.
func ran(text string, exit int) Output { return Output{Text: text, Exit: exit} }

// crlf turns LF line ends into CRLF, as a PTY prints them.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// assertResult compares a Result with the expected verdict, item by item:
// count, order, Subject, OK, Code and (when given) Args.
func assertResult(t *testing.T, got Result, wantPass bool, items []want) {
	t.Helper()
	if got.Pass != wantPass {
		t.Errorf("Pass = %v, want %v; items: %s", got.Pass, wantPass, dump(got))
	}
	if len(got.Items) != len(items) {
		t.Fatalf("got %d items, want %d: %s", len(got.Items), len(items), dump(got))
	}
	for i, w := range items {
		g := got.Items[i]
		if g.Subject != w.Subject || g.OK != w.OK || g.Reason.Code != w.Code {
			t.Errorf("item %d = {%q ok=%v %s}, want {%q ok=%v %s}; args %q",
				i, g.Subject, g.OK, g.Reason.Code, w.Subject, w.OK, w.Code, g.Reason.Args)
			continue
		}
		if w.Args != nil && !reflect.DeepEqual(g.Reason.Args, w.Args) {
			t.Errorf("item %d (%s %s) args = %q, want %q", i, g.Subject, g.Reason.Code, g.Reason.Args, w.Args)
		}
	}
	// The invariant every caller relies on.
	if got.Pass && len(got.Failures()) > 0 {
		t.Errorf("Pass with failures: %s", dump(got))
	}
}

func dump(r Result) string {
	var b strings.Builder
	for _, it := range r.Items {
		b.WriteString("\n  {")
		b.WriteString(it.Subject)
		if it.OK {
			b.WriteString(" ok ")
		} else {
			b.WriteString(" FAIL ")
		}
		b.WriteString(string(it.Reason.Code))
		for _, a := range it.Reason.Args {
			b.WriteString(" " + strings.TrimSpace(a))
		}
		b.WriteString("}")
	}
	return b.String()
}

// runCases evaluates every case with a fresh check from newCheck.
func runCases(t *testing.T, newCheck func() Check, cases []evalCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newCheck()
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			assertResult(t, c.Evaluate(tc.out), tc.pass, tc.items)
		})
	}
}

// validateCase is one row of a Validate table.
type validateCase struct {
	name    string
	check   Check
	wantErr bool
}

func runValidate(t *testing.T, cases []validateCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.check.Validate()
			if (err != nil) != tc.wantErr {
				t.Fatalf("Validate() = %v, want error: %v", err, tc.wantErr)
			}
		})
	}
}
