package cli

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"

	labpkg "hardway/lab"
	"hardway/locales"
	"hardway/remote"
	"hardway/steps"
	"hardway/walk"
)

// A room's verdicts: for every lab, for every chapter asked for, passed,
// failed (the first failing step and host, why, the hint) or unreachable.
// They come from the checks, run now on the labs' hosts, never from what a
// learner's progress says.

// Chapter verdicts.
const (
	roomPassed      = "passed"
	roomFailed      = "failed"
	roomUnreachable = "unreachable"
	roomNoChecks    = "none"  // the chapter has no check to run
	roomLabError    = "error" // the lab could not be opened (its inventory)
)

type roomResult struct {
	File     string            `json:"room"`
	Chapters []string          `json:"chapters"`
	Labs     []*roomLabRun     `json:"labs"`
	titles   map[string]string // chapter slug → title, in the run's language
}

type roomLabRun struct {
	Name      string            `json:"name"`
	Inventory string            `json:"inventory"`
	Status    string            `json:"status"` // passed, failed, unreachable, error
	Error     string            `json:"error,omitempty"`
	Lost      map[string]string `json:"unreachable,omitempty"` // host → why
	Chapters  []*roomCell       `json:"chapters"`

	lab   *labpkg.Lab
	steps []*steps.Step // the check steps of the chapters asked for
}

