// Package term is a host pane's terminal: the bytes a command prints go in,
// a screen of styled text comes out, as a real terminal would show it
// (colours, carriage-return progress bars, cursor movement, wide CJK
// characters), with scrollback. It hides the emulator (charmbracelet/x/vt,
// which has no stable API yet) behind this small type.
package term

import (
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
)

// DefaultScrollback is how many lines of history a pane keeps.
const DefaultScrollback = 10000

// Pane is one terminal. Write may be called from any goroutine.
type Pane struct {
	mu      sync.Mutex
	emu     *vt.Emulator
	shot    atomic.Pointer[string] // the last rendered screen
	size    atomic.Uint64          // cols<<32 | rows, read without the lock
	stale   atomic.Bool            // written since the last snapshot
	history history
	dirty   atomic.Bool
	reply   atomic.Pointer[io.Writer]
	bytes   atomic.Int64
}

// history keeps the lines that scrolled off, as rendered text: a few dozen
// bytes a line instead of the emulator's ~100 bytes a cell.
type history struct {
	lines []string // a ring of at most max lines
	start int
	max   int
}

func (h *history) push(s string) {
	if len(h.lines) < h.max {
		h.lines = append(h.lines, s)
		return
	}
	h.lines[h.start] = s
	h.start = (h.start + 1) % h.max
}

func (h *history) len() int { return len(h.lines) }

// at returns line i, 0 being the oldest.
func (h *history) at(i int) string { return h.lines[(h.start+i)%len(h.lines)] }

// New returns a pane of cols x rows.
func New(cols, rows int) *Pane {
	p := &Pane{emu: vt.NewEmulator(max(cols, 1), max(rows, 1)), history: history{max: DefaultScrollback}}
	p.size.Store(uint64(max(cols, 1))<<32 | uint64(max(rows, 1)))
	// Each line that scrolls off is rendered into the history at once
	// (Write and Resize hold mu while the emulator scrolls).
	p.emu.Scrollback().SetOnPush(func(l uv.Line) { p.history.push(historyLine(l)) })
	// The emulator answers queries (cursor position, device attributes)
	// through a pipe that must be drained, or writing a query blocks.
	go p.drainReplies()
	return p
}

func (p *Pane) drainReplies() {
	buf := make([]byte, 256)
	for {
		n, err := p.emu.Read(buf)
		if n > 0 {
			if w := p.reply.Load(); w != nil {
				(*w).Write(buf[:n])
			}
		}
		if err != nil {
			return
		}
	}
}

// ReplyTo sets where the terminal's answers go: the running command's
// input, as a real terminal's would. nil discards them.
func (p *Pane) ReplyTo(w io.Writer) {
	if w == nil {
		p.reply.Store(nil)
		return
	}
	p.reply.Store(&w)
}

// writePiece bounds how much output one Write emulates before it lets other
// goroutines run. Emulating 32 KiB (one SSH read) takes about 6 ms of CPU;
// on a two-core machine with six busy panes, the goroutine drawing the frame
// would otherwise wait behind whole reads and miss its 16 ms.
const writePiece = 4 << 10

// emulating bounds how many panes emulate output at once: one core fewer
// than the machine has (at least one), so that however much the hosts
// print, a core stays free to draw the frame. Output that arrives faster
// than one core can emulate waits in the SSH channel's window instead.
var emulating = make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1))

// Write feeds output into the terminal.
func (p *Pane) Write(b []byte) (int, error) {
	total := 0
	for len(b) > 0 {
		piece := b[:min(len(b), writePiece)]
		b = b[len(piece):]
		emulating <- struct{}{}
		p.mu.Lock()
		n, err := p.emu.Write(piece)
		p.mu.Unlock()
		<-emulating
		total += n
		p.bytes.Add(int64(n))
		p.dirty.Store(true)
		p.stale.Store(true)
		if err != nil {
			return total, err
		}
		if len(b) > 0 {
			runtime.Gosched()
		}
	}
	return total, nil
}

// Snapshot is the screen for drawing a frame. It never waits for a writer:
// when output is being written at that moment it returns the previous
// frame's screen, which the next frame replaces.
func (p *Pane) Snapshot() string {
	if shot := p.shot.Load(); shot != nil && !p.stale.Load() {
		return *shot
	}
	if !p.mu.TryLock() {
		if shot := p.shot.Load(); shot != nil {
			return *shot
		}
		p.mu.Lock()
	}
	p.stale.Store(false)
	s := p.renderScreen()
	p.mu.Unlock()
	p.shot.Store(&s)
	return s
}

// WriteString feeds a string.
func (p *Pane) WriteString(s string) { p.Write([]byte(s)) }

// TakeDirty reports whether the pane changed since the last call.
func (p *Pane) TakeDirty() bool { return p.dirty.Swap(false) }

// Bytes is how much output the pane has received.
func (p *Pane) Bytes() int64 { return p.bytes.Load() }

// Resize changes the terminal size; the caller resizes the PTY with it.
func (p *Pane) Resize(cols, rows int) {
	cols, rows = max(cols, 1), max(rows, 1)
	want := uint64(cols)<<32 | uint64(rows)
	if p.size.Load() == want {
		return // every frame asks; only a change takes the lock
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.size.Store(want)
	p.emu.Resize(cols, rows)
	p.dirty.Store(true)
	p.stale.Store(true)
}

// Size is the terminal size.
func (p *Pane) Size() (cols, rows int) {
	v := p.size.Load()
	return int(v >> 32), int(v & 0xffffffff)
}

// Render is the screen with its styles, as ANSI text, one line per row.
func (p *Pane) Render() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.renderScreen()
}

// renderScreen is emu.Render(), with plain lines rendered the fast way
// (historyLine). The caller holds mu.
func (p *Pane) renderScreen() string {
	lines := p.emu.ScreenLines()
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(historyLine(l))
	}
	return b.String()
}

// String is the screen as plain text.
func (p *Pane) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.emu.String()
}

// ScrollbackLen is how many lines have scrolled off the top.
func (p *Pane) ScrollbackLen() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.history.len()
}

// View renders the screen scrolled back by offset lines (0 = the live
// screen), history lines with their colours.
func (p *Pane) View(offset int) string {
	if offset <= 0 {
		return p.Snapshot()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	h := p.emu.Height()
	sb := p.history.len()
	offset = min(offset, sb)
	screen := strings.Split(p.renderScreen(), "\n")
	lines := make([]string, 0, h)
	for i := sb - offset; i < sb && len(lines) < h; i++ {
		lines = append(lines, p.history.at(i))
	}
	for i := 0; len(lines) < h && i < len(screen); i++ {
		lines = append(lines, screen[i])
	}
	return strings.Join(lines, "\n")
}

// Close stops the pane's reply reader.
func (p *Pane) Close() { p.emu.Close() }
