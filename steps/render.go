package steps

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// Vars are the values placeholders take: the track's variables, each host's
// address as "<host>.address", and for per-host rendering "host" and
// "host.address".
type Vars map[string]string

// placeholder matches {{name}}. Anything else with braces, such as a Go
// template `{{ .Name }}` in a kubectl command, is left to the shell.
var placeholder = regexp.MustCompile(`\{\{([A-Za-z0-9_][A-Za-z0-9_.-]*)\}\}`)

// Render replaces each {{name}} with its value. Unknown names are an error
// that lists them, so a command is never run half-filled.
func Render(s string, vars Vars) (string, error) {
	var unknown []string
	out := placeholder.ReplaceAllStringFunc(s, func(m string) string {
		name := m[2 : len(m)-2]
		v, ok := vars[name]
		if !ok {
			unknown = append(unknown, name)
			return m
		}
		return v
	})
	if len(unknown) > 0 {
		return out, fmt.Errorf("unknown placeholder %s", quoteList(unknown))
	}
	return out, nil
}

// Placeholders lists the names a text refers to.
func Placeholders(s string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	return names
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "{{" + n + "}}"
	}
	return strings.Join(q, ", ")
}

// DefaultVars are the variables with the tutorial's own values.
func (t *Track) DefaultVars() Vars {
	v := Vars{}
	for k, x := range t.Vars {
		v[k] = x
	}
	for _, h := range t.Hosts {
		v[h.Name+".address"] = h.Address
	}
	return v
}

// ForHost adds the per-host names "host" and "host.address".
func (v Vars) ForHost(h Host) Vars {
	out := make(Vars, len(v)+2)
	for k, x := range v {
		out[k] = x
	}
	out["host"] = h.Name
	out["host.address"] = h.Address
	return out
}

// Names lists the variable names, sorted.
func (v Vars) Names() []string {
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// renderStrings fills placeholders in every string reachable from v (a
// pointer to a decoded check), so check parameters can name addresses too.
func renderStrings(v reflect.Value, vars Vars) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return renderStrings(v.Elem(), vars)
	case reflect.String:
		if !v.CanSet() {
			return nil
		}
		s, err := Render(v.String(), vars)
		if err != nil {
			return err
		}
		v.SetString(s)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				if err := renderStrings(v.Field(i), vars); err != nil {
					return err
				}
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := renderStrings(v.Index(i), vars); err != nil {
				return err
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := v.MapIndex(k)
			if e.Kind() == reflect.String {
				s, err := Render(e.String(), vars)
				if err != nil {
					return err
				}
				v.SetMapIndex(k, reflect.ValueOf(s))
			}
		}
	}
	return nil
}
