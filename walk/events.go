package walk

import (
	"time"

	"hardway/check"
)

// EventKind says what happened.
type EventKind string

const (
	EvStarted      EventKind = "started"       // a step's command started on a host
	EvOutput       EventKind = "output"        // bytes it printed (raw, as the terminal got them)
	EvExited       EventKind = "exited"        // it ended
	EvSkipped      EventKind = "skipped"       // not run: done_if held, or a manual step
	EvCheckAttempt EventKind = "check_attempt" // one try of the check
	EvCheckVerdict EventKind = "check_verdict" // the check's last word on a host
	EvDiagnostic   EventKind = "diagnostic"    // a diagnostic command's output from a failing host
	EvHostLost     EventKind = "host_lost"     // the host could not be reached or dropped off
)

// Event is something the engine reports to its face (command line or TUI).
type Event struct {
	Kind     EventKind     `json:"event"`
	Time     time.Time     `json:"time"`
	Step     string        `json:"step"`
	Host     string        `json:"host"`
	Command  string        `json:"command,omitempty"`
	Data     []byte        `json:"-"`
	Text     string        `json:"output,omitempty"` // Data as text, for JSON
	Exit     int           `json:"exit,omitempty"`
	Signal   string        `json:"signal,omitempty"`
	Duration time.Duration `json:"duration_ns,omitempty"`
	Err      string        `json:"error,omitempty"`
	Reason   string        `json:"reason,omitempty"` // why skipped
	Attempt  int           `json:"attempt,omitempty"`
	Pass     bool          `json:"pass,omitempty"`
	// Settling marks a passing attempt of a check that must keep passing
	// for Settle before it counts.
	Settling bool          `json:"settling,omitempty"`
	Settle   time.Duration `json:"settle_ns,omitempty"`
	Result   *check.Result `json:"result,omitempty"`
	// Stage names the stage of a check with stages that was judged.
	Stage string `json:"stage,omitempty"`
}
