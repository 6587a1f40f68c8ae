package walk

import (
	"encoding/json"
	"hardway/locales"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// Status of a step on one host.
type Status string

const (
	NotRun      Status = ""
	Done        Status = "done"        // ran, exit 0; the step has no check
	Passed      Status = "passed"      // its check passed
	Failed      Status = "failed"      // the command or the check failed
	Skipped     Status = "skipped"     // done_if said it was already done, or the learner skipped it
	Unreachable Status = "unreachable" // the host could not be reached or was lost
	// Marked is a step the learner did by hand and said so (hardway mark):
	// nothing verified it. A check that passes later makes it Passed.
	Marked Status = "marked"
)

// OK reports whether a status lets the learner move on.
func (s Status) OK() bool { return s == Done || s == Passed || s == Skipped || s == Marked }

// HostState is a step's outcome on one host.
type HostState struct {
	Status Status    `json:"status"`
	Exit   int       `json:"exit,omitempty"`
	At     time.Time `json:"at"`
	Note   string    `json:"note,omitempty"`
}

// progressFile is the JSON on disk.
type progressFile struct {
	Version int                             `json:"version"`
	Track   string                          `json:"track"`
	Steps   map[string]map[string]HostState `json:"steps"` // step id → host → state
	Vars    map[string]map[string]string    `json:"vars"`  // host → name → value
	Current string                          `json:"current,omitempty"`
}

// Progress is what the learner has done, per step and host, and the shell
// variables carried between steps. Every change is written to disk at once,
// atomically (a new file renamed over the old), so a crash or kill -9 leaves
// either the previous or the new state, never half of one.
type Progress struct {
	path string
	mu   sync.Mutex
	f    progressFile
}

// OpenProgress reads the progress file, or starts an empty one. A file that
// does not parse is kept aside (renamed .bad) and reported, not overwritten.
func OpenProgress(path, track string) (*Progress, error) {
	p := &Progress{path: path, f: progressFile{Version: 1, Track: track,
		Steps: map[string]map[string]HostState{}, Vars: map[string]map[string]string{}}}
	removeStaleTemps(filepath.Dir(path))
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	var f progressFile
	if err := json.Unmarshal(data, &f); err != nil || f.Version != 1 {
		bad := path + ".bad"
		os.Rename(path, bad)
		return nil, locales.Errorf("walk.progress_unreadable", path, err.Error(), bad)
	}
	if f.Track != track {
		return nil, locales.Errorf("walk.progress_other_track", path, f.Track, track)
	}
	if f.Steps == nil {
		f.Steps = map[string]map[string]HostState{}
	}
	if f.Vars == nil {
		f.Vars = map[string]map[string]string{}
	}
	p.f = f
	return p, nil
}

// Path is where the progress lives.
func (p *Progress) Path() string { return p.path }

// Set records a step's outcome on a host and saves.
func (p *Progress) Set(step, host string, st HostState) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.f.Steps[step] == nil {
		p.f.Steps[step] = map[string]HostState{}
	}
	if st.At.IsZero() {
		st.At = time.Now().UTC()
	}
	p.f.Steps[step][host] = st
	p.f.Current = step
	return p.save()
}

// Unset forgets a step's outcome on a host, as if it never ran there, and
// saves; false when there was nothing to forget.
func (p *Progress) Unset(step, host string) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.f.Steps[step][host]; !ok {
		return false, nil
	}
	delete(p.f.Steps[step], host)
	if len(p.f.Steps[step]) == 0 {
		delete(p.f.Steps, step)
	}
	return true, p.save()
}

// SetVars records carried variables of a host and saves.
func (p *Progress) SetVars(host string, vars map[string]string) error {
	if len(vars) == 0 {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.f.Vars[host] == nil {
		p.f.Vars[host] = map[string]string{}
	}
	changed := false
	for k, v := range vars {
		if old, ok := p.f.Vars[host][k]; !ok || old != v {
			p.f.Vars[host][k] = v
			changed = true
		}
	}
	if !changed {
		return nil // most steps leave the directory and variables as they were
	}
	return p.save()
}

// Get returns a step's state on a host.
func (p *Progress) Get(step, host string) HostState {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.f.Steps[step][host]
}

// Vars returns a copy of a host's carried variables.
func (p *Progress) Vars(host string) map[string]string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[string]string{}
	for k, v := range p.f.Vars[host] {
		out[k] = v
	}
	return out
}

// Hosts lists the hosts that have carried variables, sorted.
func (p *Progress) Hosts() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for h := range p.f.Vars {
		out = append(out, h)
	}
	sort.Strings(out)
	return out
}

// Current is the last step something happened in.
func (p *Progress) Current() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.f.Current
}

// save writes the file atomically; the caller holds mu. The file is 0600:
// carried variables may include the encryption key.
func (p *Progress) save() error {
	data, err := json.MarshalIndent(p.f, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(p.path, data)
}

// removeStaleTemps removes the temporary files of writes that a killed
// hardway left behind (a write in progress is seconds old at most).
func removeStaleTemps(dir string) {
	olds, _ := filepath.Glob(filepath.Join(dir, ".progress-*"))
	for _, f := range olds {
		if fi, err := os.Stat(f); err == nil && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(f)
		}
	}
}

func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".progress-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// The rename itself must reach the disk too.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// SetCurrent records the step the learner is on, so a face that starts
// again opens there, and saves; nothing is recorded about the step itself.
func (p *Progress) SetCurrent(step string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.f.Current == step {
		return nil
	}
	p.f.Current = step
	return p.save()
}
