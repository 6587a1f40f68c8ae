// Package tui is hardway's terminal UI: the step list, the explanation in
// the learner's language, the exact command and its hosts, one live
// terminal pane per host, and the check's verdict. It is presentation only:
// every run, check, skip and shell goes through the engine (walk.Engine),
// live or rehearsing; the UI holds no connection and writes no file.
package tui

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"hardway/check"
	"hardway/locales"
	"hardway/steps"
	"hardway/term"
	"hardway/walk"
)

// Options set up the UI.
type Options struct {
	Track *steps.Track
	// Engine runs, verifies and skips steps and opens shells: on the lab's
	// hosts, or a rehearsal (walk.NewRehearsal).
	Engine *walk.Engine
	// Progress is read to show where the learner is; only the engine
	// writes it.
	Progress *walk.Progress
	Vars     steps.Vars
	Lang     locales.Lang
	// Rehearsal: nothing is executed (no inventory).
	Rehearsal bool
	// HostState tells a host's connection state for the topology view.
	HostState func(host string) string
	NoColor   bool
}

type phase int

const (
	idle phase = iota
	running
	done
)

// Model is the Bubble Tea model.
type Model struct {
	opt    Options
	lang   locales.Lang
	keys   keyMap
	help   help.Model
	st     styles
	prose  proseCache
	steps  []*steps.Step
	sel    int
	width  int
	height int

	panesMu sync.Mutex // engine goroutines create panes as output arrives
	// boxSize is the last pane box drawn (cols<<32 | rows), the size a new
	// pane's terminal starts at (it never narrows; see growTo).
	boxSize atomic.Uint64
	panes   map[string]*term.Pane
	// paneSize is each pane's size as last drawn; Update resizes the
	// hosts' terminals to it.
	paneSize map[string][2]int
	procs    *procTable
	focus    int
	scroll   map[string]int
	syncSet  map[string]bool
	input    bool
	zoom     bool
	view     string // "", "help", "topology", "diag", "evidence"

	// What the learner reads scrolls; e shows the whole command.
	proseScroll, cmdScroll, helpScroll, evidenceScroll scrolled
	expand                                             bool
	// listToggled flips whether the chapter list shows (c).
	listToggled bool
	// bare is a chapter with nothing to run, shown by its explanation.
	bare   *steps.Chapter
	finder *finder
	// note says why a key did nothing, until the next key.
	note string
	// seen is each host's last judged check: its command and output.
	seen map[string]seen

	phase    phase
	cancel   context.CancelFunc
	events   chan walk.Event
	verdicts map[string]*check.Result
	// checkStage is the stage the last verdict was judged in, for a check
	// whose expectation changes as the tutorial goes on.
	checkStage string
	lost       map[string]string
	diag       map[string]string
	report     *walk.StepReport
	err        string
	confirm    string // "run" (first run's host list) or "quit"
	agreed     bool
	frame      int
}

// procTable holds the running terminals a learner can type into, and the
// size each should have.
type procTable struct {
	mu   sync.Mutex
	m    map[string]walk.Terminal
	size map[string][2]int // the size last applied to a host's terminal
}

func (t *procTable) set(host string, p walk.Terminal) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.size, host)
	if p == nil {
		delete(t.m, host)
		return
	}
	t.m[host] = p
}

func (t *procTable) get(host string) walk.Terminal {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[host]
}

// resizes returns what resizes the terminals whose pane size changed; nil
// when none did. A terminal is resized when the layout changes, never per
// frame (each resize is an SSH window-change request).
func (t *procTable) resizes(want map[string][2]int) tea.Cmd {
	t.mu.Lock()
	defer t.mu.Unlock()
	type job struct {
		p          walk.Terminal
		cols, rows int
	}
	var jobs []job
	for h, p := range t.m {
		w, ok := want[h]
		if !ok || t.size[h] == w {
			continue
		}
		if t.size == nil {
			t.size = map[string][2]int{}
		}
		t.size[h] = w
		jobs = append(jobs, job{p, w[0], w[1]})
	}
	if len(jobs) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, j := range jobs {
			j.p.Resize(j.cols, j.rows)
		}
		return nil
	}
}

type tickMsg time.Time
type stepDoneMsg struct {
	rep walk.StepReport
	err error
}

