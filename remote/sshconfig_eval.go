package remote

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// setting is one option's value and the file:line it came from.
type setting struct {
	name string // the keyword as written
	args []string
	rest string // the raw text, for options that take a command
	at   string
}

func (s setting) value() string {
	if len(s.args) == 0 {
		return ""
	}
	return s.args[0]
}

// hostConfig is the configuration evaluated for one host: for most options
// the first value found, for a few every value, as ssh(1) keeps them.
type hostConfig struct {
	first map[string]setting
	multi map[string][]setting
}

// multiValued are the options ssh accumulates instead of keeping the first.
var multiValued = map[string]bool{
	"identityfile": true, "certificatefile": true, "localforward": true,
	"remoteforward": true, "dynamicforward": true, "sendenv": true, "setenv": true,
}

func newHostConfig() *hostConfig {
	return &hostConfig{first: map[string]setting{}, multi: map[string][]setting{}}
}

func (h *hostConfig) set(key string, s setting) {
	if multiValued[key] {
		// ssh lists a key file once, however often it is named (the final
		// pass names them all again).
		if key == "identityfile" || key == "certificatefile" {
			for _, have := range h.multi[key] {
				if have.value() == s.value() {
					return
				}
			}
		}
		h.multi[key] = append(h.multi[key], s)
		return
	}
	// ProxyCommand and ProxyJump exclude each other: the first one given wins.
	if key == "proxycommand" || key == "proxyjump" {
		if _, ok := h.first["proxycommand"]; ok {
			return
		}
		if _, ok := h.first["proxyjump"]; ok {
			return
		}
	}
	if _, ok := h.first[key]; !ok {
		h.first[key] = s
	}
}

func (h *hostConfig) get(key string) (setting, bool) {
	s, ok := h.first[key]
	return s, ok
}

func (h *hostConfig) value(key string) string { return h.first[key].value() }

// configEval walks the files for one host as ssh(1) does, once, and a
// second time ("final") when a Match final or canonical block asks for it.
type configEval struct {
	alias     string // the host as given: %n, Match originalhost, Host lines
	final     bool
	finalHost string // the host name Host lines match in the final pass
	wantFinal bool
	cfg       *hostConfig
}

// unevaluableError: a Match criterion hardway cannot decide (localnetwork,
// version, command, sessiontype). It only matters when its block sets
// something hardway uses.
type unevaluableError struct {
	at        string
	criterion string
}

func (e *unevaluableError) Error() string {
	return fmt.Sprintf("%s: Match %s: hardway cannot evaluate this criterion, and the block sets options that decide how the host is reached; "+
		"refusing rather than reaching it differently from ssh (move those options out of the block, or into a Host block)", e.at, e.criterion)
}

const maxIncludeDepth = 16

func (c *SSHConfig) evaluate(alias string, preset *hostConfig) (*hostConfig, error) {
	e := &configEval{alias: alias, cfg: preset}
	if e.cfg == nil {
		e.cfg = newHostConfig()
	}
	for _, f := range c.files {
		if err := e.run(f, 0); err != nil {
			return nil, err
		}
	}
	if e.wantFinal {
		e.final, e.finalHost = true, e.hostName()
		for _, f := range c.files {
			if err := e.run(f, 0); err != nil {
				return nil, err
			}
		}
	}
	return e.cfg, nil
}

// run applies one file: lines before its first Host or Match apply to every
// host; each Host or Match line starts a block that applies when it matches.
func (e *configEval) run(f *configFile, depth int) error {
	if depth > maxIncludeDepth {
		return fmt.Errorf("%s: Include nests more than %d deep", f.path, maxIncludeDepth)
	}
	active := true
	for i, l := range f.lines {
		switch l.key {
		case "host":
			host := e.alias
			if e.final {
				host = e.finalHost
			}
			active = matchHostPatterns(host, l.args)
		case "match":
			m, err := e.match(l)
			var ue *unevaluableError
			if errors.As(err, &ue) && !blockMatters(f.lines[i+1:]) {
				m, err = false, nil
			}
			if err != nil {
				return err
			}
			active = m
		case "include":
			if active {
				if err := e.include(f, l, depth); err != nil {
					return err
				}
			}
		default:
			if active {
				e.cfg.set(l.key, setting{name: l.name, args: l.args, rest: l.rest, at: l.at()})
			}
		}
	}
	return nil
}

// blockMatters reports whether a block (the lines up to the next Host or
// Match) sets an option that decides how hardway reaches or trusts a host.
func blockMatters(lines []configLine) bool {
	for _, l := range lines {
		if l.key == "host" || l.key == "match" {
			return false
		}
		if honoured[l.key] || refused[l.key] != "" || l.key == "include" {
			return true
		}
	}
	return false
}

