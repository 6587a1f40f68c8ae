package remote

import (
	"fmt"
	"maps"
	"net"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
)

// honoured are the ssh_config options hardway applies.
var honoured = map[string]bool{
	"hostname": true, "port": true, "user": true, "identityfile": true, "identitiesonly": true,
	"identityagent": true, "proxycommand": true, "proxyjump": true, "userknownhostsfile": true,
	"globalknownhostsfile": true, "stricthostkeychecking": true, "hostkeyalias": true,
	"hashknownhosts": true, "bindaddress": true, "addressfamily": true, "tag": true,
}

// refused are options that would make ssh reach or trust a host otherwise
// than hardway can; set (to a value that does so), they are an error.
var refused = map[string]string{
	"canonicalizehostname": "hardway does not canonicalize host names, so it would reach another host than ssh",
	"bindinterface":        "hardway cannot bind its connections to an interface",
	"knownhostscommand":    "hardway does not run a command to find host keys",
	"proxyusefdpass":       "hardway cannot take a connection passed by the ProxyCommand",
}

// DefaultGlobalKnownHostsFiles are ssh's system-wide known_hosts files.
var DefaultGlobalKnownHostsFiles = []string{"/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"}

// maxJumpDepth bounds jump hosts behind jump hosts (a loop in ProxyJump).
const maxJumpDepth = 5

// Resolve turns a Spec into a Target, evaluating the configuration as ssh
// does for the alias (Dest), with the inventory's values winning as ssh's
// command-line options do. lookup finds another inventory host by name, for
// jump hosts; it may be nil.
func (c *SSHConfig) Resolve(s Spec, lookup func(name string) (Spec, bool)) (Target, error) {
	return c.resolve(s, lookup, 0)
}

func (c *SSHConfig) resolve(s Spec, lookup func(string) (Spec, bool), depth int) (Target, error) {
	if depth > maxJumpDepth {
		return Target{}, fmt.Errorf("%s: jump hosts nest more than %d deep (a loop?)", s.Name, maxJumpDepth)
	}
	alias := s.Dest
	if alias == "" {
		alias = s.Name
	}
	preset := newHostConfig()
	inventory := func(key, v string) {
		if v != "" {
			preset.set(key, setting{args: []string{v}, rest: v, at: "the inventory"})
		}
	}
	if s.Port != 0 {
		inventory("port", strconv.Itoa(s.Port))
	}
	inventory("user", s.User)
	inventory("identityfile", s.IdentityFile)
	inventory("proxyjump", s.Jump)
	hc := preset
	if c != nil {
		var err error
		if hc, err = c.evaluate(alias, preset); err != nil {
			return Target{}, fmt.Errorf("%s: %v", s.Name, err)
		}
	}
	t, err := targetFrom(s.Name, alias, hc)
	if err != nil {
		return Target{}, fmt.Errorf("%s: %v", s.Name, err)
	}
	if st, ok := hc.get("proxyjump"); ok && !strings.EqualFold(st.value(), "none") {
		jt, err := c.resolveJump(st, lookup, depth)
		if err != nil {
			return Target{}, err
		}
		t.Jump = &jt
	}
	return t, nil
}

// resolveJump resolves ProxyJump a,b,c as ssh does: the last hop is reached
// through the ones before it, and only the first uses its own ProxyJump.
func (c *SSHConfig) resolveJump(st setting, lookup func(string) (Spec, bool), depth int) (Target, error) {
	hops := strings.Split(st.value(), ",")
	last := strings.TrimSpace(hops[len(hops)-1])
	js, ok := Spec{}, false
	if lookup != nil {
		js, ok = lookup(last)
	}
	if !ok {
		var err error
		if js, err = parseDest(last); err != nil {
			return Target{}, fmt.Errorf("%s: ProxyJump: %v", st.at, err)
		}
	}
	if len(hops) > 1 {
		js.Jump = strings.Join(hops[:len(hops)-1], ",")
	}
	return c.resolve(js, lookup, depth+1)
}

