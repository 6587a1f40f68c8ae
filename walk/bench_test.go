package walk

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"hardway/internal/sshlab"
)

// peakRSS is this process's high-water resident set (VmHWM), in bytes.
func peakRSS(b testing.TB) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("no /proc/self/status")
	}
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// A check that prints 200 MB on each of six hosts: hardway keeps a bounded
// part of each output, so its memory does not grow with what the hosts
// print. Reports the peak resident set of the whole test process.
//
//	go test -run '^$' -bench CheckFlood -benchtime 1x ./walk
func BenchmarkCheckFlood(b *testing.B) {
	names := []string{"controller-0", "controller-1", "controller-2", "worker-0", "worker-1", "worker-2"}
	l := sshlab.Start(b, 198, names)
	tr := labTrack(b, l, `steps:
  - id: flood
    on: [controllers, workers]
    check:
      kind: output
      run: head -c 200000000 /dev/zero | tr '\0' 'x' | fold -w 100; echo done
      timeout: 0s
      params: {contains: [done]}
      pass: [{output: done}]
      fail: [{output: ""}]
`)
	e, _ := newEngine(b, l, tr, b.TempDir())
	e.Emit = nil
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := e.Verify(context.Background(), tr.Step("01-test/flood"), nil)
		if err != nil || !rep.OK() {
			b.Fatalf("%+v %v", rep.Hosts, err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(peakRSS(b))/(1<<20), "peakRSS-MB")
	b.ReportMetric(float64(len(names))*200, "MB-printed")
}
