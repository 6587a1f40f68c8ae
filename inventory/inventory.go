// Package inventory reads hardway.yaml: which track the learner follows, and
// how to reach each of its machines (an address, or an ~/.ssh/config alias
// such as `gcloud compute config-ssh` writes), with the tutorial's values as
// defaults. It turns that into remote targets and template variables.
package inventory

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"hardway/mirror"
	"hardway/remote"
	"hardway/steps"
)

// DefaultFile is looked for in the working directory.
const DefaultFile = "hardway.yaml"

// Inventory is a parsed hardway.yaml.
type Inventory struct {
	File       string
	Track      string            `yaml:"track"`
	Lang       string            `yaml:"lang"`
	KnownHosts []string          `yaml:"known_hosts"` // default ~/.ssh/known_hosts
	SSHConfig  []string          `yaml:"ssh_config"`  // default ~/.ssh/config, /etc/ssh/ssh_config
	Workdir    string            `yaml:"workdir"`     // where workstation commands run; default: this file's directory
	Mirror     string            `yaml:"mirror"`      // a download mirror (hardway mirror serve): the steps' downloads come from it
	Defaults   HostDefaults      `yaml:"defaults"`
	Hosts      []Host            `yaml:"hosts"`
	Vars       map[string]string `yaml:"vars"`
	lines      map[string]int    // "hosts[2].jump" → line, for messages
}

// HostDefaults apply to every host that does not say otherwise.
type HostDefaults struct {
	User     string `yaml:"user"`
	Port     int    `yaml:"port"`
	Identity string `yaml:"identity"`
	Jump     string `yaml:"jump"`
}

// Host is one machine of the track's layout.
type Host struct {
	Name string `yaml:"name"`
	// SSH is how to reach it: an ~/.ssh/config alias, a host name or an
	// address; default: Name (so aliases named like the hosts just work).
	SSH string `yaml:"ssh"`
	// Address is the address the tutorial's commands use for this host
	// ({{controller-0.address}}); default: the track's.
	Address  string `yaml:"address"`
	Port     int    `yaml:"port"`
	User     string `yaml:"user"`
	Identity string `yaml:"identity"`
	Jump     string `yaml:"jump"`
	Local    bool   `yaml:"local"`
}

// Error is a problem in the inventory, at file:line, naming the field.
type Error struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Field, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

// Load reads and checks an inventory against the tracks hardway has.
func Load(file string, tracks []*steps.Track) (*Inventory, *steps.Track, error) {
	data, err := readBounded(file, MaxFileSize)
	if err != nil {
		return nil, nil, err
	}
	inv, err := Parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	t, err := inv.Check(tracks)
	if err != nil {
		return nil, nil, err
	}
	return inv, t, nil
}

// Parse reads an inventory without checking it against a track.
func Parse(file string, data []byte) (inv *Inventory, err error) {
	defer func() {
		// go-yaml panics on a few malformed inputs; report, never crash.
		if r := recover(); r != nil {
			inv, err = nil, &Error{File: file, Msg: fmt.Sprintf("malformed YAML (%v)", r)}
		}
	}()
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, yamlError(file, data, err)
	}
	inv = &Inventory{File: file, lines: map[string]int{}}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, &Error{File: file, Msg: "empty inventory: give it at least track: (hardway init writes one)"}
	}
	if err := yaml.NodeToValue(f.Docs[0].Body, inv, yaml.Strict()); err != nil {
		return nil, yamlError(file, data, err)
	}
	recordLines(f.Docs[0].Body, "", inv.lines)
	return inv, nil
}

