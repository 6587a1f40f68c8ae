package steps_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"hardway/steps"
)

// A track of two nodes whose step compares them (distinct:).
var distinctTrack = withMiniProse(map[string]string{
	"track.yaml": `id: mini
version: v1.17.3
hosts:
  - name: n-1
    address: 10.1.1.10
    roles: [nodes]
  - name: n-2
    address: 10.1.1.20
    roles: [nodes]
chapters:
  - 01-one
`,
	"01-one.yaml": `steps:
  - id: hello
    on: [nodes]
    run: |
      ip link
    check:
      kind: output
      run: ip link
      timeout: 0s
      params:
        contains: [link/ether]
      distinct: '^\d+: eth[^:]*:.*\n\s+link/ether (?P<MAC>\S+)'
      pass:
        - note: each node its own
          output: |
            2: eth0: <UP> mtu 9001
                link/ether {{host.mac}} brd ff:ff:ff:ff:ff:ff
      fail:
        - note: clones
          output: |
            2: eth0: <UP> mtu 1500
                link/ether 08:00:27:6b:0e:91 brd ff:ff:ff:ff:ff:ff
        - note: loopback only
          output: |
            1: lo: <LOOPBACK,UP> mtu 65536
                link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
`,
})

func withDistinct(file, old, new string) map[string]string {
	out := map[string]string{}
	for k, v := range distinctTrack {
		out[k] = v
	}
	out[file] = strings.Replace(out[file], old, new, 1)
	return out
}

func TestDistinctTrackIsClean(t *testing.T) {
	if probs := loadAndLint(t, distinctTrack); len(probs) > 0 {
		t.Fatalf("unexpected problems:\n%s", strings.Join(probs, "\n"))
	}
}

// Lint holds a check that compares hosts to samples of both outcomes, and
// says what is missing where distinct: is written (line 12).
func TestDistinctLint(t *testing.T) {
	const clones = `        - note: clones
          output: |
            2: eth0: <UP> mtu 1500
                link/ether 08:00:27:6b:0e:91 brd ff:ff:ff:ff:ff:ff
`
	cases := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no failing sample that shares a value", withDistinct("01-one.yaml", clones, ""),
			"mini/01-one.yaml:12: step hello: check.distinct: no failing sample shows hosts that share a value"},
		{"a passing sample every node prints alike", withDistinct("01-one.yaml", "{{host.mac}}", "02:5c:8e:3a:41:f6"),
			`mini/01-one.yaml:14: step hello: the passing sample "each node its own" fails on n-1: MAC: same as n-2: 02:5c:8e:3a:41:f6 (a value each host has its own of is written {{host.mac}}`},
		{"a passing sample without the value", withDistinct("01-one.yaml", "2: eth0: <UP> mtu 9001", "2: docker0: <UP> mtu 9001"),
			`the passing sample "each node its own" fails on n-1: MAC: nothing to compare with the other hosts`},
		{"one host to compare", withDistinct("01-one.yaml", "    on: [nodes]", "    on: [n-1]"),
			"mini/01-one.yaml:12: step hello: check.distinct compares the check's hosts, but it runs on one host only"},
		{"two groups", withDistinct("01-one.yaml", `(?P<MAC>\S+)`, `(\S+) (brd)`),
			"mini/01-one.yaml:12: step hello: check.distinct: "},
		{"an empty pattern", withDistinct("01-one.yaml", `'^\d+: eth[^:]*:.*\n\s+link/ether (?P<MAC>\S+)'`, `""`),
			"mini/01-one.yaml:12: step hello: check.distinct: an empty pattern"},
		{"a sample value in a command", withDistinct("01-one.yaml", "      ip link\n", "      ip link show {{host.mac}}\n"),
			"step hello: run block 1: unknown placeholder {{host.mac}}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantProblem(t, c.files, c.want) })
	}
}

func TestDistinctLoaded(t *testing.T) {
	dir := writeTrack(t, distinctTrack)
	tracks, err := steps.LoadAll(os.DirFS(dir), "mini")
	if err != nil {
		t.Fatal(err)
	}
	c := tracks[0].Step("01-one/hello").Check
	if c.DistinctLine != 12 {
		t.Errorf("distinct: at line %d, want 12", c.DistinctLine)
	}
	d, err := c.Comparison()
	if err != nil || d == nil || d.Label != "MAC" {
		t.Fatalf("comparison %+v, %v", d, err)
	}
	if d, err := (&steps.CheckSpec{}).Comparison(); d != nil || err != nil {
		t.Errorf("a check without distinct: compares: %+v, %v", d, err)
	}
}

// {{host.mac}} and {{host.uuid}} are each host's own, the same every time,
// shaped as the real thing; a sample without them is played as recorded.
func TestSampleValuesPerHost(t *testing.T) {
	vars := steps.Vars{"ver": "v1"}
	n1 := vars.ForHost(steps.Host{Name: "n-1", Address: "10.1.1.10"})
	n2 := vars.ForHost(steps.Host{Name: "n-2", Address: "10.1.1.20"})
	const text = "{{host}} {{host.mac}} {{host.uuid}} {{ver}}"
	a, b := steps.RenderSample(text, n1), steps.RenderSample(text, n2)
	re := regexp.MustCompile(`^(\S+) ([0-9a-f]{2}(?::[0-9a-f]{2}){5}) ([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}) v1$`)
	ma, mb := re.FindStringSubmatch(a), re.FindStringSubmatch(b)
	if ma == nil || mb == nil {
		t.Fatalf("rendered %q and %q", a, b)
	}
	if ma[1] != "n-1" || ma[2] == mb[2] || ma[3] == mb[3] {
		t.Errorf("hosts share values: %q and %q", a, b)
	}
	// Unicast and locally administered, as a hypervisor's or a cloud's.
	if first := ma[2][:2]; !strings.ContainsAny(first[1:], "26ae") {
		t.Errorf("MAC %s is not a locally administered unicast address", ma[2])
	}
	if again := steps.RenderSample(text, n1); again != a {
		t.Errorf("not stable: %q then %q", a, again)
	}
	if got := (steps.Sample{Output: "{{host.mac}}"}).OutputFor(n2).Text; got != mb[2] {
		t.Errorf("OutputFor gives %q, want %q", got, mb[2])
	}
	for s, want := range map[string]string{
		"plain":                    "plain",
		"{{ .Name }} {{host.mac}}": "{{ .Name }} " + ma[2], // a Go template is not a placeholder
		"{{unknown}} {{host.mac}}": "{{unknown}} {{host.mac}}",
	} {
		if got := steps.RenderSample(s, n1); got != want {
			t.Errorf("RenderSample(%q) = %q, want %q", s, got, want)
		}
	}
}
