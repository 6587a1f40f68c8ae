package steps

import (
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"hardway/check"
	"hardway/locales"
)

// The files of a track directory.
const (
	TrackFile = "track.yaml"
	ProseDir  = "prose"
)

var (
	slugRE    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	varNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

type trackFile struct {
	ID       string            `yaml:"id"`
	Base     string            `yaml:"base"`
	Version  string            `yaml:"version"`
	Source   string            `yaml:"source"`
	Hosts    []Host            `yaml:"hosts"`
	Vars     map[string]string `yaml:"vars"`
	Chapters []chapterRef      `yaml:"chapters"`
}

// chapterRef is an entry of track.yaml's chapters: a slug, or in a variant
// {slug: 03-client-tools, from: 02-client-tools} for a chapter built on a
// base chapter of another name.
type chapterRef struct {
	Slug string `yaml:"slug"`
	From string `yaml:"from"`
}

func (c *chapterRef) UnmarshalYAML(unmarshal func(any) error) error {
	var slug string
	if err := unmarshal(&slug); err == nil {
		*c = chapterRef{Slug: slug}
		return nil
	}
	type plain chapterRef
	var p plain
	if err := unmarshal(&p); err != nil {
		return fmt.Errorf("chapters: want a chapter slug, or slug: and from: (in a variant)")
	}
	*c = chapterRef(p)
	return nil
}

// chapterFile is a chapter's YAML: its steps, or in a variant, edits to
// the base chapter (see variant.go).
type chapterFile struct {
	Steps   []ast.Node   `yaml:"steps"`
	Replace []ast.Node   `yaml:"replace"`
	Insert  []insertFile `yaml:"insert"`
	Drop    []string     `yaml:"drop"`
}

type insertFile struct {
	After  string     `yaml:"after"`
	Before string     `yaml:"before"`
	Steps  []ast.Node `yaml:"steps"`
}

type stepFile struct {
	ID          string     `yaml:"id"`
	On          []string   `yaml:"on"`
	Run         blocks     `yaml:"run"`
	Manual      bool       `yaml:"manual"`
	Yourself    bool       `yaml:"yourself"`
	Extra       bool       `yaml:"extra"`
	Defines     []string   `yaml:"defines"`
	DoneIf      string     `yaml:"done_if"`
	OnlyIf      string     `yaml:"only_if"`
	Check       *checkFile `yaml:"check"`
	Diagnostics []string   `yaml:"diagnostics"`
	Downloads   urlList    `yaml:"downloads"`
}

type checkFile struct {
	Kind     string     `yaml:"kind"`
	Run      string     `yaml:"run"`
	Tutorial bool       `yaml:"tutorial"`
	On       []string   `yaml:"on"`
	Every    string     `yaml:"every"`
	Timeout  string     `yaml:"timeout"`
	Settle   string     `yaml:"settle"`
	Params   ast.Node   `yaml:"params"`
	Pass     []ast.Node `yaml:"pass"`
	Fail     []ast.Node `yaml:"fail"`
	Stages   []ast.Node `yaml:"stages"`
	Distinct string     `yaml:"distinct"`
}

type stageFile struct {
	Name   string     `yaml:"name"`
	Until  string     `yaml:"until"`
	Params ast.Node   `yaml:"params"`
	Pass   []ast.Node `yaml:"pass"`
	Fail   []ast.Node `yaml:"fail"`
}

type sampleFile struct {
	Note   string `yaml:"note"`
	Output string `yaml:"output"`
	Exit   *int   `yaml:"exit"`
}

// blocks is one command block (a string) or several (a list of strings).
type blocks []string

func (b *blocks) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		*b = blocks{one}
		return nil
	}
	var many []string
	if err := unmarshal(&many); err != nil {
		return fmt.Errorf("run: want a command block or a list of blocks")
	}
	*b = many
	return nil
}

// Default check timing: kubectl and etcdctl answer within seconds once a
// component is up; the tutorial itself asks to allow 10 s for the API server.
const (
	DefaultInterval = 2 * time.Second
	DefaultTimeout  = 30 * time.Second
)

