package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"hardway/locales"
)

// The room dashboard: every lab of a workshop in one grid (a row per lab,
// a column per chapter), checked when the instructor asks (r) or every few
// minutes, the selected lab's first failing step with its reason below,
// and a key that opens a shell on that lab's failing host. The checks run
// in the face that opened it (Check), off the UI loop.

// RoomGrid is one look at a room.
type RoomGrid struct {
	Chapters []RoomChapter
	Labs     []RoomLab
	Err      string // the room could not be checked at all
}

// RoomChapter is a column: a short code (07) and the chapter's title.
type RoomChapter struct{ Code, Title string }

// RoomLab is a row.
type RoomLab struct {
	Name  string
	Cells []RoomCell
	// Trouble says what is wrong, in the instructor's language: the first
	// failing step, its host and why; hosts not reached; a wrong inventory.
	Trouble []string
	Hint    string
	// ShellHost is the host a shell opens on: the failing one, else one
	// that is lost; "" when there is none.
	ShellHost string
}

// RoomCell is one lab's verdict on one chapter.
type RoomCell struct {
	Kind RoomCellKind
	Text string // "✓", "✗ step@host", "⊘ host", "—"
}

// RoomCellKind colours a cell.
type RoomCellKind int

const (
	RoomNone RoomCellKind = iota
	RoomPassed
	RoomFailed
	RoomUnreachable
	RoomError
)

// RoomOptions wire the dashboard to a room.
type RoomOptions struct {
	Title string // the room file
	Lang  locales.Lang
	// Check runs the checks of every lab and returns the grid; it is
	// called in a command, never in Update or View.
	Check func(ctx context.Context) RoomGrid
	// Every, when set, checks the room again that often.
	Every time.Duration
	// Shell is a shell on a lab's host, run on this terminal while the
	// dashboard waits (tea.Exec).
	Shell   func(lab, host string) tea.ExecCommand
	NoColor bool
}

// RoomModel is the dashboard.
type RoomModel struct {
	opt           RoomOptions
	grid          RoomGrid
	checked       time.Time
	checking      bool
	selected      int
	width, height int
	note          string // the last shell's end, or why none opened
	ctx           context.Context
	cancel        context.CancelFunc
}

type roomCheckedMsg struct {
	grid RoomGrid
	at   time.Time
}

type roomTickMsg struct{}

type roomShellDoneMsg struct {
	lab, host string
	err       error
}

// NewRoom builds the dashboard; it checks the room as it starts.
func NewRoom(o RoomOptions) *RoomModel {
	ctx, cancel := context.WithCancel(context.Background())
	return &RoomModel{opt: o, ctx: ctx, cancel: cancel, width: 100, height: 30}
}

func (m *RoomModel) Init() tea.Cmd {
	m.checking = true
	return tea.Batch(m.check(), m.nextTick())
}

// check runs the room's checks in a command.
func (m *RoomModel) check() tea.Cmd {
	ctx, check := m.ctx, m.opt.Check
	return func() tea.Msg {
		g := check(ctx)
		return roomCheckedMsg{grid: g, at: time.Now()}
	}
}

func (m *RoomModel) nextTick() tea.Cmd {
	if m.opt.Every <= 0 {
		return nil
	}
	return tea.Tick(m.opt.Every, func(time.Time) tea.Msg { return roomTickMsg{} })
}

func (m *RoomModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case roomCheckedMsg:
		m.grid, m.checked, m.checking = msg.grid, msg.at, false
		m.selected = min(m.selected, max(len(m.grid.Labs)-1, 0))
	case roomTickMsg:
		return m, tea.Batch(m.refresh(), m.nextTick())
	case roomShellDoneMsg:
		m.note = m.t("room.shell_closed", msg.host, msg.lab)
		if msg.err != nil {
			m.note = m.t("room.shell_failed", msg.host, msg.lab, msg.err.Error())
		}
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

// refresh checks the room again, unless a check is under way.
func (m *RoomModel) refresh() tea.Cmd {
	if m.checking {
		return nil
	}
	m.checking = true
	return m.check()
}

func (m *RoomModel) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "q", "ctrl+c":
		m.cancel()
		return m, tea.Quit
	case "r":
		return m, m.refresh()
	case "up", "k":
		m.selected = max(m.selected-1, 0)
	case "down", "j":
		m.selected = min(m.selected+1, max(len(m.grid.Labs)-1, 0))
	case "o", "enter":
		return m, m.shell()
	}
	return m, nil
}

// shell opens a shell on the selected lab's failing host.
func (m *RoomModel) shell() tea.Cmd {
	if m.selected >= len(m.grid.Labs) || m.opt.Shell == nil {
		return nil
	}
	lab := m.grid.Labs[m.selected]
	if lab.ShellHost == "" {
		m.note = m.t("room.no_shell", lab.Name)
		return nil
	}
	host := lab.ShellHost
	return tea.Exec(m.opt.Shell(lab.Name, host), func(err error) tea.Msg {
		return roomShellDoneMsg{lab: lab.Name, host: host, err: err}
	})
}

func (m *RoomModel) t(key string, args ...string) string {
	return locales.Msg(m.opt.Lang, key, args...)
}