// yamlError places a YAML error at its line and, for the mistakes people
// make by hand (indentation, a misspelt field), says what belongs there.
func yamlError(file string, data []byte, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line
		}
		msg := ye.GetMessage()
		if strings.Contains(msg, "not allowed in this context") {
			if at, hint := indentationHint(data, line); at > 0 {
				line, msg = at, hint
			}
		}
		if hint := tabHint(data, line); hint != "" {
			msg = hint
		}
		if m := unknownFieldRE.FindStringSubmatch(msg); m != nil {
			msg += unknownFieldHint(data, line, m[1])
		}
		return &Error{File: file, Line: line, Msg: msg}
	}
	return &Error{File: file, Msg: err.Error()}
}

// recordLines walks the document and notes the line of every field path.
func recordLines(n ast.Node, path string, out map[string]int) {
	switch v := n.(type) {
	case *ast.MappingNode:
		for _, kv := range v.Values {
			recordLines(kv, path, out)
		}
	case *ast.MappingValueNode:
		key := v.Key.String()
		p := key
		if path != "" {
			p = path + "." + key
		}
		out[p] = v.Key.GetToken().Position.Line
		recordLines(v.Value, p, out)
	case *ast.SequenceNode:
		for i, item := range v.Values {
			p := fmt.Sprintf("%s[%d]", path, i)
			if tk := item.GetToken(); tk != nil && tk.Position != nil {
				out[p] = tk.Position.Line
			}
			recordLines(item, p, out)
		}
	}
}

