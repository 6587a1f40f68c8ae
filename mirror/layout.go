// Package mirror keeps the downloads of a track in a directory, so a
// workshop without Internet (or an end-to-end run) can fetch them from a
// local server: `hardway mirror pull` fills the directory, `hardway mirror
// serve` serves it, and the engine's wrapper script (Functions) sends a
// step's declared URLs there while the learner still sees the tutorial's
// command.
//
// Layout: the URL https://HOST/PATH (or http) lives at DIR/HOST/PATH; a git
// repository is a bare repository at the same place; DIR/SHA256SUMS lists
// "sha256  HOST/PATH" for every file.
package mirror

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// SumsFile lists the checksums of a mirror's files, as sha256sum writes them.
const SumsFile = "SHA256SUMS"

var hostRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$`)

// Path is where an upstream URL lives in a mirror directory: HOST/PATH,
// slash-separated and relative. It refuses what could leave the directory
// or clash with the layout: other schemes, user info, queries, empty, "."
// and ".." segments, backslashes and control characters.
func Path(rawURL string) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", err
	}
	host := strings.ToLower(u.Host)
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%s: not an http:// or https:// URL", rawURL)
	case u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.Opaque != "":
		return "", fmt.Errorf("%s: a mirror keeps plain URLs (no user, query or fragment)", rawURL)
	case !hostRE.MatchString(host):
		return "", fmt.Errorf("%s: %q is not a host name or address", rawURL, u.Host)
	case !strings.HasPrefix(u.Path, "/") || len(u.Path) < 2:
		return "", fmt.Errorf("%s: no path", rawURL)
	}
	if err := cleanPath(u.Path[1:]); err != nil {
		return "", fmt.Errorf("%s: %v", rawURL, err)
	}
	return host + u.Path, nil
}

// cleanPath accepts a relative slash-separated path with no way out.
func cleanPath(p string) error {
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "", ".", "..":
			return fmt.Errorf("path segment %q", seg)
		}
		for _, r := range seg {
			if r < 0x20 || r == 0x7f || r == '\\' {
				return fmt.Errorf("path segment %q has a control character or backslash", seg)
			}
		}
	}
	return nil
}

// URL is the mirror's address of an upstream URL: BASE/HOST/PATH.
func URL(base, rawURL string) (string, error) {
	p, err := Path(rawURL)
	if err != nil {
		return "", err
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.TrimRight(base, "/") + "/" + strings.Join(segs, "/"), nil
}

// CheckBase validates a mirror's base URL (inventory mirror:, --mirror).
func CheckBase(base string) error {
	u, err := url.Parse(base)
	switch {
	case err != nil:
		return err
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("%q: want http://HOST:PORT (as hardway mirror serve prints it)", base)
	case u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "":
		return fmt.Errorf("%q: want http://HOST:PORT with no user, query or fragment", base)
	case strings.ContainsAny(base, "'\\\n"):
		return fmt.Errorf("%q: quotes, backslashes and newlines are not allowed", base)
	}
	return nil
}
