package inventory

import (
	"errors"
	"io/fs"
	"os"

	"hardway/remote"
)

// destination reads a host's ssh: as ssh users write one (host,
// user@host, host:port, user@host:port, [v6]:port, ssh://...) and merges it
// with the host's own port: and user:, which must agree with it. field
// names the host for messages ("hosts[2]").
func (inv *Inventory) destination(field string, h Host) (remote.Spec, error) {
	sp := remote.Spec{Dest: h.SSH, Port: h.Port, User: h.User}
	if h.SSH == "" {
		return sp, nil
	}
	d, err := remote.ParseDest(h.SSH)
	if err != nil {
		return sp, inv.errAt(field+".ssh", "%v: write [user@]host[:port], or the port on its own line (port: 2222)", err)
	}
	if d.Dest == "" {
		return sp, inv.errAt(field+".ssh", "%q names no host", h.SSH)
	}
	sp.Dest = d.Dest
	if d.Port != 0 {
		if h.Port != 0 && h.Port != d.Port {
			return sp, inv.errAt(field+".port", "%d, but ssh: %s says port %d: give the port once", h.Port, h.SSH, d.Port)
		}
		sp.Port = d.Port
	}
	if d.User != "" {
		if h.User != "" && h.User != d.User {
			return sp, inv.errAt(field+".user", "%s, but ssh: %s says user %s: give the user once", h.User, h.SSH, d.User)
		}
		sp.User = d.User
	}
	return sp, nil
}

// checkIdentity: an identity file the inventory names must exist. A missing
// one is a mistake in the inventory, said at its line, not a host that
// cannot be reached. field is where it was given ("hosts[1].identity" or
// "defaults.identity").
func (inv *Inventory) checkIdentity(field, file string) error {
	path := inv.paths([]string{file})[0]
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return inv.errAt(field, "%s does not exist: name the private key you log in with (ssh-keygen makes one), or leave identity: out to use ssh-agent and ~/.ssh/id_*", path)
	case err != nil:
		return inv.errAt(field, "%v", err)
	case fi.IsDir():
		return inv.errAt(field, "%s is a directory: name the private key file in it", path)
	}
	return nil
}

// identityField says where a host's identity file was given.
func (inv *Inventory) identityField(name string) string {
	if inv.host(name).Identity != "" {
		return fieldOf(inv, name) + ".identity"
	}
	return "defaults.identity"
}
