package check

import (
	"fmt"
	"strings"
)

// Nodes checks `kubectl get nodes`: each expected node is listed and Ready,
// and, when a version is given, runs that kubelet version. AGE is ignored.
type Nodes struct {
	Nodes   []string `yaml:"nodes"`
	Version string   `yaml:"version"`
}

const (
	NodeReady        Code = "nodes.ready"
	NodeNotReady     Code = "nodes.not_ready"
	NodeMissing      Code = "nodes.missing"
	NodeWrongVersion Code = "nodes.wrong_version"
	NodeNoTable      Code = "nodes.no_table"
)

func init() {
	register("nodes", "`kubectl get nodes`: expected nodes Ready at the expected version",
		func() Check { return &Nodes{} })
}

func (c *Nodes) Validate() error {
	if len(c.Nodes) == 0 {
		return fmt.Errorf("nodes: list the nodes that must be Ready")
	}
	return nil
}

func (c *Nodes) Evaluate(out Output) Result {
	type row struct{ status, version string }
	rows := map[string]row{}
	statusCol, versionCol := -1, -1
	for _, l := range lines(out.Text) {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		if f[0] == "NAME" {
			for i, h := range f {
				switch h {
				case "STATUS":
					statusCol = i
				case "VERSION":
					versionCol = i
				}
			}
			continue
		}
		if statusCol < 0 || len(f) <= statusCol {
			continue
		}
		r := row{status: f[statusCol]}
		if versionCol >= 0 && len(f) > versionCol {
			r.version = f[versionCol]
		}
		rows[f[0]] = r
	}
	if statusCol < 0 {
		if it, bad := preflight("nodes", out); bad {
			return result([]Item{it})
		}
		return result([]Item{fail("nodes", NodeNoTable, firstLine(out.Text))})
	}
	var items []Item
	for _, n := range c.Nodes {
		r, found := rows[n]
		switch {
		case !found:
			items = append(items, fail(n, NodeMissing))
		case r.status != "Ready":
			// "Ready,SchedulingDisabled" is Ready for our purpose only when
			// the tutorial cordoned it, which it never does.
			items = append(items, fail(n, NodeNotReady, r.status))
		case c.Version != "" && r.version != c.Version:
			items = append(items, fail(n, NodeWrongVersion, r.version, c.Version))
		default:
			items = append(items, ok(n, NodeReady, r.version))
		}
	}
	return result(items)
}
