package check

import (
	"fmt"
	"strings"
)

// ComponentStatuses checks `kubectl get componentstatuses`: every expected
// component is listed and Healthy. It tolerates the deprecation warning that
// v1.19+ prints first and both `{"health":"true"}` spellings, since the
// message column is never compared.
type ComponentStatuses struct {
	Expect []string `yaml:"expect"`
}

const (
	CSHealthy   Code = "cs.healthy"
	CSUnhealthy Code = "cs.unhealthy"
	CSMissing   Code = "cs.missing"
	CSNoTable   Code = "cs.no_table"
	// CSObsolete: Unhealthy on the insecure ports 10251/10252, which 1.20+
	// components no longer open; the component may well be fine.
	CSObsolete Code = "cs.obsolete_probe"
)

func init() {
	register("componentstatuses", "`kubectl get componentstatuses`: each expected component Healthy",
		func() Check { return &ComponentStatuses{} })
}

func (c *ComponentStatuses) Validate() error {
	if len(c.Expect) == 0 {
		return fmt.Errorf("expect: list the components that must be Healthy")
	}
	return nil
}

type csRow struct{ status, detail string }

func parseComponentStatuses(text string) (map[string]csRow, bool) {
	rows := map[string]csRow{}
	header := false
	for _, l := range lines(text) {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		if f[0] == "NAME" && len(f) > 1 && f[1] == "STATUS" {
			header = true
			continue
		}
		if !header || len(f) < 2 {
			continue
		}
		if f[1] != "Healthy" && f[1] != "Unhealthy" && f[1] != "Unknown" {
			continue
		}
		// Everything after the status: the message (Healthy) or the error
		// (Unhealthy), whichever column the table put it in.
		rest := strings.TrimSpace(l)
		rest = strings.TrimSpace(strings.TrimPrefix(rest, f[0]))
		rest = strings.TrimSpace(strings.TrimPrefix(rest, f[1]))
		rows[f[0]] = csRow{status: f[1], detail: rest}
	}
	return rows, header
}

func (c *ComponentStatuses) Evaluate(out Output) Result {
	// The table comes first: its Unhealthy rows quote "connection refused"
	// and the like, which must not be read as kubectl's own failure.
	rows, header := parseComponentStatuses(out.Text)
	if !header {
		if it, bad := preflight("componentstatuses", out); bad {
			return result([]Item{it})
		}
		return result([]Item{fail("componentstatuses", CSNoTable, firstLine(out.Text))})
	}
	var items []Item
	for _, name := range c.Expect {
		r, found := rows[name]
		switch {
		case !found:
			items = append(items, fail(name, CSMissing))
		case r.status == "Healthy":
			items = append(items, ok(name, CSHealthy))
		case strings.Contains(r.detail, ":10251") || strings.Contains(r.detail, ":10252"):
			items = append(items, fail(name, CSObsolete, r.detail))
		default:
			items = append(items, fail(name, CSUnhealthy, r.status, r.detail))
		}
	}
	return result(items)
}