func (e *configEval) include(f *configFile, l configLine, depth int) error {
	for _, arg := range l.args {
		p, err := expandEnv(arg)
		if err != nil {
			return fmt.Errorf("%s: Include: %v", l.at(), err)
		}
		p = expandPath(p)
		if !filepath.IsAbs(p) {
			p = filepath.Join(f.dir, p)
		}
		matches, err := filepath.Glob(p)
		if err != nil {
			return fmt.Errorf("%s: Include %s: %v", l.at(), arg, err)
		}
		for _, m := range matches {
			sub, err := readConfigFile(m, f.dir)
			if err != nil {
				return fmt.Errorf("%s: Include: %v", l.at(), err)
			}
			if err := e.run(sub, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// hostName is the host name as far as the configuration has set it.
func (e *configEval) hostName() string {
	if e.final {
		return e.finalHost
	}
	if hn := e.cfg.value("hostname"); hn != "" {
		return strings.ReplaceAll(hn, "%h", e.alias)
	}
	return e.alias
}

func (e *configEval) user() string {
	if u := e.cfg.value("user"); u != "" {
		return u
	}
	return currentUser()
}

func (e *configEval) port() int {
	if p, err := strconv.Atoi(e.cfg.value("port")); err == nil {
		return p
	}
	return 22
}

// match evaluates a Match line's criteria (all must hold), as ssh does.
func (e *configEval) match(l configLine) (bool, error) {
	result, unknown := true, ""
	attrs := 0
	args := l.args
	for i := 0; i < len(args); i++ {
		a := args[i]
		negate := strings.HasPrefix(a, "!")
		a = strings.TrimPrefix(a, "!")
		name, val, hasVal := strings.Cut(a, "=")
		name = strings.ToLower(name)
		if name == "all" {
			if attrs > 1 || i+1 < len(args) {
				return false, fmt.Errorf("%s: Match all cannot be combined with other criteria", l.at())
			}
			return result && !negate, nil
		}
		attrs++
		if name == "canonical" || name == "final" {
			// hardway does not canonicalize host names, so "canonical"
			// holds exactly where "final" does: in the final pass.
			if name == "final" && !negate {
				e.wantFinal = true
			}
			if e.final == negate {
				result = false
			}
			continue
		}
		if !hasVal {
			if i+1 == len(args) {
				return false, fmt.Errorf("%s: Match %s needs an argument", l.at(), name)
			}
			i++
			val = args[i]
		}
		var r bool
		switch name {
		case "host":
			r = matchPatternList(e.hostName(), val, true)
		case "originalhost":
			r = matchPatternList(e.alias, val, true)
		case "user":
			r = matchPatternList(e.user(), val, false)
		case "localuser":
			r = matchPatternList(currentUser(), val, false)
		case "tagged":
			if tag := e.cfg.value("tag"); tag == "" {
				r = val == ""
			} else {
				r = matchPatternList(tag, val, false)
			}
		case "exec":
			if !result || unknown != "" {
				// ssh runs the command only when the criteria before it
				// hold; after an undecidable one, neither can hardway.
				continue
			}
			var err error
			if r, err = e.exec(l, val); err != nil {
				return false, err
			}
		default:
			if unknown == "" {
				unknown = name
			}
			continue
		}
		if r == negate {
			result = false
		}
	}
	if attrs == 0 {
		return false, fmt.Errorf("%s: Match needs at least one criterion", l.at())
	}
	if !result {
		return false, nil
	}
	if unknown != "" {
		return false, &unevaluableError{at: l.at(), criterion: unknown}
	}
	return true, nil
}

// matchExecTimeout bounds a Match exec command: ssh waits for ever, but a
// command that hangs must not hang hardway without a word.
const matchExecTimeout = 30 * time.Second

// exec runs a Match exec command with the shell, as ssh does: it matches
// when the command exits 0.
func (e *configEval) exec(l configLine, command string) (bool, error) {
	tk := tokens{host: e.hostName(), original: e.alias, port: e.port(), user: e.user(), jump: e.cfg.value("proxyjump")}
	cmdline, err := tk.expand(command, tokensExec)
	if err != nil {
		return false, fmt.Errorf("%s: Match exec: %v", l.at(), err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), matchExecTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, userShell(), "-c", cmdline)
	cmd.Stderr = os.Stderr
	err = cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return true, nil
	case ctx.Err() != nil:
		return false, fmt.Errorf("%s: Match exec %q did not finish within %s", l.at(), cmdline, matchExecTimeout)
	case errors.As(err, &exitErr):
		return false, nil
	}
	return false, fmt.Errorf("%s: Match exec %q: %v", l.at(), cmdline, err)
}

// userShell is the shell ssh runs ProxyCommand and Match exec with.
func userShell() string {
	if s := os.Getenv("SHELL"); s != "" {
		return s
	}
	return "/bin/sh"
}
