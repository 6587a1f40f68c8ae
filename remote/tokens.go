package remote

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// tokens are the values of ssh_config's %-tokens for one host, as far as
// they are known where they are expanded.
type tokens struct {
	host      string // %h: the host name (after HostName)
	original  string // %n: the host as given
	port      int    // %p
	user      string // %r: the remote user
	alias     string // HostKeyAlias, for %k
	jump      string // %j: ProxyJump
	localHost string
}

// Which tokens each option accepts (ssh_config(5) TOKENS).
const (
	tokensHostName = "h"
	tokensProxy    = "hnpr"
	tokensPath     = "CdhijkLlnpru"
	tokensExec     = "CdhLlnpru"
)

// expand replaces the %-tokens of s that allowed lists; any other token is
// an error, as ssh makes it.
func (tk tokens) expand(s, allowed string) (string, error) {
	if !strings.Contains(s, "%") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 == len(s) {
			return "", fmt.Errorf("%q ends with a lone %%", s)
		}
		i++
		c := s[i]
		if c == '%' {
			b.WriteByte('%')
			continue
		}
		if !strings.ContainsRune(allowed, rune(c)) {
			return "", fmt.Errorf("unknown token %%%c in %q", c, s)
		}
		b.WriteString(tk.value(c))
	}
	return b.String(), nil
}

func (tk tokens) value(c byte) string {
	switch c {
	case 'h':
		return tk.host
	case 'n':
		return tk.original
	case 'p':
		return strconv.Itoa(tk.port)
	case 'r':
		return tk.user
	case 'u':
		return currentUser()
	case 'd':
		return homeDir()
	case 'i':
		return strconv.Itoa(os.Getuid())
	case 'j':
		return tk.jump
	case 'k':
		if tk.alias != "" {
			return tk.alias
		}
		return tk.original
	case 'L':
		short, _, _ := strings.Cut(tk.local(), ".")
		return short
	case 'l':
		return tk.local()
	case 'C':
		sum := sha1.Sum([]byte(tk.local() + tk.host + strconv.Itoa(tk.port) + tk.user + tk.jump))
		return hex.EncodeToString(sum[:])
	}
	return ""
}

func (tk tokens) local() string {
	if tk.localHost != "" {
		return tk.localHost
	}
	h, _ := os.Hostname()
	return h
}

// expandEnv replaces ${NAME} with the environment's value, as ssh does in
// path options; an unset variable is an error.
func expandEnv(s string) (string, error) {
	for {
		start := strings.Index(s, "${")
		if start < 0 {
			return s, nil
		}
		end := strings.IndexByte(s[start:], '}')
		if end < 0 {
			return "", fmt.Errorf("%q has an unclosed ${", s)
		}
		name := s[start+2 : start+end]
		v, ok := os.LookupEnv(name)
		if !ok {
			return "", fmt.Errorf("environment variable %s in %q is not set", name, s)
		}
		s = s[:start] + v + s[start+end+1:]
	}
}

// expandPathOption is what ssh does to a file name in its configuration:
// ~, then ${VAR}, then %-tokens.
func (tk tokens) expandPathOption(s string) (string, error) {
	s, err := expandEnv(s)
	if err != nil {
		return "", err
	}
	s, err = tk.expand(s, tokensPath)
	if err != nil {
		return "", err
	}
	return expandPath(s), nil
}