// New builds the model; it resumes at the first step not yet done.
func New(o Options) *Model {
	m := &Model{opt: o, lang: o.Lang, help: help.New(), st: newStyles(o.NoColor), prose: proseCache{noColor: o.NoColor},
		panes: map[string]*term.Pane{}, procs: &procTable{m: map[string]walk.Terminal{}}, scroll: map[string]int{}, paneSize: map[string][2]int{},
		syncSet: map[string]bool{}, events: make(chan walk.Event, 4096),
		verdicts: map[string]*check.Result{}, lost: map[string]string{}, diag: map[string]string{}, seen: map[string]seen{}}
	m.keys = newKeys(m.lang, o.Rehearsal)
	m.steps = o.Track.Steps()
	m.sel = m.resumeAt()
	o.Engine.Emit = m.emit
	o.Engine.OnStart = m.procs.set
	m.width, m.height = 120, 40
	return m
}

// resumeAt is the step the learner was on (the progress's current step),
// else the first step that is not done on all its hosts.
func (m *Model) resumeAt() int {
	if m.opt.Progress == nil {
		return 0
	}
	from := 0
	if cur := m.opt.Progress.Current(); cur != "" {
		for i, s := range m.steps {
			if s.ID == cur {
				if !m.doneEverywhere(s) {
					return i // the learner was on it and it is not done
				}
				from = i // done there: the next unfinished step after it
			}
		}
	}
	for _, start := range []int{from, 0} {
		for i := start; i < len(m.steps); i++ {
			if !m.doneEverywhere(m.steps[i]) {
				return i
			}
		}
	}
	return 0
}

// doneEverywhere: the step passed, was done or skipped on all its hosts.
func (m *Model) doneEverywhere(s *steps.Step) bool {
	hosts, _ := m.opt.Engine.Select(s.Targets, nil)
	for _, h := range hosts {
		if !m.opt.Progress.Get(s.ID, h.Name).Status.OK() {
			return false
		}
	}
	return true
}

// emit receives engine events from any goroutine. Output goes straight into
// the pane's terminal (no message per chunk); the rest is queued for Update.
func (m *Model) emit(ev walk.Event) {
	switch ev.Kind {
	case walk.EvOutput:
		m.pane(ev.Host).Write(ev.Data)
		return
	case walk.EvStarted:
		// The pane shows the command as a terminal would after a prompt,
		// before any of its output.
		m.pane(ev.Host).WriteString(promptLines(ev.Command))
	case walk.EvCheckVerdict:
		// The evidence: the check's command and what it printed the last
		// time, in the host's own pane, live or rehearsing.
		if ev.Command != "" {
			m.pane(ev.Host).WriteString(promptLines(ev.Command) + strings.ReplaceAll(strings.TrimRight(ev.Text, "\n"), "\n", "\r\n") + "\r\n")
		}
	}
	m.events <- ev
}

// promptLines is a command as typed at a prompt: "$ " before its first
// line, dimmed so the output stands out.
func promptLines(cmd string) string {
	cmd = strings.TrimRight(cmd, "\n")
	return "\x1b[1m$\x1b[0m \x1b[2m" + strings.ReplaceAll(cmd, "\n", "\r\n") + "\x1b[0m\r\n"
}

func (m *Model) pane(host string) *term.Pane {
	m.panesMu.Lock()
	defer m.panesMu.Unlock()
	p, ok := m.panes[host]
	if !ok {
		cols, rows := 80, 10
		if v := m.boxSize.Load(); v != 0 {
			cols, rows = int(v>>32), int(v&0xffffffff)
		}
		p = term.New(cols, rows) // a terminal starts at the size of a box
		m.panes[host] = p
	}
	return p
}

// Init starts the refresh tick.
func (m *Model) Init() tea.Cmd { return tick() }

const frame = 33 * time.Millisecond // ~30 frames a second is plenty for panes

func tick() tea.Cmd { return tickAfter(frame) }

