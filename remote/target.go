// Package remote does all I/O with the learner's machines: it resolves how
// to reach each host (inventory values and ~/.ssh/config), checks host keys,
// authenticates, keeps one SSH connection per host with keepalives, and runs
// commands as sessions on it, with a PTY, streaming their output. Commands
// for the local workstation run in a local PTY. It knows nothing of
// tutorials or checks.
package remote

import (
	"fmt"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kevinburke/ssh_config"
)

// Target is how to reach one host.
type Target struct {
	Name string // the inventory's name for the host, used in every message
	// Local: the learner's workstation; commands run in a local shell.
	Local bool

	Host          string // what to dial: an address or a DNS name
	Port          int
	User          string
	IdentityFiles []string
	// Jump is the host to go through (ProxyJump), already resolved.
	Jump *Target
	// KnownHostsFiles, when set, replace the pool's own (UserKnownHostsFile).
	KnownHostsFiles []string
	// AcceptNew: StrictHostKeyChecking accept-new (or no, which hardway
	// treats as accept-new: a changed key is never accepted).
	AcceptNew bool
}

// Address is host:port as dialled.
func (t Target) Address() string { return net.JoinHostPort(t.Host, strconv.Itoa(t.Port)) }

func (t Target) String() string {
	if t.Local {
		return t.Name + " (local)"
	}
	s := fmt.Sprintf("%s (%s@%s)", t.Name, t.User, t.Address())
	if t.Jump != nil {
		s += " via " + t.Jump.Name
	}
	return s
}

// SSHConfig reads OpenSSH client configuration files (~/.ssh/config, then
// /etc/ssh/ssh_config): the first value found wins, as in ssh(1). Match
// blocks are not supported by the parser and are ignored.
type SSHConfig struct {
	configs []*ssh_config.Config
	Files   []string
}

// LoadSSHConfig reads the given files; missing ones are skipped, a file that
// does not parse is an error naming it.
func LoadSSHConfig(files ...string) (*SSHConfig, error) {
	c := &SSHConfig{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		cfg, err := ssh_config.DecodeBytes(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		c.configs = append(c.configs, cfg)
		c.Files = append(c.Files, f)
	}
	return c, nil
}

// DefaultSSHConfigFiles are the user's and the system's files.
func DefaultSSHConfigFiles() []string {
	return []string{filepath.Join(homeDir(), ".ssh", "config"), "/etc/ssh/ssh_config"}
}

func (c *SSHConfig) get(alias, key string) string {
	if c == nil {
		return ""
	}
	for _, cfg := range c.configs {
		if v, _ := cfg.Get(alias, key); v != "" {
			return v
		}
	}
	return ""
}

func (c *SSHConfig) getAll(alias, key string) []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, cfg := range c.configs {
		v, _ := cfg.GetAll(alias, key)
		out = append(out, v...)
	}
	return out
}

// Spec is what an inventory says of a host; empty fields come from
// ~/.ssh/config for the alias (Dest), then from OpenSSH's defaults.
type Spec struct {
	Name         string
	Dest         string // an ssh_config alias, a host name or an address
	Port         int
	User         string
	IdentityFile string
	Jump         string // a host of the inventory, an alias, or [user@]host[:port]
}

// Resolve turns a Spec into a Target. lookup finds another inventory host by
// name, for jump hosts; it may be nil.
func (c *SSHConfig) Resolve(s Spec, lookup func(name string) (Spec, bool)) (Target, error) {
	return c.resolve(s, lookup, 0)
}

func (c *SSHConfig) resolve(s Spec, lookup func(string) (Spec, bool), depth int) (Target, error) {
	if depth > 5 {
		return Target{}, fmt.Errorf("%s: jump hosts nest more than 5 deep (a loop?)", s.Name)
	}
	alias := s.Dest
	if alias == "" {
		alias = s.Name
	}
	t := Target{Name: s.Name, Host: alias, Port: 22}
	if hn := c.get(alias, "HostName"); hn != "" {
		t.Host = expandTokens(hn, alias, "", 0)
	}
	if p := c.get(alias, "Port"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return Target{}, fmt.Errorf("%s: Port %q in ssh config is not a port", s.Name, p)
		}
		t.Port = n
	}
	if s.Port != 0 {
		t.Port = s.Port
	}
	t.User = s.User
	if t.User == "" {
		t.User = c.get(alias, "User")
	}
	if t.User == "" {
		t.User = currentUser()
	}
	if s.IdentityFile != "" {
		t.IdentityFiles = []string{expandPath(s.IdentityFile)}
	} else {
		for _, f := range c.getAll(alias, "IdentityFile") {
			t.IdentityFiles = append(t.IdentityFiles, expandPath(expandTokens(f, t.Host, t.User, t.Port)))
		}
	}
	for _, f := range strings.Fields(c.get(alias, "UserKnownHostsFile")) {
		if f != "none" {
			t.KnownHostsFiles = append(t.KnownHostsFiles, expandPath(f))
		}
	}
	switch strings.ToLower(c.get(alias, "StrictHostKeyChecking")) {
	case "accept-new", "no", "off":
		t.AcceptNew = true
	}
	jump := s.Jump
	if jump == "" {
		jump = c.get(alias, "ProxyJump")
	}
	if jump != "" && !strings.EqualFold(jump, "none") {
		// Only the first hop of a comma list: each hop resolves its own.
		first, _, _ := strings.Cut(jump, ",")
		js, ok := Spec{}, false
		if lookup != nil {
			js, ok = lookup(first)
		}
		if !ok {
			js = parseDest(first)
		}
		jt, err := c.resolve(js, lookup, depth+1)
		if err != nil {
			return Target{}, err
		}
		t.Jump = &jt
	}
	return t, nil
}

// parseDest reads [user@]host[:port].
func parseDest(s string) Spec {
	sp := Spec{Name: s}
	if u, rest, ok := strings.Cut(s, "@"); ok {
		sp.User, s = u, rest
	}
	if h, p, err := net.SplitHostPort(s); err == nil {
		sp.Dest = h
		sp.Port, _ = strconv.Atoi(p)
	} else {
		sp.Dest = s
	}
	return sp
}

func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "/"
}

func currentUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return os.Getenv("USER")
}

func expandPath(p string) string {
	if p == "~" {
		return homeDir()
	}
	if strings.HasPrefix(p, "~/") {
		return filepath.Join(homeDir(), p[2:])
	}
	return p
}

// expandTokens handles the ssh_config tokens people use in IdentityFile and
// HostName: %h %p %r %u %d %%.
func expandTokens(s, host, remoteUser string, port int) string {
	if !strings.Contains(s, "%") {
		return s
	}
	r := strings.NewReplacer("%%", "%", "%h", host, "%p", strconv.Itoa(port), "%r", remoteUser, "%u", currentUser(), "%d", homeDir())
	return r.Replace(s)
}
