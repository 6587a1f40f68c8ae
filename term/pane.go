// Package term is a host pane's terminal: the bytes a command prints go in,
// a screen of styled text comes out, as a real terminal would show it
// (colours, carriage-return progress bars, cursor movement, wide CJK
// characters), with scrollback. It hides the emulator (charmbracelet/x/vt,
// which has no stable API yet) behind this small type.
package term

import (
	"io"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/charmbracelet/x/vt"
)

// DefaultScrollback is how many lines of history a pane keeps.
const DefaultScrollback = 10000

// Pane is one terminal. Write may be called from any goroutine.
type Pane struct {
	mu    sync.Mutex
	emu   *vt.Emulator
	dirty atomic.Bool
	reply atomic.Pointer[io.Writer]
	bytes atomic.Int64
}

// New returns a pane of cols x rows.
func New(cols, rows int) *Pane {
	p := &Pane{emu: vt.NewEmulator(max(cols, 1), max(rows, 1))}
	p.emu.SetScrollbackSize(DefaultScrollback)
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

// Write feeds output into the terminal.
func (p *Pane) Write(b []byte) (int, error) {
	p.mu.Lock()
	n, err := p.emu.Write(b)
	p.mu.Unlock()
	p.bytes.Add(int64(n))
	p.dirty.Store(true)
	return n, err
}

// WriteString feeds a string.
func (p *Pane) WriteString(s string) { p.Write([]byte(s)) }

// TakeDirty reports whether the pane changed since the last call.
func (p *Pane) TakeDirty() bool { return p.dirty.Swap(false) }

// Bytes is how much output the pane has received.
func (p *Pane) Bytes() int64 { return p.bytes.Load() }

// Resize changes the terminal size; the caller resizes the PTY with it.
func (p *Pane) Resize(cols, rows int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	cols, rows = max(cols, 1), max(rows, 1)
	if cols == p.emu.Width() && rows == p.emu.Height() {
		return
	}
	p.emu.Resize(cols, rows)
	p.dirty.Store(true)
}

// Size is the terminal size.
func (p *Pane) Size() (cols, rows int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.emu.Width(), p.emu.Height()
}

// Render is the screen with its styles, as ANSI text, one line per row.
func (p *Pane) Render() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.emu.Render()
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
	return p.emu.ScrollbackLen()
}

// View renders the screen scrolled back by offset lines (0 = the live
// screen). History lines are shown as plain text.
func (p *Pane) View(offset int) string {
	if offset <= 0 {
		return p.Render()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	h, w := p.emu.Height(), p.emu.Width()
	sb := p.emu.ScrollbackLen()
	offset = min(offset, sb)
	screen := strings.Split(p.emu.Render(), "\n")
	lines := make([]string, 0, h)
	for i := sb - offset; i < sb && len(lines) < h; i++ {
		lines = append(lines, p.scrollbackLine(i, w))
	}
	for i := 0; len(lines) < h && i < len(screen); i++ {
		lines = append(lines, screen[i])
	}
	return strings.Join(lines, "\n")
}

func (p *Pane) scrollbackLine(y, w int) string {
	var b strings.Builder
	for x := 0; x < w; {
		c := p.emu.ScrollbackCellAt(x, y)
		if c == nil {
			break
		}
		if c.Content == "" {
			b.WriteByte(' ')
		} else {
			b.WriteString(c.Content)
		}
		x += max(c.Width, 1)
	}
	return b.String()
}

// Close stops the pane's reply reader.
func (p *Pane) Close() { p.emu.Close() }