func tickAfter(d time.Duration) tea.Cmd {
	return tea.Tick(d, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// nextTick: 30 frames a second while something moves (a step runs, a shell
// is open, output arrived), a few a second when the screen is still.
func (m *Model) nextTick() tea.Cmd {
	busy := m.phase == running
	m.procs.mu.Lock()
	busy = busy || len(m.procs.m) > 0
	m.procs.mu.Unlock()
	m.panesMu.Lock()
	for _, p := range m.panes {
		if p.TakeDirty() {
			busy = true
		}
	}
	m.panesMu.Unlock()
	if busy {
		return tick()
	}
	return tickAfter(250 * time.Millisecond)
}

func (m *Model) current() *steps.Step { return m.steps[m.sel] }

// hosts are the panes shown: the current step's hosts, and its check's.
func (m *Model) hosts() []string {
	s := m.current()
	var out []string
	seen := map[string]bool{}
	add := func(sel []string) {
		hs, _ := m.opt.Engine.Select(sel, nil)
		for _, h := range hs {
			if !seen[h.Name] {
				seen[h.Name] = true
				out = append(out, h.Name)
			}
		}
	}
	add(s.Targets)
	if s.Check != nil && len(s.Check.On) > 0 {
		add(s.Check.On)
	}
	return out
}

func (m *Model) focused() string {
	hs := m.hosts()
	if len(hs) == 0 {
		return ""
	}
	return hs[min(m.focus, len(hs)-1)]
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		return m, nil
	case tickMsg:
		m.drain()
		m.frame++
		if resize := m.procs.resizes(m.paneSize); resize != nil {
			return m, tea.Batch(m.nextTick(), resize)
		}
		return m, m.nextTick()
	case stepDoneMsg:
		m.drain()
		m.phase = done
		m.cancel = nil
		if msg.err != nil {
			m.err = locales.Localize(m.lang, msg.err)
		}
		m.report = &msg.rep
		return m, nil
	case tea.PasteMsg:
		if m.input {
			m.typeInto(msg.Content)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

// drain applies queued engine events.
func (m *Model) drain() {
	for {
		select {
		case ev := <-m.events:
			switch ev.Kind {
			case walk.EvCheckVerdict:
				m.verdicts[ev.Host] = ev.Result
				m.checkStage = ev.Stage
				m.seen[ev.Host] = seen{command: ev.Command, output: ev.Text, exit: ev.Exit}
			case walk.EvHostLost:
				m.lost[ev.Host] = ev.Err
				m.pane(ev.Host).WriteString("\r\n\x1b[31m" + ev.Err + "\x1b[0m\r\n")
			case walk.EvDiagnostic:
				m.diag[ev.Host] += "$ " + ev.Command + "\n" + ev.Text + "\n"
			case walk.EvSkipped:
				m.pane(ev.Host).WriteString("\x1b[33m" + m.skipText(ev.Reason) + "\x1b[0m\r\n")
			}
		default:
			return
		}
	}
}

func (m *Model) skipText(reason string) string {
	switch reason {
	case "login", "manual":
		return locales.Msg(m.lang, "ui.skipped_manual")
	case "only_if":
		return locales.Msg(m.lang, "ui.skipped_other")
	case "yourself":
		return locales.Msg(m.lang, "ui.skipped_yourself")
	}
	return locales.Msg(m.lang, "ui.skipped_done")
}

func (m *Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := msg.String()
	m.note = ""
	if m.confirm != "" {
		return m.answer(k)
	}
	if m.finder != nil {
		return m.findKey(msg)
	}
	if m.input {
		if k == "esc" {
			m.input = false
			return m, nil
		}
		m.typeInto(keyBytes(msg))
		return m, nil
	}
	if m.view == "help" {
		switch k {
		case "up", "k":
			m.helpScroll.by(-1)
			return m, nil
		case "down", "j":
			m.helpScroll.by(1)
			return m, nil
		case "esc":
			m.view = ""
			return m, nil
		case "?", "q", "ctrl+c", "ctrl+d", "ctrl+u":
		default:
			m.view = ""
		}
	}
	if m.bare != nil && m.stepOnly(msg) {
		m.note = m.t("tui.nothing_to_run")
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Quit):
		if m.phase == running {
			m.confirm = "quit"
			return m, nil
		}
		return m, tea.Quit
	case key.Matches(msg, m.keys.Up):
		if m.phase != running {
			return m, m.step(-1)
		}
	case key.Matches(msg, m.keys.Down):
		if m.phase != running {
			return m, m.step(1)
		}
	case key.Matches(msg, m.keys.Next):
		if m.phase == running {
			return m, nil
		}
		if m.bare != nil {
			return m, m.step(1)
		}
		if hosts := m.notPassed(); len(hosts) > 0 {
			m.note = m.t("tui.next_not_passed", strings.Join(hosts, ", "))
			return m, nil
		}
		return m, m.step(1)
	case key.Matches(msg, m.keys.TextDown):
		m.textKey(true)
	case key.Matches(msg, m.keys.TextUp):
		m.textKey(false)
	case key.Matches(msg, m.keys.Expand):
		m.expand = !m.expand
	case key.Matches(msg, m.keys.Find):
		m.finder = &finder{}
	case key.Matches(msg, m.keys.Evidence):
		m.toggleView("evidence")
	case key.Matches(msg, m.keys.Chapters):
		m.listToggled = !m.listToggled
	case key.Matches(msg, m.keys.Run):
		if m.phase == running {
			return m, nil
		}
		if !m.agreed && !m.opt.Rehearsal {
			m.confirm = "run"
			return m, nil
		}
		return m, m.start(false)
	case key.Matches(msg, m.keys.Verify):
		if m.phase != running && m.current().Check != nil {
			return m, m.start(true)
		}
	case key.Matches(msg, m.keys.Fail):
		if !m.opt.Rehearsal {
			m.note = m.t("tui.fail_live")
			return m, nil
		}
		if m.phase != running && m.current().Check != nil {
			m.opt.Engine.PlayFailure(m.current().ID)
			return m, m.start(false)
		}
	case key.Matches(msg, m.keys.Skip):
		if m.phase != running {
			e, id, hosts := m.opt.Engine, m.current().ID, m.hosts()
			save := m.step(1)
			return m, func() tea.Msg {
				e.Skip(id, hosts)
				if save != nil {
					save() // after the skip, which names the skipped step current
				}
				return nil
			}
		}
	case key.Matches(msg, m.keys.Diag):
		m.toggleView("diag")
	case key.Matches(msg, m.keys.Topology):
		m.toggleView("topology")
	case key.Matches(msg, m.keys.Help):
		m.toggleView("help")
	case key.Matches(msg, m.keys.Shell):
		if m.opt.Rehearsal {
			m.note = m.t("tui.shell_rehearsal")
			return m, nil
		}
		return m, m.openShell()
	case key.Matches(msg, m.keys.Focus):
		n := len(m.hosts())
		if n > 0 {
			if k == "shift+tab" {
				m.focus = (m.focus + n - 1) % n
			} else {
				m.focus = (m.focus + 1) % n
			}
		}
	case key.Matches(msg, m.keys.Input):
		if m.procs.get(m.focused()) == nil {
			if m.opt.Rehearsal {
				m.note = m.t("tui.input_rehearsal")
			} else {
				m.note = m.t("tui.input_nothing", m.focused())
			}
			return m, nil
		}
		m.input = true
	case key.Matches(msg, m.keys.SyncAll):
		hs := m.hosts()
		all := len(m.syncSet) == len(hs)
		m.syncSet = map[string]bool{}
		if !all {
			for _, h := range hs {
				m.syncSet[h] = true
			}
		}
	case key.Matches(msg, m.keys.SyncOne):
		hs := m.hosts()
		i := int(k[0] - '1')
		if i < len(hs) {
			if m.syncSet[hs[i]] {
				delete(m.syncSet, hs[i])
			} else {
				m.syncSet[hs[i]] = true
			}
		}
	case key.Matches(msg, m.keys.Zoom):
		m.zoom = !m.zoom
	case key.Matches(msg, m.keys.Lang):
		m.lang = m.lang.Next()
		m.keys = newKeys(m.lang, m.opt.Rehearsal)
	case key.Matches(msg, m.keys.ScrollUp):
		h := m.focused()
		m.scroll[h] += 5 // drawing bounds it by what the pane holds
	case key.Matches(msg, m.keys.ScrollDown):
		h := m.focused()
		m.scroll[h] = max(m.scroll[h]-5, 0)
	}
	return m, nil
}

func (m *Model) toggleView(v string) {
	if m.view == v {
		m.view = ""
	} else {
		m.view = v
	}
}

func (m *Model) answer(k string) (tea.Model, tea.Cmd) {
	what := m.confirm
	m.confirm = ""
	yes := k == "y" || k == "enter"
	switch {
	case what == "quit" && yes:
		if m.cancel != nil {
			m.cancel()
		}
		return m, tea.Quit
	case what == "run" && yes:
		m.agreed = true
		return m, m.start(false)
	}
	return m, nil
}

// move selects another step; the verdicts shown belong to the old one.
func (m *Model) move(i int) {
	m.sel = i
	m.phase = idle
	m.focus = 0
	m.report = nil
	m.err = ""
	m.verdicts = map[string]*check.Result{}
	m.checkStage = ""
	m.lost = map[string]string{}
	m.diag = map[string]string{}
	m.syncSet = map[string]bool{}
	m.seen = map[string]seen{}
	m.proseScroll, m.cmdScroll, m.evidenceScroll = scrolled{}, scrolled{}, scrolled{}
	m.expand = false
	m.bare = nil
	if m.view == "diag" || m.view == "evidence" {
		m.view = ""
	}
}

// notPassed lists the current step's hosts where it has not passed (or
// been done or skipped) yet.
func (m *Model) notPassed() []string {
	if m.opt.Progress == nil {
		return nil
	}
	var out []string
	for _, h := range m.hosts() {
		if !m.opt.Progress.Get(m.current().ID, h).Status.OK() {
			out = append(out, h)
		}
	}
	return out
}

// start runs (or verifies) the current step in the background.
func (m *Model) start(verifyOnly bool) tea.Cmd {
	s := m.current()
	m.phase = running
	m.report = nil
	m.err = ""
	m.verdicts = map[string]*check.Result{}
	m.checkStage = ""
	m.lost = map[string]string{}
	m.diag = map[string]string{}
	m.seen = map[string]seen{}
	m.layoutPanes() // size the terminals (and so the PTYs) before output arrives
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	w := m.opt.Engine
	return func() tea.Msg {
		var rep walk.StepReport
		var err error
		if verifyOnly {
			rep, err = w.Verify(ctx, s, nil)
		} else {
			rep, err = w.Run(ctx, s, nil)
		}
		return stepDoneMsg{rep: rep, err: err}
	}
}

// typeInto sends keystrokes to the focused pane's process, or to every pane
// of the synchronized set.
func (m *Model) typeInto(s string) {
	targets := []string{m.focused()}
	if len(m.syncSet) > 0 {
		targets = targets[:0]
		for _, h := range m.hosts() {
			if m.syncSet[h] {
				targets = append(targets, h)
			}
		}
	}
	for _, h := range targets {
		if p := m.procs.get(h); p != nil {
			p.Write([]byte(s))
		}
	}
}

// openShell starts an interactive shell on the focused host, in its pane.
func (m *Model) openShell() tea.Cmd {
	if m.opt.Rehearsal || m.phase == running {
		return nil
	}
	h := m.focused()
	pane := m.pane(h)
	cols, rows := pane.Size()
	m.input = true
	shell := m.opt.Engine.Shell
	procs := m.procs
	return func() tea.Msg {
		p, err := shell(context.Background(), h, cols, rows, pane)
		if err != nil {
			pane.WriteString("\r\n" + err.Error() + "\r\n")
			return nil
		}
		procs.set(h, p)
		pane.ReplyTo(p)
		go func() {
			p.Wait()
			procs.set(h, nil)
			pane.ReplyTo(nil)
		}()
		return nil
	}
}

// keyBytes is what a terminal sends for a key.
func keyBytes(k tea.KeyPressMsg) string {
	switch k.String() {
	case "enter":
		return "\r"
	case "backspace":
		return "\x7f"
	case "tab":
		return "\t"
	case "up":
		return "\x1b[A"
	case "down":
		return "\x1b[B"
	case "right":
		return "\x1b[C"
	case "left":
		return "\x1b[D"
	case "space":
		return " "
	}
	if s := k.String(); strings.HasPrefix(s, "ctrl+") && len(s) == 6 {
		return string(rune(s[5] - 'a' + 1)) // ctrl+c = 0x03 ...
	}
	return k.Text
}

// layoutPanes sizes every visible pane's terminal as the screen will show
// it, so a command's PTY starts at the right size.
func (m *Model) layoutPanes() { _ = m.render() }
