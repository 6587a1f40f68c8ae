package walk

import (
	"time"

	"hardway/check"
)

// steadiness follows a check's attempts on one host and says when it has
// passed for long enough to be believed: every attempt in a window of
// `settle` passed, at least two of them, all with the same identity (a
// unit's PID and restart count). A crash-looping service shows `active`
// between restarts; it never shows the same PID for ten seconds.
type steadiness struct {
	start  time.Time // first passing attempt of the current run of passes
	id     string    // the identity seen at start
	passes int       // passing attempts since start
	change string    // the last change of identity seen, for the reason
}

// observe takes one attempt's result and reports whether the check is now
// steady. A settle window of 0 believes the first pass.
func (st *steadiness) observe(r check.Result, now time.Time, settle time.Duration) bool {
	if !r.Pass {
		st.passes = 0
		return false
	}
	if st.passes > 0 && r.Identity != st.id {
		st.change = st.id + " → " + r.Identity
		st.passes = 0
	}
	if st.passes == 0 {
		st.start, st.id = now, r.Identity
	}
	st.passes++
	return settle <= 0 || st.passes >= 2 && now.Sub(st.start) >= settle
}

// end is when to stop trying: the check's deadline, or later when a run of
// passes that began by then needs time to fill its window (a check with
// timeout 0 still watches a service for its settle window).
func (st *steadiness) end(deadline time.Time, settle, interval time.Duration) time.Time {
	if st.passes > 0 && !st.start.After(deadline.Add(interval)) {
		if w := st.start.Add(settle + interval); w.After(deadline) {
			return w
		}
	}
	return deadline
}
