package check

import (
	"fmt"
	"strconv"
	"strings"
)

// SystemdActive checks that units run. It reads `systemctl is-active
// UNIT...` (one state per unit, in order) and, when present, the blocks of
// `systemctl show` that its Probe prints: each unit's state, main PID and
// restart count. A unit passes when it is active; the PIDs and restart
// counts are the Result's Identity, so the engine can tell a unit that
// stays up from one that systemd keeps restarting.
type SystemdActive struct {
	Units []string `yaml:"units"`
}

const (
	UnitActive     Code = "systemd.active"
	UnitActivating Code = "systemd.activating"
	UnitRestarting Code = "systemd.restarting" // {0} restarts so far
	UnitFailed     Code = "systemd.failed"
	UnitInactive   Code = "systemd.inactive"
	UnitOther      Code = "systemd.other"
	UnitNoState    Code = "systemd.no_state"
)

func init() {
	register("systemd-active", "`systemctl is-active UNIT...`: every unit active, and staying so (no restarts) for the settle window",
		func() Check { return &SystemdActive{} })
}

func (c *SystemdActive) Validate() error {
	if len(c.Units) == 0 {
		return fmt.Errorf("units: list the systemd units that must be active")
	}
	for _, u := range c.Units {
		if u == "" || strings.ContainsAny(u, " \t\n'\"$;&|<>`\\") {
			return fmt.Errorf("units: %q is not a unit name", u)
		}
	}
	return nil
}

// unitProperties are what Probe asks systemd for.
const unitProperties = "Id,ActiveState,SubState,NRestarts,MainPID"

// Probe asks systemd for each unit's state, main PID and restart count.
func (c *SystemdActive) Probe() string {
	return "systemctl show --property=" + unitProperties + " " + strings.Join(c.Units, " ")
}

var unitStates = map[string]bool{
	"active": true, "inactive": true, "failed": true, "activating": true,
	"deactivating": true, "reloading": true, "unknown": true, "maintenance": true, "refreshing": true,
}

// unitShow is one unit's block of `systemctl show`.
type unitShow struct {
	active, sub, restarts, pid string
}

// parseShow reads `systemctl show` blocks, keyed by unit name without
// ".service". systemd prints the properties in an order of its own and one
// blank line between units.
func parseShow(ls []string) map[string]unitShow {
	out := map[string]unitShow{}
	block := map[string]string{}
	flush := func() {
		if id := block["Id"]; id != "" {
			out[strings.TrimSuffix(id, ".service")] = unitShow{
				active: block["ActiveState"], sub: block["SubState"],
				restarts: block["NRestarts"], pid: block["MainPID"]}
		}
		block = map[string]string{}
	}
	for _, l := range ls {
		t := strings.TrimSpace(l)
		if t == "" {
			flush()
			continue
		}
		if k, v, found := strings.Cut(t, "="); found {
			switch k {
			case "Id", "ActiveState", "SubState", "NRestarts", "MainPID":
				block[k] = v
			}
		}
	}
	flush()
	return out
}

func (c *SystemdActive) Evaluate(out Output) Result {
	ls := lines(out.Text)
	var states []string
	for _, l := range ls {
		if t := strings.TrimSpace(l); unitStates[t] {
			states = append(states, t)
		}
	}
	shown := parseShow(ls)
	if len(states) == 0 && len(shown) == 0 {
		if it, bad := preflight("systemctl", out); bad {
			return result([]Item{it})
		}
	}
	var ids []string
	var its []Item
	for i, u := range c.Units {
		state, sub, restarts := "", "", ""
		if sh, found := shown[strings.TrimSuffix(u, ".service")]; found && sh.active != "" {
			state, sub, restarts = sh.active, sh.sub, sh.restarts
			ids = append(ids, unitIdentity(u, sh))
		} else if i < len(states) {
			state = states[i]
		}
		its = append(its, unitItem(u, state, sub, restarts))
	}
	r := result(its)
	if len(ids) == len(c.Units) {
		r.Identity = strings.Join(ids, "; ")
	}
	return r
}

// unitIdentity is what changes when systemd restarts the unit.
func unitIdentity(u string, sh unitShow) string {
	id := u + " pid " + sh.pid
	if sh.restarts != "" {
		id += ", restarts " + sh.restarts
	}
	return id
}

func unitItem(u, state, sub, restarts string) Item {
	switch state {
	case "":
		return fail(u, UnitNoState)
	case "active":
		return ok(u, UnitActive)
	case "activating", "reloading":
		// activating (auto-restart): the main process exited and systemd
		// waits RestartSec before starting it again.
		if n, err := strconv.Atoi(restarts); err == nil && (n > 0 || sub == "auto-restart") {
			return fail(u, UnitRestarting, strconv.Itoa(n))
		}
		return fail(u, UnitActivating, state)
	case "failed":
		return fail(u, UnitFailed)
	case "inactive", "unknown":
		return fail(u, UnitInactive, state)
	default:
		return fail(u, UnitOther, state)
	}
}