// LoadAll reads every track under root: either root holds track.yaml itself,
// or each directory below it that does is a track. name is how root is shown
// in messages (the directory as the user typed it, or "embedded:").
func LoadAll(fsys fs.FS, name string) ([]*Track, error) {
	return LoadAllWith(fsys, name, nil)
}

// LoadAllWith is LoadAll, with lookup finding the base of a variant that is
// not under root (an embedded track, for a variant in --content DIR).
func LoadAllWith(fsys fs.FS, name string, lookup func(id string) (*Track, error)) ([]*Track, error) {
	tracks, err := loadAll(fsys, name)
	var errs Errors
	if err != nil {
		errs = asErrors(err)
	}
	if err := ResolveVariants(tracks, lookup); err != nil {
		errs = append(errs, asErrors(err)...)
	}
	return tracks, errs.orNil()
}

func loadAll(fsys fs.FS, name string) ([]*Track, error) {
	if _, err := fs.Stat(fsys, TrackFile); err == nil {
		t, err := LoadTrack(fsys, name)
		if t == nil {
			return nil, err
		}
		return []*Track{t}, err
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	var tracks []*Track
	var errs Errors
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(e.Name(), TrackFile)); err != nil {
			continue
		}
		sub, _ := fs.Sub(fsys, e.Name())
		t, err := LoadTrack(sub, path.Join(name, e.Name()))
		if err != nil {
			errs = append(errs, asErrors(err)...)
		}
		if t != nil {
			tracks = append(tracks, t)
		}
	}
	if len(tracks) == 0 && len(errs) == 0 {
		errs.add(name, 0, "no track here: expected %s, or directories that contain one", TrackFile)
	}
	return tracks, errs.orNil()
}

func asErrors(err error) Errors {
	switch e := err.(type) {
	case Errors:
		return e
	case *Error:
		return Errors{e}
	}
	return Errors{{Msg: err.Error()}}
}

// LoadTrack reads one track directory. It returns the track even when some
// files have problems (so lint can report everything at once), together
// with every problem found. A variant (track.yaml names a base:) comes back
// unfinished: ResolveVariants builds it once its base is at hand.
func LoadTrack(fsys fs.FS, dir string) (*Track, error) {
	var errs Errors
	file := path.Join(dir, TrackFile)
	data, err := fs.ReadFile(fsys, TrackFile)
	if err != nil {
		errs.add(file, 0, "%v", err)
		return nil, errs
	}
	var tf trackFile
	if err := decodeBytes(data, &tf); err != nil {
		errs.addYAML(file, err)
		return nil, errs
	}
	t := &Track{ID: tf.ID, Base: tf.Base, Version: tf.Version, Source: tf.Source, Hosts: tf.Hosts, Vars: tf.Vars, Dir: dir,
		Prose: map[locales.Lang]TrackProse{}}
	if t.Vars == nil {
		t.Vars = map[string]string{}
	}
	if tf.Base != "" {
		t.pending = &pendingVariant{fsys: fsys, tf: tf, data: data}
		return t, nil
	}
	validateTrack(t, tf, file, data, &errs)
	loadChapters(fsys, t, tf, data, nil, &errs)
	loadProse(fsys, t, &errs)
	resolveStages(t, &errs)
	return t, errs.orNil()
}

