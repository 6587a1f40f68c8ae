package remote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SSHConfig holds OpenSSH client configuration files (~/.ssh/config, then
// /etc/ssh/ssh_config), read as ssh(1) reads them: Host and Match blocks,
// Include, the first value found wins. Resolve evaluates them for one host.
type SSHConfig struct {
	Files []string // the files that exist, in order
	files []*configFile
}

// configFile is one parsed file. dir is where its relative Include paths
// start: ~/.ssh for a user's file, /etc/ssh for the system's.
type configFile struct {
	path  string
	dir   string
	lines []configLine
}

// configLine is one keyword line. args are split as ssh does (quotes
// removed); rest is the raw text after the keyword, for the options that
// take a whole command line (ProxyCommand, KnownHostsCommand).
type configLine struct {
	file string
	num  int
	key  string // lower case
	name string // as written
	args []string
	rest string
}

func (l configLine) at() string { return fmt.Sprintf("%s:%d", l.file, l.num) }

// SystemSSHConfig is the system-wide client configuration.
const SystemSSHConfig = "/etc/ssh/ssh_config"

// LoadSSHConfig reads the given files; missing ones are skipped, a line
// that does not parse is an error naming the file and line.
func LoadSSHConfig(files ...string) (*SSHConfig, error) {
	c := &SSHConfig{}
	for _, f := range files {
		cf, err := readConfigFile(f, configDirFor(f))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		c.files = append(c.files, cf)
		c.Files = append(c.Files, f)
	}
	return c, nil
}

// DefaultSSHConfigFiles are the user's and the system's files.
func DefaultSSHConfigFiles() []string {
	return []string{filepath.Join(homeDir(), ".ssh", "config"), SystemSSHConfig}
}

func configDirFor(file string) string {
	if file == SystemSSHConfig {
		return filepath.Dir(SystemSSHConfig)
	}
	return filepath.Join(homeDir(), ".ssh")
}

func readConfigFile(path, dir string) (*configFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cf := &configFile{path: path, dir: dir}
	for i, text := range strings.Split(string(data), "\n") {
		l, ok, err := parseConfigLine(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
		}
		if ok {
			l.file, l.num = path, i+1
			cf.lines = append(cf.lines, l)
		}
	}
	return cf, nil
}

// parseConfigLine splits "Keyword value", "Keyword=value" or
// "Keyword = value"; comments and blank lines give ok == false.
func parseConfigLine(text string) (configLine, bool, error) {
	s := strings.TrimRight(strings.TrimLeft(text, " \t"), " \t\r")
	if s == "" || s[0] == '#' {
		return configLine{}, false, nil
	}
	end := strings.IndexAny(s, " \t=")
	if end < 0 {
		end = len(s)
	}
	l := configLine{key: strings.ToLower(s[:end]), name: s[:end]}
	rest := strings.TrimLeft(s[end:], " \t")
	rest = strings.TrimLeft(strings.TrimPrefix(rest, "="), " \t")
	l.rest = rest
	args, err := splitArgs(rest)
	if err != nil {
		return configLine{}, false, fmt.Errorf("%s: %v", s[:end], err)
	}
	l.args = args
	return l, true, nil
}

// splitArgs splits arguments as ssh does: on blanks, with "double" or
// 'single' quotes keeping blanks, a backslash escaping the next quote,
// backslash or blank, and an unquoted # starting a comment.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inArg := false
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0 && ch == quote:
			quote = 0
		case ch == '\\' && i+1 < len(s) && strings.IndexByte(`"'\ `, s[i+1]) >= 0 && (quote == 0 || s[i+1] == quote || s[i+1] == '\\'):
			i++
			cur.WriteByte(s[i])
			inArg = true
		case quote != 0:
			cur.WriteByte(ch)
		case ch == '"' || ch == '\'':
			quote = ch
			inArg = true
		case ch == ' ' || ch == '\t':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		case ch == '#' && !inArg:
			return args, nil
		default:
			cur.WriteByte(ch)
			inArg = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated quote")
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}
