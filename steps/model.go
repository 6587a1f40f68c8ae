// Package steps is the tutorial model: a Track (one tutorial at one version)
// has Chapters, a Chapter has Steps; a Step has its targets, the tutorial's
// command blocks, a check, diagnostics and prose in each language. Content is
// YAML (commands and checks, language-neutral) plus Markdown prose per
// language; it is embedded in the binary and can be loaded from a directory.
package steps

import (
	"time"

	"github.com/goccy/go-yaml/ast"

	"hardway/check"
	"hardway/locales"
)

// Track is one tutorial at one version, e.g. the classic GCP tutorial at v1.15.3.
type Track struct {
	ID       string
	Version  string            // the Kubernetes version the tutorial installs
	Source   string            // where the tutorial lives, for attribution
	Hosts    []Host            // the tutorial's machine layout, default values
	Vars     map[string]string // template variables with the tutorial's values
	Chapters []*Chapter
	Prose    map[locales.Lang]TrackProse
	Dir      string // where the track was loaded from, for messages
	// Base is the id of the track a variant builds on; "" for a tutorial
	// written whole. Changes says what the variant did to it.
	Base    string
	Changes Changes
	pending *pendingVariant // a variant not yet built on its base
	// proseText is the Markdown of the track's own Korean and Japanese
	// prose files, by file name, for the style lint (style.go).
	proseText map[string]string
}

// Changes counts what a variant did to its base's steps.
type Changes struct {
	Inherited int `json:"inherited"`
	Replaced  int `json:"replaced"`
	Inserted  int `json:"inserted"`
	Dropped   int `json:"dropped"`
	Written   int `json:"written"` // steps of chapters written anew
}

// TrackProse is the track's title and description in one language.
type TrackProse struct {
	Title, Body string
}

// Host is a machine of the track's layout.
type Host struct {
	Name    string   `yaml:"name"`
	Address string   `yaml:"address"`
	Roles   []string `yaml:"roles"`
	// Local marks the learner's own workstation: its commands run in a
	// local shell, not over SSH.
	Local bool `yaml:"local"`
}

// Chapter is one page of the tutorial. Its Slug is the tutorial's file name
// without .md, e.g. "08-bootstrapping-kubernetes-controllers".
type Chapter struct {
	Slug  string
	Track *Track
	Steps []*Step
	Prose map[locales.Lang]ChapterProse
	File  string // the chapter's YAML file, "" when it has no steps yet
	// From is the base track's chapter this one inherits or edits, in a
	// variant; nil for a chapter written in full.
	From *Chapter
}

// ChapterProse is a chapter's title and introduction in one language.
type ChapterProse struct {
	Title, Intro string
	File         string
	Line         int
}

// Step is one thing the learner does: usually one command block of the
// tutorial, run on its target hosts, then checked.
type Step struct {
	ID      string // "<chapter-slug>/<step-slug>"
	Slug    string
	Chapter *Chapter
	// Targets select hosts by role ("controllers"), by name ("controller-0")
	// or "workstation"; see Track.Resolve.
	Targets []string
	// Commands are the tutorial's blocks, run one after the other in one
	// shell on each target. Placeholders {{name}} take inventory values.
	Commands []string
	// Manual blocks are shown but never run: hardway does them for the
	// learner (logging in to a host) or they need the learner's judgement.
	Manual bool
	// Yourself marks a manual block the learner runs in a shell of their
	// own (a port-forward that runs until stopped, a journal to read), not
	// one hardway does: every manual block but a login.
	Yourself bool
	// Extra marks a step hardway adds that the tutorial implies without
	// printing it (kubeadm init tells you to copy admin.conf): it is not a
	// tutorial block, so the fidelity test leaves it out and the UI says so.
	Extra bool
	// Defines names shell variables this step sets that later steps on the
	// same host use; the engine carries them between steps.
	Defines []string
	// DoneIf is a command that exits 0 when the step's effect is already in
	// place. Steps that cannot run twice (ln -s, ip route add, cat >>)
	// have one, so a re-run skips them instead of failing.
	DoneIf string
	// OnlyIf is a command that must exit 0 for the step to apply to a host:
	// the tutorial's variants for one system (macOS or Linux workstation)
	// are steps that only one kind of host runs.
	OnlyIf string
	// Downloads are the URLs the commands fetch (wget, curl -O, git clone,
	// kubectl apply -f URL, and a list's URLs read with wget -i): what a
	// download mirror serves (hardway mirror).
	Downloads []Download
	Check     *CheckSpec
	// Diagnostics are commands whose output helps when the check fails,
	// collected from the failing hosts.
	Diagnostics []string
	Prose       map[locales.Lang]StepProse
	File        string
	Line        int
	// Origin says where a variant's step comes from: OriginBase (the base
	// track's step, unchanged), OriginReplaced or OriginInserted; "" for a
	// step of a chapter written in full.
	Origin string
	base   *Step // the base step a variant's step inherits or replaces
}

// Step origins in a variant.
const (
	OriginBase     = "base"
	OriginReplaced = "replaced"
	OriginInserted = "inserted"
)

// StepProse is a step's explanation, and the hint shown when its check fails.
type StepProse struct {
	Title, Body, Hint string
	File              string
	Line              int
	// Revision is the English section's revision a translation records it
	// was written from (<!-- en: 1a2b3c4d --> under its heading), at
	// RevisionLine; see stale.go.
	Revision     string
	RevisionLine int
}

