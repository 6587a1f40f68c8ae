package check

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Properties of the comparison on any three outputs:
//   - it never panics, and is deterministic;
//   - a host with no value gets exactly one "none" item; one whose values no
//     other host shows, exactly one passing item listing them; otherwise one
//     failing item per shared value;
//   - a shared item names exactly the other hosts that show the value, so
//     sharing is symmetric;
//   - CRLF line ends (a PTY) give the same values as LF (a paste).
func FuzzDistinctCompare(f *testing.F) {
	f.Add(ipLink("02:5c:8e:3a:41:f6"), ipLink("0a:11:22:33:44:55"), "1: lo: <LOOPBACK>\n")
	f.Add(ipLink("08:00:27:6b:0e:91"), ipLink("08:00:27:6b:0e:91"), ipLink("08:00:27:6b:0e:91"))
	f.Add("03000200-0400-0500-0006-000700080009\n", "03000200-0400-0500-0006-000700080009\n", "cat: /sys/class/dmi/id/product_uuid: No such file or directory\n")
	f.Add("ec2a1b2c-9b1e-4c8f-a2d5-3f6e7a8b9c0d\r\n", "\x1b[1mec2a1b2c-9b1e-4c8f-a2d5-3f6e7a8b9c0d\x1b[0m", "")
	patterns := []*Distinct{
		mustDistinct(f, macPattern),
		mustDistinct(f, `^\s*(?P<product_uuid>[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})\s*$`),
	}
	hosts := []string{"n1", "n2", "n3"}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		texts := []string{a, b, c}
		for _, d := range patterns {
			values := make([][]string, len(texts))
			for i, text := range texts {
				values[i] = d.Values(text)
				if !strings.ContainsAny(text, "\r\x1b") {
					if crlf := d.Values(strings.ReplaceAll(text, "\n", "\r\n")); !reflect.DeepEqual(crlf, values[i]) {
						t.Fatalf("CRLF changes the values of %q: %q, not %q", text, crlf, values[i])
					}
				}
			}
			got := d.Compare(hosts, values)
			if again := d.Compare(hosts, values); !reflect.DeepEqual(got, again) {
				t.Fatalf("not deterministic: %+v then %+v", got, again)
			}
			for i, items := range got {
				checkHostItems(t, d, hosts, values, i, items)
			}
		}
	})
}

func checkHostItems(t *testing.T, d *Distinct, hosts []string, values [][]string, i int, items []Item) {
	t.Helper()
	holders := func(v string) []string {
		var out []string
		for j, vs := range values {
			if j != i && slices.Contains(vs, v) {
				out = append(out, hosts[j])
			}
		}
		return out
	}
	var shared []string
	for _, v := range values[i] {
		if len(holders(v)) > 0 {
			shared = append(shared, v)
		}
	}
	switch {
	case len(values[i]) == 0:
		if len(items) != 1 || items[0].OK || items[0].Reason.Code != DistinctNone {
			t.Fatalf("%s shows no value: %+v", hosts[i], items)
		}
	case len(shared) == 0:
		if len(items) != 1 || !items[0].OK || items[0].Reason.Code != DistinctOwn {
			t.Fatalf("%s has values of its own %q: %+v", hosts[i], values[i], items)
		}
	default:
		if len(items) != len(shared) {
			t.Fatalf("%s shares %q: %+v", hosts[i], shared, items)
		}
		for k, it := range items {
			want := []string{strings.Join(holders(shared[k]), ", "), shared[k]}
			if it.OK || it.Reason.Code != DistinctShared || !reflect.DeepEqual(it.Reason.Args, want) {
				t.Fatalf("%s: item %+v, want shared %q", hosts[i], it, want)
			}
		}
	}
	for _, it := range items {
		if it.Subject != d.Label {
			t.Fatalf("subject %q, want the label %q", it.Subject, d.Label)
		}
	}
}

// Any pattern either compiles to exactly one group or is refused, and a
// compiled one reads any output.
func FuzzNewDistinct(f *testing.F) {
	for _, p := range []string{macPattern, `(a)(b)`, `x`, `(?P<v>\d+`, `^(?:a|b)(c*)$`, ``} {
		f.Add(p, "2: eth0: <UP>\n    link/ether 02:5c:8e:3a:41:f6 brd ff:ff:ff:ff:ff:ff\n")
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		d, err := NewDistinct(pattern)
		if err != nil {
			return
		}
		if d.re.NumSubexp() != 1 || d.Label == "" {
			t.Fatalf("%q accepted with %d groups, label %q", pattern, d.re.NumSubexp(), d.Label)
		}
		for _, v := range d.Values(text) {
			if v == "" {
				t.Fatalf("an empty value from %q", text)
			}
		}
	})
}