func (inv *Inventory) errAt(field, format string, args ...any) *Error {
	line := inv.lines[field]
	for line == 0 && strings.Contains(field, ".") {
		field2 := field[:strings.LastIndex(field, ".")]
		line = inv.lines[field2]
		if line != 0 {
			break
		}
		field = field2
	}
	return &Error{File: inv.File, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

var unknownFieldRE = regexp.MustCompile(`^unknown field "([^"]*)"`)

var ipv4 = regexp.MustCompile(`^\d{1,3}(\.\d{1,3}){3}$`)

// Check validates the inventory against its track and returns the track.
func (inv *Inventory) Check(tracks []*steps.Track) (*steps.Track, error) {
	if inv.Track == "" {
		return nil, inv.errAt("track", "say which track this lab follows (hardway tracks lists them)")
	}
	t, err := steps.FindTrack(tracks, inv.Track)
	if err != nil {
		return nil, inv.errAt("track", "%v", err)
	}
	if inv.Lang != "" {
		switch inv.Lang {
		case "en", "ko", "ja":
		default:
			return nil, inv.errAt("lang", "use en, ko or ja, not %q", inv.Lang)
		}
	}
	seen := map[string]bool{}
	for i, h := range inv.Hosts {
		f := fmt.Sprintf("hosts[%d]", i)
		th, ok := t.Host(h.Name)
		switch {
		case h.Name == "":
			return nil, inv.errAt(f, "name: every host needs the name the tutorial gives it (%s)", strings.Join(t.HostNames(), ", "))
		case !ok:
			return nil, inv.errAt(f+".name", "track %s has no host %q (its hosts: %s)", t.ID, h.Name, strings.Join(t.HostNames(), ", "))
		case seen[h.Name]:
			return nil, inv.errAt(f+".name", "host %q is listed twice", h.Name)
		case h.Port < 0 || h.Port > 65535:
			return nil, inv.errAt(f+".port", "%d is not a port", h.Port)
		case h.Local != th.Local && h.Local:
			return nil, inv.errAt(f+".local", "%s is not the workstation in this track", h.Name)
		}
		if h.Address != "" {
			if err := checkAddress(h.Address); err != nil {
				return nil, inv.errAt(f+".address", "%v", err)
			}
		}
		if h.Jump != "" && h.Jump == h.Name {
			return nil, inv.errAt(f+".jump", "a host cannot be its own jump host")
		}
		if _, err := inv.destination(f, h); err != nil {
			return nil, err
		}
		seen[h.Name] = true
	}
	for k, v := range inv.Vars {
		if _, ok := t.Vars[k]; !ok {
			return nil, inv.errAt("vars."+k, "track %s has no variable %q (its variables: %s)", t.ID, k, strings.Join(steps.Vars(t.Vars).Names(), ", "))
		}
		if strings.TrimSpace(v) == "" {
			return nil, inv.errAt("vars."+k, "empty value; remove the line to keep the tutorial's %q", t.Vars[k])
		}
		if err := checkValue(k, v); err != nil {
			return nil, inv.errAt("vars."+k, "%v", err)
		}
	}
	if inv.Mirror != "" {
		if err := mirror.CheckBase(inv.Mirror); err != nil {
			return nil, inv.errAt("mirror", "%v", err)
		}
	}
	if inv.Defaults.Port < 0 || inv.Defaults.Port > 65535 {
		return nil, inv.errAt("defaults.port", "%d is not a port", inv.Defaults.Port)
	}
	return t, nil
}

// host returns the inventory's entry for a track host (zero if absent).
func (inv *Inventory) host(name string) Host {
	for _, h := range inv.Hosts {
		if h.Name == name {
			return h
		}
	}
	return Host{Name: name}
}

// Placeholders are the track's placeholders with the inventory's values: variables,
// and each host's tutorial address.
func (inv *Inventory) Placeholders(t *steps.Track) steps.Vars {
	v := t.DefaultVars()
	for k, x := range inv.Vars {
		v[k] = x
	}
	for _, th := range t.Hosts {
		if a := inv.host(th.Name).Address; a != "" {
			v[th.Name+".address"] = a
		}
	}
	return v
}

// TrackHost returns the track host with the inventory's address applied, for
// per-host placeholders.
func (inv *Inventory) TrackHost(t *steps.Track, name string) steps.Host {
	th, _ := t.Host(name)
	if a := inv.host(name).Address; a != "" {
		th.Address = a
	}
	return th
}

// Targets resolves how to reach every host of the track.
func (inv *Inventory) Targets(t *steps.Track, cfg *remote.SSHConfig) (map[string]remote.Target, error) {
	specs := map[string]remote.Spec{}
	for _, th := range t.Hosts {
		h := inv.host(th.Name)
		d, err := inv.destination(fieldOf(inv, th.Name), h)
		if err != nil {
			return nil, err
		}
		s := remote.Spec{Name: th.Name, Dest: d.Dest, Port: d.Port, User: d.User, IdentityFile: h.Identity, Jump: h.Jump}
		if s.Dest == "" {
			s.Dest = th.Name
		}
		if s.Port == 0 {
			s.Port = inv.Defaults.Port
		}
		if s.User == "" {
			s.User = inv.Defaults.User
		}
		if s.IdentityFile == "" {
			s.IdentityFile = inv.Defaults.Identity
		}
		if s.Jump == "" && !th.Local {
			s.Jump = inv.Defaults.Jump
		}
		if s.IdentityFile != "" && !filepath.IsAbs(s.IdentityFile) && !strings.HasPrefix(s.IdentityFile, "~") {
			s.IdentityFile = filepath.Join(filepath.Dir(inv.File), s.IdentityFile)
		}
		specs[th.Name] = s
	}
	lookup := func(name string) (remote.Spec, bool) { s, ok := specs[name]; return s, ok }
	out := map[string]remote.Target{}
	for _, th := range t.Hosts {
		if th.Local {
			out[th.Name] = remote.Target{Name: th.Name, Local: true}
			continue
		}
		if file := specs[th.Name].IdentityFile; file != "" {
			if err := inv.checkIdentity(inv.identityField(th.Name), file); err != nil {
				return nil, err
			}
		}
		tg, err := cfg.Resolve(specs[th.Name], lookup)
		if err != nil {
			return nil, inv.errAt(fieldOf(inv, th.Name), "%v", err)
		}
		out[th.Name] = tg
	}
	return out, nil
}

func fieldOf(inv *Inventory, name string) string {
	for i, h := range inv.Hosts {
		if h.Name == name {
			return fmt.Sprintf("hosts[%d]", i)
		}
	}
	return "hosts"
}

// KnownHostsFiles are the files host keys are checked against; the first
// receives accepted keys.
func (inv *Inventory) KnownHostsFiles() []string {
	if len(inv.KnownHosts) == 0 {
		home, _ := os.UserHomeDir()
		return []string{filepath.Join(home, ".ssh", "known_hosts")}
	}
	return inv.paths(inv.KnownHosts)
}

// SSHConfigFiles are the OpenSSH client configuration files to read.
func (inv *Inventory) SSHConfigFiles() []string {
	if len(inv.SSHConfig) == 0 {
		return remote.DefaultSSHConfigFiles()
	}
	return inv.paths(inv.SSHConfig)
}

// WorkDir is where workstation commands run.
func (inv *Inventory) WorkDir() string {
	if inv.Workdir != "" {
		return inv.paths([]string{inv.Workdir})[0]
	}
	return filepath.Dir(inv.File)
}

func (inv *Inventory) paths(ps []string) []string {
	home, _ := os.UserHomeDir()
	out := make([]string, len(ps))
	for i, p := range ps {
		switch {
		case strings.HasPrefix(p, "~/"):
			p = filepath.Join(home, p[2:])
		case !filepath.IsAbs(p):
			p = filepath.Join(filepath.Dir(inv.File), p)
		}
		out[i] = p
	}
	return out
}

// Template is the commented inventory `hardway init` writes for a track.
func Template(t *steps.Track) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# hardway inventory for the %s track (%s).\n", t.ID, t.Version)
	b.WriteString("# Every value below is optional: what is left out takes the tutorial's value.\n")
	b.WriteString("# ssh: is how to reach a host: an alias of ~/.ssh/config (as `gcloud compute config-ssh`\n")
	b.WriteString("# writes them), a host name or an address, with a user and a port as ssh users write\n")
	b.WriteString("# them if you like (ubuntu@192.168.56.11:2222); or give port:, user: and identity: on\n")
	b.WriteString("# their own lines, for one host or in defaults:. address: is the address the tutorial's\n")
	b.WriteString("# commands use for it, when your lab differs from the tutorial's layout.\n")
	fmt.Fprintf(&b, "track: %s\n", t.ID)
	b.WriteString("# lang: ko            # en, ko or ja; default from LANG\n")
	b.WriteString("# known_hosts: [~/.ssh/known_hosts]\n")
	b.WriteString("# ssh_config: [~/.ssh/config]\n")
	b.WriteString("# mirror: http://10.240.0.1:8080   # downloads from a local mirror (hardway mirror serve)\n")
	b.WriteString("defaults:\n  # user: ubuntu\n  # port: 22\n  # identity: ~/.ssh/google_compute_engine\n  # jump: bastion\n")
	b.WriteString("hosts:\n")
	for _, h := range t.Hosts {
		fmt.Fprintf(&b, "  - name: %s\n", h.Name)
		if h.Local {
			b.WriteString("    local: true        # your workstation: its commands run here\n")
			continue
		}
		fmt.Fprintf(&b, "    ssh: %s\n", h.Name)
		b.WriteString("    # port: 22\n")
		fmt.Fprintf(&b, "    # address: %s\n", h.Address)
	}
	if len(t.Vars) > 0 {
		b.WriteString("# vars:\n")
		for _, k := range steps.Vars(t.Vars).Names() {
			fmt.Fprintf(&b, "#   %s: %s\n", k, t.Vars[k])
		}
	}
	return b.String()
}

// MaxFileSize bounds an inventory: a lab of hundreds of hosts is a few
// hundred kilobytes; a file larger than this is not an inventory, and
// parsing it whole would cost gigabytes.
const MaxFileSize = 4 << 20

// readBounded reads a file of at most max bytes, without reading more.
func readBounded(file string, max int64) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: larger than %d MiB: not an inventory (hardway.yaml lists hosts and a few values)", file, max>>20)
	}
	return data, nil
}