// CheckSpec is how a step is verified: a command run on each check host, and
// a check kind that judges its output.
type CheckSpec struct {
	Kind string
	// Run is the command whose output is judged.
	Run string
	// Tutorial marks Run as one of the tutorial's own blocks (its
	// verification section), as opposed to a check hardway adds.
	Tutorial bool
	// On selects the hosts the check runs on; empty means the step's targets.
	On       []string
	Interval time.Duration // between attempts
	Timeout  time.Duration // give up after; 0 means a single attempt
	// Settle is how long the check must keep passing, with the same
	// identity (a unit's PID and restart count), before it counts: a
	// crash-looping service passes a single look. The kind's default
	// (check.DefaultSettle) unless the step sets `settle:`.
	Settle  time.Duration
	Params  ast.Node // decoded into the check kind's struct by Build
	Samples []Sample
	// Stages replace Params and Samples when the expected result changes as
	// the tutorial goes on: haproxy's /healthz answers 503 until the API
	// servers run, then 200. At picks the stage that applies.
	Stages []CheckStage
	// Stage names the stage a check returned by At stands for; "" for a
	// check without stages.
	Stage string
	// Distinct compares the check hosts once each was judged: the value its
	// one capture group finds (a MAC address, a product_uuid) must differ
	// from host to host, as clones of one VM image fail to (check.Distinct).
	// "" for a check that judges each host alone.
	Distinct     string
	DistinctLine int
	File         string
	Line         int
}

// Comparison is the check across hosts that Distinct asks for, or nil.
func (c *CheckSpec) Comparison() (*check.Distinct, error) {
	if c == nil || c.Distinct == "" {
		return nil, nil
	}
	return check.NewDistinct(c.Distinct)
}

// CheckStage is what a check expects during one stretch of the tutorial.
type CheckStage struct {
	Name string
	// Until is the full id of the step whose completion ends this stage;
	// "" for the last stage, which applies from then on.
	Until string
	// UntilRef is Until as the content wrote it: a step of the same chapter,
	// "chapter/step", or "08/step".
	UntilRef string
	Params   ast.Node
	Samples  []Sample
	Line     int
}

// At returns the check as it applies now. For a check with stages, that is
// the first stage whose Until step is not done yet (done reports it), or
// the last; the result has that stage's Params and Samples and its name in
// Stage. A check without stages is returned as it is.
func (c *CheckSpec) At(done func(stepID string) bool) *CheckSpec {
	if len(c.Stages) == 0 {
		return c
	}
	for i, st := range c.Stages {
		if i == len(c.Stages)-1 || done == nil || !done(st.Until) {
			return c.InStage(i)
		}
	}
	return c // unreachable: the loop returns at the last stage
}

// InStage returns the check as it is during stage i.
func (c *CheckSpec) InStage(i int) *CheckSpec {
	cp := *c
	st := c.Stages[i]
	cp.Params, cp.Samples, cp.Stage = st.Params, st.Samples, st.Name
	if st.Line > 0 {
		cp.Line = st.Line
	}
	return &cp
}

// StageNamed returns the index of the stage with this name, or -1.
func (c *CheckSpec) StageNamed(name string) int {
	for i, st := range c.Stages {
		if st.Name == name {
			return i
		}
	}
	return -1
}

// AllSamples lists every sample, of every stage.
func (c *CheckSpec) AllSamples() []Sample {
	out := append([]Sample{}, c.Samples...)
	for _, st := range c.Stages {
		out = append(out, st.Samples...)
	}
	return out
}

// Sample is a recorded output of the check command: the tutorial's documented
// output (which must pass) or a real failure (which must fail). Samples are
// test fixtures and what rehearsal mode plays.
type Sample struct {
	Pass   bool
	Note   string // what the sample shows, e.g. "only controller-0 started"
	Output string
	Exit   int // check.ExitUnknown when not recorded
	Line   int
}

// Build returns the check with its parameters decoded, placeholders filled
// from vars.
func (c *CheckSpec) Build(vars Vars) (check.Check, error) {
	return buildCheck(c, vars)
}

// AsOutput is the sample as a check sees it.
func (s Sample) AsOutput() check.Output { return check.Output{Text: s.Output, Exit: s.Exit} }

// OutputFor is the sample as one host prints it: its placeholders
// ({{host}}, {{host.address}}, the track's variables, and the sample
// values {{host.mac}} and {{host.uuid}}) filled with that host's values.
// Braces that are not placeholders stay as recorded.
func (s Sample) OutputFor(vars Vars) check.Output {
	return check.Output{Text: RenderSample(s.Output, vars), Exit: s.Exit}
}

// Written reports whether the chapter's content exists: a chapter file,
// possibly with no steps when the tutorial's chapter has nothing to run.
func (ch *Chapter) Written() bool { return ch.File != "" || (ch.From != nil && ch.From.Written()) }

// Probe returns the command hardway runs after the check's own to judge
// whether what passed stays up (check.Prober), rendered with vars; "" for
// kinds that need none.
func (c *CheckSpec) Probe(vars Vars) string {
	k, err := c.Build(vars)
	if err != nil {
		return ""
	}
	if p, ok := k.(check.Prober); ok {
		return p.Probe()
	}
	return ""
}
