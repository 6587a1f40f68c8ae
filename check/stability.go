package check

import "time"

// A passing output is one moment. A service that crash-loops is `active`
// for a moment after each restart, and an API server answers `ok` between
// two crashes, so the engine believes the kinds below only after they keep
// passing, unchanged, for a settle window (see Result.Identity).

// settleDefaults is each kind's window when the step does not set one.
// Service states get a window longer than the usual restart delay
// (RestartSec=5 in the tutorials' units); health answers must be good
// twice in a row.
var settleDefaults = map[string]time.Duration{
	"systemd-active":    10 * time.Second,
	"http":              2 * time.Second,
	"version":           2 * time.Second,
	"componentstatuses": 2 * time.Second,
	"nodes":             2 * time.Second,
	"etcd-members":      2 * time.Second,
	"readyz":            2 * time.Second,
}

// DefaultSettle returns how long a check of this kind must keep passing
// before the engine believes it; 0 for kinds that judge a state that does
// not flap (a file, an exit status).
func DefaultSettle(kind string) time.Duration { return settleDefaults[kind] }

// Prober is a check that needs more than its command's output to judge
// stability: Probe is a command hardway runs right after the check's
// command, in the same shell, whose output is judged with it. Faces show
// it beside the check's command.
type Prober interface {
	Probe() string
}

// Reasons given when a check passed but did not keep passing for its
// window ({0}): it failed again, or what answered changed ({1}: the old and
// the new identity).
const (
	Unstable        Code = "check.unstable"
	UnstableChanged Code = "check.unstable_changed"
)

// UnstableResult is the verdict on a check that passed at some point but did
// not stay passing, unchanged, for the window.
func UnstableResult(window time.Duration, change string) Result {
	if change != "" {
		return result([]Item{fail("stability", UnstableChanged, window.String(), change)})
	}
	return result([]Item{fail("stability", Unstable, window.String())})
}
