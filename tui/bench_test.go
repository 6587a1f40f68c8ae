package tui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"

	"hardway/locales"
	"hardway/steps"
	"hardway/term"
	"hardway/walk"
)

// busyOutput is a recorded-like stream: coloured apt lines, a wget progress
// bar redrawn with \r, Korean text.
func busyOutput(n int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "\x1b[32mGet:%d\x1b[0m http://deb.debian.org/debian bookworm/main amd64 libfoo%d amd64 1.2.%d [%d kB]\r\n", i, i, i, i*7%900)
		fmt.Fprintf(&b, "kube-apiserver %3d%%[=====>      ] %dM  12.3MB/s\r", i%100, i%160)
		if i%10 == 0 {
			b.WriteString("\r\n컨트롤 플레인 구성 요소를 시작합니다 — コントロールプレーン\r\n")
		}
	}
	return []byte(b.String()[:n])
}

// BenchmarkPaneThroughput: bytes per second through one pane, emulator and render.
func BenchmarkPaneThroughput(b *testing.B) {
	data := busyOutput(1 << 20)
	p := term.New(120, 30)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for off := 0; off < len(data); off += 32 << 10 {
			p.Write(data[off:min(off+32<<10, len(data))])
		}
		_ = p.Render()
	}
}

func sixHostModel(b testing.TB, w, h int) *Model {
	var layout strings.Builder
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&layout, "  - name: host-%d\n    address: 10.0.0.%d\n    roles: [all]\n", i, i+1)
	}
	fs := fstest.MapFS{
		"track.yaml":       {Data: []byte("id: six\nversion: v1\nhosts:\n" + layout.String() + "chapters: [01-x]\n")},
		"01-x.yaml":        {Data: []byte("steps:\n  - id: busy\n    on: [all]\n    run: apt-get install -y nginx\n")},
		"prose/en/01-x.md": {Data: []byte("# X\n\n## busy: Busy\n\nSix hosts print a lot.\n")},
	}
	tr, err := steps.LoadTrack(fs, "six")
	if err != nil {
		b.Fatal(err)
	}
	prog, _ := walk.OpenProgress(filepath.Join(b.TempDir(), "p.json"), tr.ID)
	r := walk.NewRehearsal(tr, tr.DefaultVars(), prog)
	m := New(Options{Track: tr, Engine: r, Progress: prog, Vars: tr.DefaultVars(), Lang: locales.EN, Rehearsal: true})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// frameDrawer does what Bubble Tea's renderer does with a frame: parse the
// view into cells, diff them against the previous frame and write the
// changes for the terminal. A frame's time is View() plus this.
type frameDrawer struct {
	out bytes.Buffer
	buf uv.ScreenBuffer
	scr *uv.TerminalRenderer
}

func newFrameDrawer(w, h int) *frameDrawer {
	d := &frameDrawer{buf: uv.NewScreenBuffer(w, h)}
	d.scr = uv.NewTerminalRenderer(&d.out, []string{"TERM=xterm-256color"})
	d.scr.SetFullscreen(true)
	return d
}

func (d *frameDrawer) draw(view string) {
	d.buf.Clear()
	uv.NewStyledString(view).Draw(d.buf, d.buf.Bounds())
	d.scr.Render(d.buf.RenderBuffer)
	_ = d.scr.Flush()
	d.out.Reset()
}

// BenchmarkViewSixBusyPanes: a whole frame (View() and drawing it as Bubble
// Tea does) while 6 panes are each fed
// 1 MB/s by their own goroutines (as SSH sessions feed them), 33 KB every
// 33 ms. It reports the frame time's p50 and p99; the target is <= 16 ms.
func BenchmarkViewSixBusyPanes(b *testing.B) {
	m := sixHostModel(b, 200, 60)
	hosts := m.hosts()
	data := busyOutput(4 << 20)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i, h := range hosts {
		wg.Add(1)
		go func(i int, p *term.Pane) {
			defer wg.Done()
			chunk := (1 << 20) / 30
			off := i * 100000
			t := time.NewTicker(33 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					if off+chunk > len(data) {
						off = 0
					}
					p.Write(data[off : off+chunk])
					off += chunk
				}
			}
		}(i, m.pane(h))
	}
	time.Sleep(200 * time.Millisecond) // let output flow
	frames := make([]time.Duration, 0, b.N)
	screen := newFrameDrawer(200, 60)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		screen.draw(m.View().Content)
		frames = append(frames, time.Since(start))
		time.Sleep(frame - min(frames[len(frames)-1], frame)) // at the UI's 30 fps
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	sort.Slice(frames, func(i, j int) bool { return frames[i] < frames[j] })
	b.ReportMetric(float64(frames[len(frames)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(frames[len(frames)*99/100].Microseconds())/1000, "p99-ms")
	var total int64
	for _, h := range hosts {
		total += m.pane(h).Bytes()
	}
	b.ReportMetric(float64(total)/(1<<20), "MB-fed")
}

// BenchmarkFirstFrame: from nothing to the first rendered screen.
func BenchmarkFirstFrame(b *testing.B) {
	tr := classic(b)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		prog, _ := walk.OpenProgress(filepath.Join(dir, strconv.Itoa(i)+".json"), tr.ID)
		r := walk.NewRehearsal(tr, tr.DefaultVars(), prog)
		m := New(Options{Track: tr, Engine: r, Progress: prog, Vars: tr.DefaultVars(), Lang: locales.KO, Rehearsal: true})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// BenchmarkFirstFrameWithContent includes loading the embedded content.
func BenchmarkFirstFrameWithContent(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		tr := classic(b)
		prog, _ := walk.OpenProgress(filepath.Join(dir, strconv.Itoa(i)+".json"), tr.ID)
		r := walk.NewRehearsal(tr, tr.DefaultVars(), prog)
		m := New(Options{Track: tr, Engine: r, Progress: prog, Vars: tr.DefaultVars(), Lang: locales.KO, Rehearsal: true})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

func rssMB() float64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// BenchmarkScrollbackMemory: 6 panes with 10,000 lines of history each.
func BenchmarkScrollbackMemory(b *testing.B) {
	for i := 0; i < b.N; i++ {
		before := heapMB()
		var panes []*term.Pane
		for p := 0; p < 6; p++ {
			pane := term.New(120, 30)
			for l := 0; l < 10000+30; l++ {
				fmt.Fprintf(pane, "\x1b[32m%05d\x1b[0m Get:%d http://deb.debian.org/debian bookworm/main amd64 libfoo amd64 [%d kB]\r\n", l, l, l%900)
			}
			panes = append(panes, pane)
		}
		b.ReportMetric(heapMB()-before, "heap-MB")
		b.ReportMetric(rssMB(), "rss-MB")
		runtime.KeepAlive(panes)
	}
}

// BenchmarkFiftyMBThroughOnePane: the RSS after 50 MB of output in one pane.
func BenchmarkFiftyMBThroughOnePane(b *testing.B) {
	data := busyOutput(1 << 20)
	for i := 0; i < b.N; i++ {
		p := term.New(120, 30)
		for n := 0; n < 50; n++ {
			p.Write(data)
		}
		_ = p.Render()
		b.ReportMetric(rssMB(), "rss-MB")
		b.ReportMetric(heapMB(), "heap-MB")
		runtime.KeepAlive(p)
	}
}
