package inventory

import (
	"fmt"
	"net"
	"regexp"
	"strings"
)

// Inventory values fill placeholders in commands that run in a shell, some
// of them unquoted, as the tutorials write them (classic 04 pastes
// {{controller-0.address}} straight into a cfssl command line). So a value
// is data of the kind its placeholder means, checked here, never shell.

var (
	hostnameRE = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$`)
	versionRE  = regexp.MustCompile(`^v?[0-9]+(\.[0-9A-Za-z]+)*([-+][0-9A-Za-z.-]+)?$`)
	tokenRE    = regexp.MustCompile(`^[a-z0-9]{6}\.[a-z0-9]{16}$`)
	certHashRE = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
	// plainRE is every other value: words, numbers, paths, URLs, CIDRs,
	// lists; nothing a shell reads specially, no blanks.
	plainRE = regexp.MustCompile(`^[A-Za-z0-9._:/@+=,%-]+$`)
)

// checkAddress accepts an IP address or a host name.
func checkAddress(v string) error {
	if net.ParseIP(v) != nil || hostnameRE.MatchString(v) && len(v) <= 253 {
		return nil
	}
	return fmt.Errorf("%q is not an IP address or a host name", v)
}

// checkValue checks a track variable's value by what its name says it is.
func checkValue(name, v string) error {
	switch {
	case strings.HasSuffix(name, "_version"):
		if !versionRE.MatchString(v) {
			return fmt.Errorf("%q is not a version (like v1.32.3 or 3.6)", v)
		}
	case strings.HasSuffix(name, "_ip") || strings.HasSuffix(name, "_address"):
		return checkAddress(v)
	case name == "join_token":
		if !tokenRE.MatchString(v) {
			return fmt.Errorf("%q is not a bootstrap token (six and sixteen lower-case letters or digits: abcdef.0123456789abcdef)", v)
		}
	case strings.HasSuffix(name, "_hash"):
		if !certHashRE.MatchString(v) {
			return fmt.Errorf("%q is not a CA certificate hash (sha256: and 64 hexadecimal digits)", v)
		}
	default:
		if !plainRE.MatchString(v) {
			return fmt.Errorf("%q has characters a shell would read (blanks, quotes, $ ; & | < > ( ) ` \\ ...): values are data, never shell", v)
		}
	}
	return nil
}