// loadChapters builds the chapters track.yaml lists. With a base (a
// variant), a chapter without a file of its own is the base's, and a file
// may edit the base chapter instead of giving every step.
func loadChapters(fsys fs.FS, t *Track, tf trackFile, data []byte, base *Track, errs *Errors) {
	file := path.Join(t.Dir, TrackFile)
	refs := tf.Chapters
	if base != nil && len(refs) == 0 {
		for _, ch := range base.Chapters {
			refs = append(refs, chapterRef{Slug: ch.Slug})
		}
	}
	seenChapter := map[string]bool{}
	var toParse []*Chapter
	for _, ref := range refs {
		slug := ref.Slug
		line := lineOf(data, slug)
		if !slugRE.MatchString(slug) {
			errs.add(file, line, "chapter %q: use lower-case letters, digits and dashes, as the tutorial's file name", slug)
			continue
		}
		if seenChapter[slug] {
			errs.add(file, line, "chapter %q is listed twice", slug)
			continue
		}
		seenChapter[slug] = true
		var baseCh *Chapter
		switch {
		case ref.From != "" && base == nil:
			errs.add(file, line, "chapter %s: from: needs a base: track to take the chapter from", slug)
		case base != nil:
			from := ref.From
			if from == "" {
				from = slug
			}
			baseCh = base.Chapter(from)
			if baseCh == nil && ref.From != "" {
				errs.add(file, line, "chapter %s: from: %s has no chapter %q%s", slug, base.ID, ref.From,
					suggest(ref.From, base.chapterSlugs()))
			}
		}
		ch := &Chapter{Slug: slug, Track: t, Prose: map[locales.Lang]ChapterProse{}}
		t.Chapters = append(t.Chapters, ch)
		if baseCh != nil {
			ch.From = baseCh
		}
		if _, err := fs.Stat(fsys, slug+".yaml"); err == nil {
			ch.File = path.Join(t.Dir, slug+".yaml")
			toParse = append(toParse, ch)
		} else if baseCh != nil {
			inheritChapter(ch, baseCh)
		}
	}
	// Decoding YAML is most of a command's start-up: chapters decode in
	// parallel, their problems reported in chapter order.
	chErrs := make([]Errors, len(toParse))
	var wg sync.WaitGroup
	for i, ch := range toParse {
		wg.Add(1)
		go func() {
			defer wg.Done()
			loadChapter(fsys, ch, &chErrs[i])
		}()
	}
	wg.Wait()
	for _, e := range chErrs {
		*errs = append(*errs, e...)
	}
	// A chapter file the track does not list is almost always a typo.
	yamls, _ := fs.Glob(fsys, "*.yaml")
	for _, y := range yamls {
		if y != TrackFile && !seenChapter[strings.TrimSuffix(y, ".yaml")] {
			errs.add(path.Join(t.Dir, y), 0, "chapter file not listed under chapters: in %s", TrackFile)
		}
	}
}

func (t *Track) chapterSlugs() []string {
	out := make([]string, len(t.Chapters))
	for i, ch := range t.Chapters {
		out[i] = ch.Slug
	}
	return out
}

func validateTrack(t *Track, tf trackFile, file string, data []byte, errs *Errors) {
	if !slugRE.MatchString(t.ID) {
		errs.add(file, lineOf(data, "id:"), "id: want a short lower-case name such as classic, got %q", t.ID)
	}
	if t.Version == "" {
		errs.add(file, 0, "version: the Kubernetes version the tutorial installs is required")
	}
	if len(t.Hosts) == 0 {
		errs.add(file, 0, "hosts: the tutorial's machine layout is required")
	}
	names := map[string]bool{}
	for _, h := range t.Hosts {
		line := lineOf(data, "name: "+h.Name)
		switch {
		case !slugRE.MatchString(h.Name):
			errs.add(file, line, "host name %q: use lower-case letters, digits and dashes", h.Name)
		case names[h.Name]:
			errs.add(file, line, "host %q is listed twice", h.Name)
		case !h.Local && h.Address == "":
			errs.add(file, line, "host %q: address is required (or local: true for the workstation)", h.Name)
		case len(h.Roles) == 0:
			errs.add(file, line, "host %q: give it at least one role", h.Name)
		}
		names[h.Name] = true
	}
	for k := range tf.Vars {
		if !varNameRE.MatchString(k) {
			errs.add(file, lineOf(data, k+":"), "vars: %q is not a valid name (letters, digits, underscore)", k)
		}
	}
	if len(tf.Chapters) == 0 {
		errs.add(file, 0, "chapters: list the tutorial's chapters in order")
	}
}

// lineOf finds the first line containing s, for messages about values that
// were decoded without position information. 0 when not found.
func lineOf(data []byte, s string) int {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 0
}

// decodeNode decodes strictly (unknown fields are errors). go-yaml panics on
// a few malformed inputs (found by fuzzing); those become errors here, so a
// bad content file is reported, never a crash.
func decodeNode(n ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{Line: nodeLine(n), Msg: fmt.Sprintf("malformed YAML here (%v)", r)}
		}
	}()
	return yaml.NodeToValue(n, v, yaml.Strict())
}

