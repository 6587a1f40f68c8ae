package check

import (
	"fmt"
	"strings"
)

// Readyz checks the API server's verbose health endpoints (v1.16+),
// `/readyz?verbose` and `/livez?verbose`, as curl or `kubectl get --raw`
// prints them: one `[+]name ok` or `[-]name failed: reason` line per
// internal check, then `readyz check passed` (or failed). kubectl prints a
// failing body inside its error message with literal \n: both are read.
// componentstatuses, the classic check, is deprecated since v1.19 and says
// nothing about etcd through the API server's eyes.
type Readyz struct {
	Endpoints []string `yaml:"endpoints"` // readyz, livez, healthz
}

const (
	ReadyzPassed    Code = "readyz.passed"
	ReadyzFailed    Code = "readyz.failed"    // {0} the failing checks
	ReadyzNoVerdict Code = "readyz.no_answer" // {0} the first line
)

func init() {
	register("readyz", "the API server's `/readyz?verbose` and `/livez?verbose`: every internal check ok",
		func() Check { return &Readyz{} })
}

func (c *Readyz) Validate() error {
	if len(c.Endpoints) == 0 {
		return fmt.Errorf("endpoints: list readyz, livez or healthz")
	}
	for _, e := range c.Endpoints {
		switch e {
		case "readyz", "livez", "healthz":
		default:
			return fmt.Errorf("endpoints: %q is not readyz, livez or healthz", e)
		}
	}
	return nil
}

func (c *Readyz) Evaluate(out Output) Result {
	text := strings.ReplaceAll(out.Text, `\n`, "\n")
	verdict := map[string]bool{} // endpoint → passed
	failing := map[string][]string{}
	var pending []string // [-] lines of the endpoint being printed
	for _, l := range lines(text) {
		t := strings.TrimSpace(l)
		if i := strings.Index(t, "[-]"); i >= 0 {
			name, _, _ := strings.Cut(t[i+3:], " ")
			pending = append(pending, name)
			continue
		}
		for _, e := range []string{"readyz", "livez", "healthz"} {
			switch {
			case strings.Contains(t, e+" check passed"):
				verdict[e], pending = true, nil
			case strings.Contains(t, e+" check failed"):
				verdict[e] = false
				failing[e], pending = pending, nil
			}
		}
	}
	var items []Item
	for _, e := range c.Endpoints {
		passed, seen := verdict[e]
		switch {
		case passed:
			items = append(items, ok("/"+e, ReadyzPassed))
		case seen:
			items = append(items, fail("/"+e, ReadyzFailed, strings.Join(failing[e], ", ")))
		default:
			if it, bad := preflight("/"+e, out); bad {
				items = append(items, it)
			} else {
				items = append(items, fail("/"+e, ReadyzNoVerdict, firstLine(text)))
			}
		}
	}
	return result(items)
}