type roomCell struct {
	Chapter string   `json:"chapter"`
	Status  string   `json:"status"`
	Step    string   `json:"step,omitempty"`
	Host    string   `json:"host,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	Hint    string   `json:"hint,omitempty"`
	Hosts   []string `json:"hosts,omitempty"` // the unreachable ones
}

// roomConnectAtOnce bounds the labs that connect at the same time, so a
// room of 200 hosts does not make 200 handshakes at once on a loaded
// machine (each lab's hosts still connect together).
const roomConnectAtOnce = 8

// openRoom opens every lab of the room (connecting nothing). A lab whose
// inventory is wrong is marked, never stops the others.
func (a *app) openRoom(r *roomFile, chapters []string) (*roomResult, error) {
	tracks, err := a.allTracks()
	if err != nil {
		return nil, err
	}
	res := &roomResult{File: r.Path, titles: map[string]string{}}
	seenChapter := map[string]bool{}
	for _, rl := range r.Labs {
		run := &roomLabRun{Name: rl.Name, Inventory: rl.Inventory, Lost: map[string]string{}}
		res.Labs = append(res.Labs, run)
		state, err := a.labState(rl.Name, rl.Inventory)
		if err != nil {
			return nil, err
		}
		l, err := labpkg.Open(labpkg.Options{Inventory: rl.Inventory, Tracks: tracks, State: state})
		if err != nil {
			run.Status, run.Error = roomLabError, locales.Localize(a.lang, err)
			continue
		}
		run.lab = l
		chs, err := roomChapters(l.Track, chapters)
		if err != nil {
			return nil, err
		}
		for _, ch := range chs {
			if !seenChapter[ch.Slug] {
				seenChapter[ch.Slug] = true
				res.titles[ch.Slug], _ = ch.Title(a.lang)
				res.Chapters = append(res.Chapters, ch.Slug)
			}
			cell := &roomCell{Chapter: ch.Slug, Status: roomNoChecks}
			for _, s := range ch.Steps {
				if s.Check != nil && len(run.remoteCheckHosts(s)) > 0 {
					run.steps = append(run.steps, s)
					cell.Status = roomPassed // until a check says otherwise
				}
			}
			run.Chapters = append(run.Chapters, cell)
		}
	}
	return res, nil
}

// labState is where a room's lab keeps its progress: where hardway
// --inventory INV keeps it, or with --state DIR, DIR/NAME.
func (a *app) labState(name, inv string) (string, error) {
	if a.stateFlag != "" {
		return filepath.Join(a.stateFlag, name), nil
	}
	return a.stateDir(inv)
}

// roomChapters are the chapters asked for, default all that are written.
func roomChapters(t *steps.Track, refs []string) ([]*steps.Chapter, error) {
	if len(refs) == 0 {
		var out []*steps.Chapter
		for _, ch := range t.Chapters {
			if len(ch.Steps) > 0 {
				out = append(out, ch)
			}
		}
		return out, nil
	}
	var out []*steps.Chapter
	for _, ref := range refs {
		ch, err := t.FindChapter(ref)
		if err != nil {
			return nil, usageError{err}
		}
		out = append(out, ch)
	}
	return out, nil
}

// checkHosts are the hosts a lab's checks run on, in layout order.
func (run *roomLabRun) checkHosts() []steps.Host {
	var out []steps.Host
	seen := map[string]bool{}
	for _, s := range run.steps {
		for _, h := range run.remoteCheckHosts(s) {
			if !seen[h.Name] {
				seen[h.Name] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// remoteCheckHosts are the hosts the step's check runs on, but the
// workstation when it is local: that is the instructor's machine here, not
// the learner's.
func (run *roomLabRun) remoteCheckHosts(s *steps.Step) []steps.Host {
	hs, _ := s.CheckHosts()
	var out []steps.Host
	for _, h := range hs {
		if !run.lab.Targets[h.Name].Local {
			out = append(out, h)
		}
	}
	return out
}

func (run *roomLabRun) targets() []remote.Target {
	var out []remote.Target
	for _, h := range run.checkHosts() {
		out = append(out, run.lab.Targets[h.Name])
	}
	return out
}

// roomUnknown is a host key not yet known, with the lab it belongs to.
type roomUnknown struct {
	lab *roomLabRun
	key *remote.UnknownHostError
}

// connectRoom dials the hosts of every lab, a bounded number of labs at a
// time. A host that cannot be reached is recorded on its lab; the unknown
// host keys of the whole room are returned for one review. A lab with no
// unknown key is handed to ready at once: it need not wait for a lab whose
// host is slow to give up.
func (a *app) connectRoom(ctx context.Context, res *roomResult, ready func(*roomLabRun)) []roomUnknown {
	var mu sync.Mutex
	var unknown []roomUnknown
	a.eachLab(res, roomConnectAtOnce, func(run *roomLabRun) {
		var mine []*remote.UnknownHostError
		for name, err := range run.lab.Pool.Connect(ctx, run.targets()) {
			var u *remote.UnknownHostError
			if errors.As(err, &u) {
				mine = remote.AppendUnknown(mine, err)
				continue
			}
			mu.Lock()
			run.Lost[name] = err.Error()
			mu.Unlock()
		}
		if len(mine) == 0 {
			ready(run)
			return
		}
		mu.Lock()
		for _, u := range mine {
			unknown = append(unknown, roomUnknown{lab: run, key: u})
		}
		mu.Unlock()
	})
	return unknown
}

// eachLab calls f for every opened lab, at most n at once.
func (a *app) eachLab(res *roomResult, n int, f func(*roomLabRun)) {
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for _, run := range res.Labs {
		if run.lab == nil {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(run)
		}()
	}
	wg.Wait()
}

// checkLabs connects every lab and runs its checks, all labs at once; in a
// lab, the chapters in order, each up to its first failing step. The
// unknown host keys of the whole room are reviewed in one pass (asking on
// the terminal only when ask), and the labs that had them are checked once
// it is done.
func (a *app) checkLabs(ctx context.Context, res *roomResult, ask bool) error {
	var wg sync.WaitGroup
	verify := func(run *roomLabRun) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.verifyLab(ctx, run)
		}()
	}
	unknown := a.connectRoom(ctx, res, verify)
	err := a.reviewRoomKeys(res, unknown, ask)
	if err == nil {
		waiting := map[*roomLabRun]bool{}
		for _, u := range unknown {
			if !waiting[u.lab] {
				waiting[u.lab] = true
				verify(u.lab)
			}
		}
	}
	wg.Wait()
	for _, run := range res.Labs {
		run.Status = run.overall()
	}
	return err
}

func (a *app) verifyLab(ctx context.Context, run *roomLabRun) {
	e := run.lab.Engine
	for _, cell := range run.Chapters {
		if cell.Status == roomNoChecks {
			continue
		}
		for _, s := range run.steps {
			if s.Chapter.Slug != cell.Chapter || ctx.Err() != nil {
				continue
			}
			hosts := run.remoteCheckHosts(s)
			var reachable []string
			for _, h := range hosts {
				if _, lost := run.Lost[h.Name]; lost {
					cell.addLost(h.Name)
				} else {
					reachable = append(reachable, h.Name)
				}
			}
			if len(reachable) == 0 {
				continue
			}
			rep, err := e.Verify(ctx, s, reachable)
			if err != nil {
				cell.fail(s, "", locales.Localize(a.lang, err), "")
				break
			}
			if h, ok := firstFailed(rep); ok {
				cell.fail(s, h.Host, a.hostReason(h), a.hint(s))
				break
			}
			for _, h := range rep.Hosts {
				if h.Status == walk.Unreachable {
					run.Lost[h.Host] = errString(h.Err)
					cell.addLost(h.Host)
				}
			}
		}
	}
}

// firstFailed is the first host whose check failed (not one that was lost).
func firstFailed(rep walk.StepReport) (walk.HostReport, bool) {
	for _, h := range rep.Hosts {
		if h.Status == walk.Failed {
			return h, true
		}
	}
	return walk.HostReport{}, false
}

// hostReason says, in the instructor's language, why a host's check failed.
func (a *app) hostReason(h walk.HostReport) string {
	if h.Check != nil {
		var parts []string
		for _, it := range h.Check.Failures() {
			parts = append(parts, it.Subject+": "+locales.Reason(a.lang, string(it.Reason.Code), it.Reason.Args...))
		}
		if len(parts) > 0 {
			return strings.Join(parts, "; ")
		}
	}
	if h.Err != nil {
		return locales.Localize(a.lang, h.Err)
	}
	return a.msg("room.check_failed")
}

func (a *app) hint(s *steps.Step) string {
	p, _ := s.Text(a.lang)
	return strings.TrimSpace(p.Hint)
}

func (c *roomCell) fail(s *steps.Step, host, reason, hint string) {
	c.Status, c.Step, c.Host, c.Reason, c.Hint = roomFailed, s.ID, host, reason, hint
}

func (c *roomCell) addLost(host string) {
	for _, h := range c.Hosts {
		if h == host {
			return
		}
	}
	c.Hosts = append(c.Hosts, host)
	if c.Status == roomPassed {
		c.Status = roomUnreachable
	}
}

// overall is a lab's verdict: failed wins over unreachable over passed.
func (run *roomLabRun) overall() string {
	if run.lab == nil {
		return roomLabError
	}
	status := roomPassed
	for _, c := range run.Chapters {
		switch c.Status {
		case roomFailed:
			return roomFailed
		case roomUnreachable:
			status = roomUnreachable
		}
	}
	if len(run.Lost) > 0 && status == roomPassed {
		status = roomUnreachable
	}
	return status
}

func (res *roomResult) close() {
	for _, run := range res.Labs {
		if run.lab != nil {
			run.lab.Close()
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