func parseBytes(data []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed YAML (%v)", r)
		}
	}()
	return parser.ParseBytes(data, 0)
}

func decodeBytes(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed YAML (%v)", r)
		}
	}()
	return yaml.UnmarshalWithOptions(data, v, yaml.Strict())
}

// isEmpty: a missing node, or an explicit null (`- ` with nothing after it).
func isEmpty(n ast.Node) bool {
	return n == nil || n.Type() == ast.NullType
}

func nodeLine(n ast.Node) int {
	if n == nil || n.GetToken() == nil || n.GetToken().Position == nil {
		return 0
	}
	return n.GetToken().Position.Line
}

func loadChapter(fsys fs.FS, ch *Chapter, errs *Errors) {
	data, err := fs.ReadFile(fsys, ch.Slug+".yaml")
	if err != nil {
		errs.add(ch.File, 0, "%v", err)
		return
	}
	f, err := parseBytes(data)
	if err != nil {
		errs.addYAML(ch.File, err)
		return
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		errs.add(ch.File, 0, "empty chapter file: give it steps:, or delete it until the chapter is written")
		return
	}
	body := f.Docs[0].Body
	var cf chapterFile
	if err := decodeNode(body, &cf); err != nil {
		errs.addYAML(ch.File, err)
		return
	}
	edits := len(cf.Replace)+len(cf.Insert)+len(cf.Drop) > 0 || hasKey(body, "replace", "insert", "drop")
	switch {
	case edits && hasKey(body, "steps"):
		errs.add(ch.File, nodeLine(body), "give either steps: (the whole chapter) or replace:/insert:/drop: (edits to the base chapter), not both")
	case edits && ch.From == nil:
		if ch.Track.Base == "" {
			errs.add(ch.File, nodeLine(body), "replace:, insert: and drop: edit a base chapter: name the base track in %s (base:), or write the chapter's steps:", TrackFile)
		} else {
			errs.add(ch.File, nodeLine(body), "%s has no chapter %s to edit: write this chapter's steps:, or name the base chapter in %s (slug: %s, from: ...)",
				ch.Track.Base, ch.Slug, TrackFile, ch.Slug)
		}
	case edits:
		editChapter(ch, &cf, errs)
	default:
		ch.From = nil // a chapter written anew takes nothing from the base
		seen := map[string]int{}
		ch.Steps = loadSteps(ch, cf.Steps, seen, errs)
	}
}

// hasKey reports whether a mapping node has one of these keys, so that an
// empty list (steps: []) still counts as given.
func hasKey(n ast.Node, keys ...string) bool {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		return false
	}
	for _, v := range m.Values {
		for _, k := range keys {
			if v.Key != nil && v.Key.String() == k {
				return true
			}
		}
	}
	return false
}

// valueAt is the value of a mapping node's key, or nil.
func valueAt(n ast.Node, key string) ast.Node {
	var pairs []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	}
	for _, v := range pairs {
		if v.Key != nil && v.Key.String() == key {
			return v.Value
		}
	}
	return nil
}