// targetFrom reads the evaluated options into a Target.
func targetFrom(name, alias string, hc *hostConfig) (Target, error) {
	t := Target{Name: name, Host: alias, Port: 22, from: map[string]string{}}
	for _, key := range slices.Sorted(maps.Keys(hc.first)) {
		st := hc.first[key]
		if reason := refusal(key, st); reason != "" {
			return Target{}, fmt.Errorf("%s: %s %s: %s; refusing rather than reaching the host differently from ssh", st.at, st.name, st.rest, reason)
		}
		t.from[key] = st.at
	}
	if st, ok := hc.get("hostname"); ok {
		hn, err := tokens{host: alias}.expand(st.value(), tokensHostName)
		if err != nil {
			return Target{}, fmt.Errorf("%s: HostName: %v", st.at, err)
		}
		t.Host = hn
	}
	if net.ParseIP(t.Host) == nil {
		t.Host = strings.ToLower(t.Host)
	}
	if st, ok := hc.get("port"); ok {
		n, err := strconv.Atoi(st.value())
		if err != nil || n <= 0 || n > 65535 {
			return Target{}, fmt.Errorf("%s: Port %q is not a port", st.at, st.value())
		}
		t.Port = n
	}
	t.User = hc.value("user")
	if t.User == "" {
		t.User = currentUser()
	}
	t.HostKeyAlias = hc.value("hostkeyalias")
	tk := tokens{host: t.Host, original: alias, port: t.Port, user: t.User, alias: t.HostKeyAlias, jump: hc.value("proxyjump")}
	path := func(st setting, v string) (string, error) {
		p, err := tk.expandPathOption(v)
		if err != nil {
			return "", fmt.Errorf("%s: %v", st.at, err)
		}
		return p, nil
	}
	for _, st := range hc.multi["identityfile"] {
		if strings.EqualFold(st.value(), "none") {
			continue
		}
		p, err := path(st, st.value())
		if err != nil {
			return Target{}, err
		}
		t.IdentityFiles = append(t.IdentityFiles, p)
	}
	t.IdentitiesOnly = yes(hc.value("identitiesonly"))
	if st, ok := hc.get("identityagent"); ok {
		switch v := st.value(); {
		case v == "SSH_AUTH_SOCK":
		case strings.EqualFold(v, "none"):
			t.IdentityAgent = "none"
		default:
			var err error
			if strings.HasPrefix(v, "$") && !strings.HasPrefix(v, "${") {
				v = "${" + v[1:] + "}"
			}
			if t.IdentityAgent, err = path(st, v); err != nil {
				return Target{}, err
			}
		}
	}
	if st, ok := hc.get("userknownhostsfile"); ok {
		for _, f := range st.args {
			if strings.EqualFold(f, "none") {
				f = os.DevNull
			}
			p, err := path(st, f)
			if err != nil {
				return Target{}, err
			}
			t.KnownHostsFiles = append(t.KnownHostsFiles, p)
		}
	}
	t.GlobalKnownHostsFiles = DefaultGlobalKnownHostsFiles
	if st, ok := hc.get("globalknownhostsfile"); ok {
		t.GlobalKnownHostsFiles = nil
		for _, f := range st.args {
			if strings.EqualFold(f, "none") {
				continue
			}
			p, err := path(st, f)
			if err != nil {
				return Target{}, err
			}
			t.GlobalKnownHostsFiles = append(t.GlobalKnownHostsFiles, p)
		}
	}
	if st, ok := hc.get("stricthostkeychecking"); ok {
		switch strings.ToLower(st.value()) {
		case "yes", "true":
			t.RefuseNew = true
		case "accept-new", "no", "off", "false":
			t.AcceptNew = true
		case "ask":
		default:
			return Target{}, fmt.Errorf("%s: StrictHostKeyChecking %q is not yes, accept-new, no or ask", st.at, st.value())
		}
	}
	t.HashKnownHosts = yes(hc.value("hashknownhosts"))
	t.BindAddress = hc.value("bindaddress")
	switch strings.ToLower(hc.value("addressfamily")) {
	case "inet":
		t.Network = "tcp4"
	case "inet6":
		t.Network = "tcp6"
	}
	if st, ok := hc.get("proxycommand"); ok && !strings.EqualFold(st.rest, "none") {
		pc, err := tk.expand(st.rest, tokensProxy)
		if err != nil {
			return Target{}, fmt.Errorf("%s: ProxyCommand: %v", st.at, err)
		}
		t.ProxyCommand = pc
	}
	return t, nil
}

// refusal is why hardway cannot honour an option as set, or "".
func refusal(key string, st setting) string {
	reason := refused[key]
	if reason == "" {
		return ""
	}
	switch key {
	case "canonicalizehostname", "proxyusefdpass":
		if v := strings.ToLower(st.value()); v == "no" || v == "false" || v == "none" {
			return ""
		}
	}
	return reason
}

func yes(v string) bool {
	v = strings.ToLower(v)
	return v == "yes" || v == "true"
}

// ParseDest reads a destination as ssh users write one: [user@]host[:port],
// [user@][ipv6]:port or ssh://[user@]host[:port] (an inventory's ssh:).
func ParseDest(s string) (Spec, error) { return parseDest(s) }

// parseDest reads a ProxyJump hop: [user@]host[:port] or ssh://[user@]host[:port].
func parseDest(s string) (Spec, error) {
	sp := Spec{Name: s}
	if strings.HasPrefix(s, "ssh://") {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" {
			return Spec{}, fmt.Errorf("%q is not ssh://[user@]host[:port]", s)
		}
		sp.Dest, sp.User = u.Hostname(), u.User.Username()
		if p := u.Port(); p != "" {
			sp.Port, _ = strconv.Atoi(p)
		}
		return sp, nil
	}
	if u, rest, ok := strings.Cut(s, "@"); ok {
		sp.User, s = u, rest
	}
	if h, p, err := net.SplitHostPort(s); err == nil {
		n, err := strconv.Atoi(p)
		if err != nil || n <= 0 || n > 65535 {
			return Spec{}, fmt.Errorf("%q: %q is not a port", s, p)
		}
		sp.Dest, sp.Port = h, n
	} else {
		sp.Dest = s
	}
	return sp, nil
}
