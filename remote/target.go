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
	// IdentitiesOnly offers only IdentityFiles, from the agent or the
	// files, never the agent's other keys (ssh_config IdentitiesOnly).
	IdentitiesOnly bool
	// IdentityAgent is the agent's socket: "" for $SSH_AUTH_SOCK, "none"
	// for no agent.
	IdentityAgent string
	// Jump is the host to go through (ProxyJump), already resolved; a
	// list a,b,c is a chain: Jump is c, reached through b, through a.
	Jump *Target
	// ProxyCommand, when set, is run with the shell; its stdin and stdout
	// are the connection. Its %-tokens are already expanded.
	ProxyCommand string
	// BindAddress and Network ("tcp", "tcp4", "tcp6": AddressFamily) of a
	// direct connection.
	BindAddress string
	Network     string
	// KnownHostsFiles, when set, replace the pool's own (UserKnownHostsFile);
	// os.DevNull records nothing that outlives the run.
	KnownHostsFiles []string
	// GlobalKnownHostsFiles are read too, never written.
	GlobalKnownHostsFiles []string
	// HostKeyAlias is the name known_hosts knows the host by, instead of
	// its address.
	HostKeyAlias string
	// AcceptNew: StrictHostKeyChecking accept-new (or no, which hardway
	// treats as accept-new: a changed key is never accepted).
	AcceptNew bool
	// RefuseNew: StrictHostKeyChecking yes: an unknown key is refused,
	// never asked about.
	RefuseNew bool
	// HashKnownHosts records accepted keys under hashed names.
	HashKnownHosts bool

	// from is where ssh_config settings came from (keyword -> file:line).
	from map[string]string
}

// Address is host:port as dialled.
func (t Target) Address() string { return net.JoinHostPort(t.Host, strconv.Itoa(t.Port)) }

func (t Target) String() string {
	if t.Local {
		return t.Name + " (local)"
	}
	s := fmt.Sprintf("%s (%s@%s)", t.Name, t.User, t.Address())
	switch {
	case t.Jump != nil:
		s += " via " + t.Jump.Name
	case t.ProxyCommand != "":
		s += " via ProxyCommand " + t.ProxyCommand
	}
	return s
}

// route identifies one way of reaching a host: the pool keeps one
// connection per route, so a host reached two ways is not mixed up.
func (t Target) route() string {
	r := t.Name + "\x00" + t.User + "@" + t.Address() + "\x00" + t.ProxyCommand
	if t.Jump != nil {
		r += "\x00via\x00" + t.Jump.route()
	}
	return r
}

// origin names where an ssh_config setting came from, for messages.
func (t Target) origin(keyword string) string {
	if at := t.from[keyword]; at != "" {
		return " (" + at + ")"
	}
	return ""
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
