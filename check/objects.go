package check

import (
	"fmt"
	"strings"
)

// Objects checks that named Kubernetes objects exist, from the output of
// `kubectl get KIND NAME ...` in any of its shapes: `-o name`
// (`clusterrole.rbac.authorization.k8s.io/NAME`), a table with a NAME
// column, or `Error from server (NotFound): ... "NAME" not found`.
type Objects struct {
	// Objects are `kind/name` (kind as kubectl accepts it, singular) or a bare name.
	Objects []string `yaml:"objects"`
}

const (
	ObjectFound    Code = "objects.found"
	ObjectNotFound Code = "objects.not_found"
	ObjectMissing  Code = "objects.missing"
	ObjectNoKind   Code = "objects.unknown_kind"
)

func init() {
	register("objects", "`kubectl get KIND NAME`: the named objects exist",
		func() Check { return &Objects{} })
}

func (c *Objects) Validate() error {
	if len(c.Objects) == 0 {
		return fmt.Errorf("objects: list the kind/name of each object that must exist")
	}
	for _, o := range c.Objects {
		if strings.TrimSpace(o) == "" || strings.HasSuffix(o, "/") {
			return fmt.Errorf("objects: %q is not kind/name", o)
		}
	}
	return nil
}

func splitObject(o string) (kind, name string) {
	if k, n, found := strings.Cut(o, "/"); found {
		// clusterrole.rbac.authorization.k8s.io/NAME: compare the kind alone,
		// as the output side does.
		k, _, _ = strings.Cut(k, ".")
		return strings.ToLower(k), n
	}
	return "", o
}

func (c *Objects) Evaluate(out Output) Result {
	type seen struct{ kind, name string }
	var present []seen
	notFound := map[string]string{} // name → error line
	var noKind string
	table := false // a NAME header was seen: the lines below are rows
	for _, l := range lines(out.Text) {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "Error from server (NotFound)") {
			if a := strings.Index(t, "\""); a >= 0 {
				if b := strings.Index(t[a+1:], "\""); b >= 0 {
					notFound[t[a+1:a+1+b]] = t
				}
			}
			continue
		}
		if strings.HasPrefix(t, "error: the server doesn't have a resource type") {
			noKind = t
			continue
		}
		f := strings.Fields(t)
		if f[0] == "NAME" {
			table = true
			continue
		}
		// kubectl's own messages: "Error from server (Forbidden): ...",
		// "error: ...", cobra's "Error: unknown flag ...", "Warning: ...".
		if strings.HasPrefix(t, "Error from server") || strings.HasPrefix(t, "Error:") ||
			strings.HasPrefix(t, "error:") || strings.HasPrefix(t, "Warning:") {
			continue
		}
		// Outside a table only `-o name` lines (one word) are objects; prose
		// such as "The connection to the server ... was refused" or
		// "No resources found" is not.
		if !table && len(f) != 1 {
			continue
		}
		ref := f[0]
		if k, n, found := strings.Cut(ref, "/"); found {
			// kind.group/name: keep the kind without its API group.
			k, _, _ = strings.Cut(k, ".")
			present = append(present, seen{strings.ToLower(k), n})
		} else {
			present = append(present, seen{"", ref})
		}
	}
	if len(present) == 0 && len(notFound) == 0 {
		if noKind != "" {
			return result([]Item{fail("objects", ObjectNoKind, noKind)})
		}
		if it, bad := preflight("objects", out); bad {
			return result([]Item{it})
		}
	}
	var items []Item
	for _, o := range c.Objects {
		kind, name := splitObject(o)
		found := false
		for _, p := range present {
			if p.name == name && (kind == "" || p.kind == "" || p.kind == kind) {
				found = true
				break
			}
		}
		switch {
		case found:
			items = append(items, ok(o, ObjectFound))
		case notFound[name] != "":
			items = append(items, fail(o, ObjectNotFound, notFound[name]))
		default:
			items = append(items, fail(o, ObjectMissing))
		}
	}
	return result(items)
}
