package walk

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"

	"hardway/check"
)

// Record is one command in the transcript: what ran where, what it printed,
// how it ended. Output and command are redacted before they are written.
type Record struct {
	Time       time.Time `json:"time"`
	Step       string    `json:"step"`
	Host       string    `json:"host"`
	Kind       string    `json:"kind"` // run, check, compare, diagnostic, done_if
	Command    string    `json:"command"`
	Output     string    `json:"output"`
	Exit       int       `json:"exit"`
	Signal     string    `json:"signal,omitempty"`
	Error      string    `json:"error,omitempty"`
	DurationMS int64     `json:"duration_ms"`
	// Verdict, on a "compare" record, is the host's verdict once compared
	// with the other hosts (distinct:): judging its output again alone
	// would miss a value another host shares.
	Verdict *check.Result `json:"verdict,omitempty"`
}

// Transcript appends records as JSON lines.
type Transcript struct {
	mu     sync.Mutex
	path   string
	redact *Redactor
}

// OpenTranscript appends to the file at path (0600).
func OpenTranscript(path string, r *Redactor) *Transcript {
	return &Transcript{path: path, redact: r}
}

// Path is the transcript's file.
func (t *Transcript) Path() string { return t.path }

// Write appends one record.
func (t *Transcript) Write(rec Record) error {
	if t == nil {
		return nil
	}
	rec.Command = t.redact.Redact(rec.Command)
	rec.Output = t.redact.Redact(rec.Output)
	rec.Error = t.redact.Redact(rec.Error)
	rec.Verdict = t.redact.RedactResult(rec.Verdict)
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(t.path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(t.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(append(data, '\n'))
	return err
}
