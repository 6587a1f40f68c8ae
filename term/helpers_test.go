package term

import (
	"sync"
	"time"
)

type chanMutex struct{ m sync.Mutex }

func (c *chanMutex) lock()   { c.m.Lock() }
func (c *chanMutex) unlock() { c.m.Unlock() }

func sleepMS(n int) { time.Sleep(time.Duration(n) * time.Millisecond) }
