package walk

import (
	"fmt"
	"sync"
)

// capped keeps what a command prints within a bound: its first part (how
// it started) and its last part (where the verdict usually is), and counts
// what it left out. A check that prints 200 MB on six hosts costs hardway
// a few hundred kilobytes per host, in memory and in the transcript.
type capped struct {
	mu      sync.Mutex
	head    []byte
	tail    []byte
	maxHead int
	maxTail int
	dropped int64
}

// Output bounds: checks, guards and diagnostics; a step's own output keeps
// a longer tail for the transcript.
const (
	outputHead     = 64 << 10
	checkTail      = 192 << 10
	transcriptTail = 1 << 20
)

func newCapped(head, tail int) *capped { return &capped{maxHead: head, maxTail: tail} }

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(p)
	if room := c.maxHead - len(c.head); room > 0 {
		k := min(room, len(p))
		c.head = append(c.head, p[:k]...)
		p = p[k:]
	}
	c.tail = append(c.tail, p...)
	// Trim in batches, so that a steady stream costs amortised O(1).
	if len(c.tail) > 2*c.maxTail {
		cut := len(c.tail) - c.maxTail
		c.dropped += int64(cut)
		c.tail = append(c.tail[:0:0], c.tail[cut:]...)
	}
	return n, nil
}

// String is the head, a line saying how much was left out, and the tail.
func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	tail := c.tail
	dropped := c.dropped
	if len(tail) > c.maxTail {
		dropped += int64(len(tail) - c.maxTail)
		tail = tail[len(tail)-c.maxTail:]
	}
	if dropped == 0 {
		return string(c.head) + string(tail)
	}
	return string(c.head) + fmt.Sprintf("\n[... %d bytes not kept by hardway ...]\n", dropped) + string(tail)
}