// loadSteps decodes step nodes; seen maps the chapter's step ids to the
// line that first used them, across calls.
func loadSteps(ch *Chapter, nodes []ast.Node, seen map[string]int, errs *Errors) []*Step {
	var out []*Step
	for _, node := range nodes {
		var sf stepFile
		line := nodeLine(node)
		if isEmpty(node) {
			errs.add(ch.File, line, "an empty step: give it id:, on: and run: or check:")
			continue
		}
		if err := decodeNode(node, &sf); err != nil {
			errs.addYAML(ch.File, err)
			continue
		}
		st := &Step{Slug: sf.ID, ID: ch.Slug + "/" + sf.ID, Chapter: ch, Targets: sf.On,
			Commands: sf.Run, Manual: sf.Manual || sf.Yourself, Yourself: sf.Yourself || sf.Manual && !loginOnly(sf.Run), Extra: sf.Extra, Defines: sf.Defines, DoneIf: sf.DoneIf, OnlyIf: sf.OnlyIf, Diagnostics: sf.Diagnostics, Downloads: sf.Downloads,
			Prose: map[locales.Lang]StepProse{}, File: ch.File, Line: line}
		switch {
		case !slugRE.MatchString(sf.ID):
			errs.add(ch.File, line, "step id %q: use lower-case letters, digits and dashes", sf.ID)
			continue
		case seen[sf.ID] > 0:
			errs.add(ch.File, line, "step id %q is already used at line %d", sf.ID, seen[sf.ID])
			continue
		}
		seen[sf.ID] = line
		if len(sf.On) == 0 {
			errs.add(ch.File, line, "step %s: on: name the hosts it runs on (a role, a host name or workstation)", sf.ID)
		}
		for _, d := range sf.Defines {
			if !varNameRE.MatchString(d) {
				errs.add(ch.File, line, "step %s: defines: %q is not a shell variable name", sf.ID, d)
			}
		}
		if len(sf.Run) == 0 && sf.Check == nil {
			errs.add(ch.File, line, "step %s: give it a run: block, a check:, or both", sf.ID)
		}
		for i, b := range sf.Run {
			if strings.TrimSpace(b) == "" {
				errs.add(ch.File, line, "step %s: run block %d is empty", sf.ID, i+1)
			}
		}
		if sf.Check != nil {
			st.Check = loadCheck(ch.File, sf.ID, sf.Check, node, errs)
		}
		out = append(out, st)
	}
	return out
}

func loadCheck(file, stepID string, cf *checkFile, stepNode ast.Node, errs *Errors) *CheckSpec {
	line := nodeLine(cf.Params)
	if line == 0 {
		line = nodeLine(stepNode)
	}
	c := &CheckSpec{Kind: cf.Kind, Run: cf.Run, Tutorial: cf.Tutorial, On: cf.On, Params: cf.Params,
		Interval: DefaultInterval, Timeout: DefaultTimeout, Settle: check.DefaultSettle(cf.Kind), File: file, Line: line}
	if strings.TrimSpace(cf.Run) == "" {
		errs.add(file, line, "step %s: check.run: the command whose output is checked is required", stepID)
	}
	for _, d := range []struct {
		name, val string
		dst       *time.Duration
	}{{"every", cf.Every, &c.Interval}, {"timeout", cf.Timeout, &c.Timeout}, {"settle", cf.Settle, &c.Settle}} {
		if d.val == "" {
			continue
		}
		v, err := time.ParseDuration(d.val)
		if err != nil || v < 0 {
			errs.add(file, line, "step %s: check.%s: want a duration such as 2s or 1m, got %q", stepID, d.name, d.val)
			continue
		}
		*d.dst = v
	}
	if dn := valueAt(valueAt(stepNode, "check"), "distinct"); dn != nil {
		c.Distinct, c.DistinctLine = cf.Distinct, nodeLine(dn)
		if c.DistinctLine == 0 {
			c.DistinctLine = line
		}
		if _, err := check.NewDistinct(cf.Distinct); err != nil {
			errs.add(file, c.DistinctLine, "step %s: check.distinct: %v", stepID, err)
		}
	}
	if _, err := check.New(cf.Kind); err != nil {
		errs.add(file, line, "step %s: check.kind: %v", stepID, err)
		return c
	}
	if len(cf.Stages) == 0 {
		checkParams(file, line, stepID, cf.Kind, cf.Params, errs)
		c.Samples = loadSamples(file, stepID, cf.Pass, cf.Fail, errs)
		return c
	}
	if !isEmpty(cf.Params) || len(cf.Pass)+len(cf.Fail) > 0 {
		errs.add(file, line, "step %s: a check with stages: gives params:, pass: and fail: in each stage, not beside them", stepID)
	}
	names := map[string]bool{}
	for i, n := range cf.Stages {
		var sf stageFile
		sl := nodeLine(n)
		if isEmpty(n) {
			errs.add(file, sl, "step %s: an empty stage: give it name:, params:, pass: and fail:", stepID)
			continue
		}
		if err := decodeNode(n, &sf); err != nil {
			errs.addYAML(file, err)
			continue
		}
		last := i == len(cf.Stages)-1
		switch {
		case !slugRE.MatchString(sf.Name):
			errs.add(file, sl, "step %s: stage name %q: use lower-case letters, digits and dashes", stepID, sf.Name)
		case names[sf.Name]:
			errs.add(file, sl, "step %s: stage %q is named twice", stepID, sf.Name)
		case last && sf.Until != "":
			errs.add(file, sl, "step %s: the last stage applies from then on: it takes no until:", stepID)
		case !last && sf.Until == "":
			errs.add(file, sl, "step %s: stage %s: until: name the step whose completion ends it", stepID, sf.Name)
		}
		names[sf.Name] = true
		if len(cf.Stages) == 1 {
			errs.add(file, sl, "step %s: one stage is no stage: use params:, pass: and fail: directly", stepID)
		}
		checkParams(file, sl, stepID, cf.Kind, sf.Params, errs)
		c.Stages = append(c.Stages, CheckStage{Name: sf.Name, UntilRef: sf.Until, Params: sf.Params, Line: sl,
			Samples: loadSamples(file, stepID, sf.Pass, sf.Fail, errs)})
	}
	return c
}

