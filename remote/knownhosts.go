package remote

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/crypto/ssh"
)

// The known_hosts format, read as OpenSSH reads it (sshd(8) "SSH_KNOWN_HOSTS
// FILE FORMAT"): an optional marker, host patterns or one hashed name, the
// key. A line that does not parse is skipped with a warning naming it, as
// ssh skips it, instead of failing every host.

const (
	markerCA      = "@cert-authority"
	markerRevoked = "@revoked"
	hashMagic     = "|1|"
)

// knownLine is one usable known_hosts line.
type knownLine struct {
	file   string
	line   int
	marker string // "", markerCA or markerRevoked
	hosts  string // comma-separated patterns, or one hashed name
	key    ssh.PublicKey
}

func (l knownLine) where() string {
	if l.file == "" {
		return "accepted earlier in this run"
	}
	return fmt.Sprintf("%s:%d", l.file, l.line)
}

// matches reports whether the line is for the host name (host, or
// [host]:port off port 22).
func (l knownLine) matches(name string) bool {
	if strings.HasPrefix(l.hosts, hashMagic) {
		return hashedNameMatches(l.hosts, name)
	}
	return matchPatternList(name, l.hosts, true)
}

// knownHostsName is how known_hosts names a host: a HostKeyAlias as it is,
// else the host, with its port in [host]:port form when it is not 22.
func knownHostsName(host string, port int, alias string) string {
	if alias != "" {
		return strings.ToLower(alias)
	}
	host = strings.ToLower(host)
	if port == 22 || port == 0 {
		return host
	}
	return "[" + host + "]:" + strconv.Itoa(port)
}

// readKnownHosts reads one file; a missing file has no lines. warn gets
// each line it skips.
func readKnownHosts(file string, warn func(string)) ([]knownLine, error) {
	data, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("known_hosts: %w", err)
	}
	var out []knownLine
	for i, text := range bytes.Split(data, []byte("\n")) {
		l, ok, err := parseKnownLine(string(text))
		if err != nil {
			warn(fmt.Sprintf("%s:%d: skipped, as ssh skips it: %v", file, i+1, err))
			continue
		}
		if ok {
			l.file, l.line = file, i+1
			out = append(out, l)
		}
	}
	return out, nil
}

// parseKnownLine reads "[marker] hosts keytype base64 [comment]"; blank
// lines and comments give ok == false.
func parseKnownLine(text string) (knownLine, bool, error) {
	s := strings.TrimSpace(text)
	if s == "" || s[0] == '#' {
		return knownLine{}, false, nil
	}
	f := strings.Fields(s)
	var l knownLine
	if strings.HasPrefix(f[0], "@") {
		switch f[0] {
		case markerCA, markerRevoked:
			l.marker = f[0]
		default:
			return knownLine{}, false, fmt.Errorf("unknown marker %q", f[0])
		}
		f = f[1:]
	}
	if len(f) < 3 {
		return knownLine{}, false, fmt.Errorf("it needs host names, a key type and a key")
	}
	l.hosts = f[0]
	if strings.HasPrefix(l.hosts, "|") {
		if _, _, err := decodeHashedName(l.hosts); err != nil {
			return knownLine{}, false, err
		}
	}
	key, _, _, _, err := ssh.ParseAuthorizedKey([]byte(f[1] + " " + f[2]))
	if err != nil {
		return knownLine{}, false, fmt.Errorf("the %s key does not parse: %v", f[1], err)
	}
	if _, isCert := key.(*ssh.Certificate); isCert {
		return knownLine{}, false, fmt.Errorf("a certificate is not a host key (trust its CA with %s)", markerCA)
	}
	l.key = key
	return l, true, nil
}

// A hashed name is |1|base64(salt)|base64(HMAC-SHA1(salt, name)), as
// HashKnownHosts writes it.
func decodeHashedName(field string) (salt, sum []byte, err error) {
	parts := strings.Split(field, "|")
	if len(parts) != 4 || parts[0] != "" || parts[1] != "1" {
		return nil, nil, fmt.Errorf("%.20q is not a hashed host name |1|salt|hash", field)
	}
	salt, err1 := base64.StdEncoding.DecodeString(parts[2])
	sum, err2 := base64.StdEncoding.DecodeString(parts[3])
	if err1 != nil || err2 != nil || len(salt) != sha1.Size || len(sum) != sha1.Size {
		return nil, nil, fmt.Errorf("%.20q is not a hashed host name |1|salt|hash", field)
	}
	return salt, sum, nil
}

func hashedNameMatches(field, name string) bool {
	salt, sum, err := decodeHashedName(field)
	if err != nil {
		return false
	}
	return hmac.Equal(hashName(salt, name), sum)
}

func hashName(salt []byte, name string) []byte {
	m := hmac.New(sha1.New, salt)
	m.Write([]byte(name))
	return m.Sum(nil)
}

// hashedName hashes a host name with a fresh salt.
func hashedName(name string) string {
	salt := make([]byte, sha1.Size)
	rand.Read(salt)
	return hashMagic + base64.StdEncoding.EncodeToString(salt) + "|" + base64.StdEncoding.EncodeToString(hashName(salt, name))
}

// knownLineText is the line recorded for an accepted key.
func knownLineText(name string, key ssh.PublicKey, hashed bool) string {
	if hashed {
		name = hashedName(name)
	}
	return name + " " + strings.TrimSpace(string(ssh.MarshalAuthorizedKey(key)))
}

// fileIsHashed reports whether a known_hosts file already holds hashed
// names: new lines then go in hashed too.
func fileIsHashed(file string) bool {
	lines, _ := readKnownHosts(file, func(string) {})
	for _, l := range lines {
		if l.marker == "" && strings.HasPrefix(l.hosts, hashMagic) {
			return true
		}
	}
	return false
}
