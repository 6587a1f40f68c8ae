package check

import (
	"reflect"
	"strings"
	"testing"
)

const macPattern = `^\d+: (?:en|eth|wl)[^:]*:.*\n\s+link/ether (?P<MAC>[0-9a-f]{2}(?::[0-9a-f]{2}){5})`

// ipLink is `ip link` as a node prints it, with its adapter's MAC address.
func ipLink(mac string) string {
	return "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n" +
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
		"2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 9001 qdisc fq_codel state UP mode DEFAULT group default qlen 1000\n" +
		"    link/ether " + mac + " brd ff:ff:ff:ff:ff:ff\n"
}

func mustDistinct(t testing.TB, pattern string) *Distinct {
	t.Helper()
	d, err := NewDistinct(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestNewDistinctWantsOneGroup(t *testing.T) {
	for _, c := range []struct{ pattern, err string }{
		{"", "empty pattern"},
		{"   ", "empty pattern"},
		{`link/ether \S+`, "0 capture groups"},
		{`(a)(b)`, "2 capture groups"},
		{`(?P<x>a`, "missing closing )"},
	} {
		if _, err := NewDistinct(c.pattern); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("NewDistinct(%q) = %v, want an error with %q", c.pattern, err, c.err)
		}
	}
	if d := mustDistinct(t, macPattern); d.Label != "MAC" {
		t.Errorf("label %q, want the group's name MAC", d.Label)
	}
	if d := mustDistinct(t, `id=(\w+)(?:;|$)`); d.Label != "value" {
		t.Errorf("label %q of an unnamed group, want value", d.Label)
	}
}

func TestDistinctValues(t *testing.T) {
	d := mustDistinct(t, macPattern)
	out := ipLink("02:5c:8e:3a:41:f6") +
		"3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default\n" +
		"    link/ether 02:42:5d:1e:a0:3c brd ff:ff:ff:ff:ff:ff\n" +
		"4: eth1@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default\n" +
		"    link/ether 0a:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n" +
		"5: cali4f1c3c1e2a9@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1440 qdisc noqueue state UP mode DEFAULT group default\n" +
		"    link/ether ee:ee:ee:ee:ee:ee brd ff:ff:ff:ff:ff:ff link-netnsid 0\n"
	want := []string{"02:5c:8e:3a:41:f6", "0a:00:00:00:00:01"}
	if got := d.Values(out); !reflect.DeepEqual(got, want) {
		t.Errorf("values %q, want the adapters' %q (not docker0's or cali*'s)", got, want)
	}
	// A PTY's CRLF and colours read as the plain text; a value shown twice
	// is one value.
	pty := strings.ReplaceAll(ipLink("\x1b[33m02:5c:8e:3a:41:f6\x1b[0m")+ipLink("02:5c:8e:3a:41:f6"), "\n", "\r\n")
	if got := d.Values(pty); !reflect.DeepEqual(got, []string{"02:5c:8e:3a:41:f6"}) {
		t.Errorf("PTY values %q", got)
	}
	if got := d.Values("1: lo: <LOOPBACK>\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"); got != nil {
		t.Errorf("loopback only: %q, want none", got)
	}
}

func TestDistinctCompare(t *testing.T) {
	d := mustDistinct(t, `^(?P<product_uuid>[0-9a-f-]{36})$`)
	const a, b = "ec2a1b2c-9b1e-4c8f-a2d5-3f6e7a8b9c0d", "ec2f0e1d-2c3b-4a59-8876-5e4d3c2b1a00"
	cases := []struct {
		name   string
		hosts  []string
		values [][]string
		want   [][]want
	}{
		{"each its own", []string{"n1", "n2"}, [][]string{{a}, {b}},
			[][]want{{pass("product_uuid", DistinctOwn, a)}, {pass("product_uuid", DistinctOwn, b)}}},
		{"two clones", []string{"n1", "n2"}, [][]string{{a}, {a}},
			[][]want{{bad("product_uuid", DistinctShared, "n2", a)}, {bad("product_uuid", DistinctShared, "n1", a)}}},
		{"three clones and one of its own", []string{"n1", "n2", "n3", "n4"}, [][]string{{a}, {a}, {b}, {a}},
			[][]want{
				{bad("product_uuid", DistinctShared, "n2, n4", a)},
				{bad("product_uuid", DistinctShared, "n1, n4", a)},
				{pass("product_uuid", DistinctOwn, b)},
				{bad("product_uuid", DistinctShared, "n1, n2", a)},
			}},
		{"one host shows nothing", []string{"n1", "n2"}, [][]string{nil, {b}},
			[][]want{{bad("product_uuid", DistinctNone, d.Pattern)}, {pass("product_uuid", DistinctOwn, b)}}},
		{"several values, one shared", []string{"n1", "n2"}, [][]string{{a, b}, {b}},
			[][]want{{bad("product_uuid", DistinctShared, "n2", b)}, {bad("product_uuid", DistinctShared, "n1", b)}}},
		{"one host alone", []string{"n1"}, [][]string{{a}},
			[][]want{{pass("product_uuid", DistinctOwn, a)}}},
	}
	for _, c := range cases {
		got := d.Compare(c.hosts, c.values)
		if len(got) != len(c.want) {
			t.Fatalf("%s: %d hosts judged, want %d", c.name, len(got), len(c.want))
		}
		for i := range got {
			checkItems(t, c.name+" "+c.hosts[i], got[i], c.want[i])
		}
	}
}

func checkItems(t *testing.T, name string, got []Item, want []want) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: items %+v, want %+v", name, got, want)
		return
	}
	for i, w := range want {
		g := got[i]
		if g.Subject != w.Subject || g.OK != w.OK || g.Reason.Code != w.Code || (w.Args != nil && !reflect.DeepEqual(g.Reason.Args, w.Args)) {
			t.Errorf("%s: item %d = %+v, want %+v", name, i, g, w)
		}
	}
}

// A host that passed alone fails once it shares a value; one that failed
// alone keeps failing, without "no value" on top of its own reason.
func TestAmend(t *testing.T) {
	passed := Result{Pass: true, Items: []Item{ok("link/ether", MatchContains)}, Identity: "x"}
	failed := Result{Pass: false, Items: []Item{fail("link/ether", MatchMissing)}}
	shared := []Item{fail("MAC", DistinctShared, "n2", "08:00:27:6b:0e:91")}
	none := []Item{fail("MAC", DistinctNone, macPattern)}
	own := []Item{ok("MAC", DistinctOwn, "02:5c:8e:3a:41:f6")}

	if r := Amend(passed, own); !r.Pass || len(r.Items) != 2 || r.Identity != "x" {
		t.Errorf("own value: %+v, want a pass with both items", r)
	}
	if r := Amend(passed, shared); r.Pass || len(r.Failures()) != 1 || r.Failures()[0].Reason.Code != DistinctShared {
		t.Errorf("shared value: %+v, want a failure saying so", r)
	}
	if r := Amend(passed, none); r.Pass || r.Failures()[0].Reason.Code != DistinctNone {
		t.Errorf("no value: %+v, want a failure saying so", r)
	}
	if r := Amend(failed, none); r.Pass || len(r.Items) != 1 {
		t.Errorf("failed alone, no value: %+v, want its own reason only", r)
	}
	if r := Amend(failed, own); r.Pass {
		t.Errorf("failed alone, own value: %+v, want still failed", r)
	}
	if r := Amend(failed, shared); r.Pass || len(r.Failures()) != 2 {
		t.Errorf("failed alone, shared value: %+v, want both reasons", r)
	}
}