// checkParams decodes a check's parameters, placeholders unfilled, so that
// mistakes are reported with their line at load time.
func checkParams(file string, line int, stepID, kind string, params ast.Node, errs *Errors) {
	if isEmpty(params) {
		errs.add(file, line, "step %s: check.params: the %s check needs parameters", stepID, kind)
		return
	}
	probe, _ := check.New(kind)
	if err := decodeNode(params, probe); err != nil {
		errs.addYAML(file, err)
	}
}

func loadSamples(file, stepID string, pass, fail []ast.Node, errs *Errors) []Sample {
	var out []Sample
	for _, group := range []struct {
		pass  bool
		nodes []ast.Node
	}{{true, pass}, {false, fail}} {
		for _, n := range group.nodes {
			var sf sampleFile
			if isEmpty(n) {
				errs.add(file, nodeLine(n), "step %s: an empty sample: give it output:", stepID)
				continue
			}
			if err := decodeNode(n, &sf); err != nil {
				errs.addYAML(file, err)
				continue
			}
			s := Sample{Pass: group.pass, Note: sf.Note, Output: sf.Output, Exit: check.ExitUnknown, Line: nodeLine(n)}
			if sf.Exit != nil {
				s.Exit = *sf.Exit
			}
			out = append(out, s)
		}
	}
	return out
}

func buildCheck(c *CheckSpec, vars Vars) (check.Check, error) {
	k, err := check.New(c.Kind)
	if err != nil {
		return nil, err
	}
	if !isEmpty(c.Params) {
		if err := decodeNode(c.Params, k); err != nil {
			return nil, fmt.Errorf("%s:%d: %s", c.File, c.Line, yaml.FormatError(err, false, false))
		}
	}
	if err := renderStrings(reflect.ValueOf(k), vars); err != nil {
		return nil, fmt.Errorf("%s:%d: check params: %v", c.File, c.Line, err)
	}
	if err := k.Validate(); err != nil {
		return nil, fmt.Errorf("%s:%d: check params: %v", c.File, c.Line, err)
	}
	return k, nil
}

// Lookup helpers used by the command line and the engine.

// Step returns the step with this exact id.
func (t *Track) Step(id string) *Step {
	for _, ch := range t.Chapters {
		for _, s := range ch.Steps {
			if s.ID == id {
				return s
			}
		}
	}
	return nil
}

// Chapter returns the chapter with this slug.
func (t *Track) Chapter(slug string) *Chapter {
	for _, ch := range t.Chapters {
		if ch.Slug == slug {
			return ch
		}
	}
	return nil
}

// Steps lists every step in tutorial order.
func (t *Track) Steps() []*Step {
	var out []*Step
	for _, ch := range t.Chapters {
		out = append(out, ch.Steps...)
	}
	return out
}

// Roles lists every role the layout names, sorted.
func (t *Track) Roles() []string {
	set := map[string]bool{}
	for _, h := range t.Hosts {
		for _, r := range h.Roles {
			set[r] = true
		}
	}
	var out []string
	for r := range set {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}
