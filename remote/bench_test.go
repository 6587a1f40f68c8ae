package remote_test

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"

	"hardway/internal/sshlab"
	"hardway/remote"
)

// BenchmarkWarmFanOut6 runs `true` on 6 hosts at once over warm connections:
// the cost hardway adds to every step. It reports the per-step p50 and p99.
func BenchmarkWarmFanOut6(b *testing.B) { warmFanOut(b, 210, remote.ExecOptions{}) }

// BenchmarkWarmFanOut6PTY is the same with a PTY, as step commands run.
func BenchmarkWarmFanOut6PTY(b *testing.B) {
	warmFanOut(b, 220, remote.ExecOptions{PTY: true, Cols: 120, Rows: 40})
}

func warmFanOut(b *testing.B, base int, opt remote.ExecOptions) {
	l := sshlab.Start(b, base, six)
	p := newPool(l, remote.Options{})
	defer p.Close()
	ctx := context.Background()
	var conns []*remote.Conn
	for _, tg := range targets(l) {
		c, err := p.Get(ctx, tg)
		if err != nil {
			b.Fatal(err)
		}
		conns = append(conns, c)
	}
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		var wg sync.WaitGroup
		for _, c := range conns {
			wg.Add(1)
			go func(c *remote.Conn) {
				defer wg.Done()
				if r := remote.Run(ctx, c, "true", opt); r.Exit != 0 {
					b.Error(r)
				}
			}(c)
		}
		wg.Wait()
		durations = append(durations, time.Since(start))
	}
	b.StopTimer()
	reportPercentiles(b, durations)
}

// BenchmarkColdConnect6 dials 6 hosts at once (key exchange, auth) and runs `true`.
func BenchmarkColdConnect6(b *testing.B) {
	l := sshlab.Start(b, 230, six)
	ctx := context.Background()
	durations := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		p := newPool(l, remote.Options{})
		if errs := p.Connect(ctx, targets(l)); len(errs) > 0 {
			b.Fatal(errs)
		}
		p.Close()
		durations = append(durations, time.Since(start))
	}
	reportPercentiles(b, durations)
}

func reportPercentiles(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	pct := func(p float64) float64 {
		i := int(p * float64(len(d)-1))
		return float64(d[i].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}
