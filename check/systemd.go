package check

import (
	"fmt"
	"strings"
)

// SystemdActive checks `systemctl is-active UNIT...`, which prints one state
// per unit in the order given: every unit must be `active`.
type SystemdActive struct {
	Units []string `yaml:"units"`
}

const (
	UnitActive     Code = "systemd.active"
	UnitActivating Code = "systemd.activating"
	UnitFailed     Code = "systemd.failed"
	UnitInactive   Code = "systemd.inactive"
	UnitOther      Code = "systemd.other"
	UnitNoState    Code = "systemd.no_state"
)

func init() {
	register("systemd-active", "`systemctl is-active UNIT...`: every unit active",
		func() Check { return &SystemdActive{} })
}

func (c *SystemdActive) Validate() error {
	if len(c.Units) == 0 {
		return fmt.Errorf("units: list the systemd units that must be active")
	}
	return nil
}

var unitStates = map[string]bool{
	"active": true, "inactive": true, "failed": true, "activating": true,
	"deactivating": true, "reloading": true, "unknown": true, "maintenance": true, "refreshing": true,
}

func (c *SystemdActive) Evaluate(out Output) Result {
	var states []string
	for _, l := range lines(out.Text) {
		if t := strings.TrimSpace(l); unitStates[t] {
			states = append(states, t)
		}
	}
	if len(states) == 0 {
		if it, bad := preflight("systemctl", out); bad {
			return result([]Item{it})
		}
	}
	var items []Item
	for i, u := range c.Units {
		if i >= len(states) {
			items = append(items, fail(u, UnitNoState))
			continue
		}
		switch s := states[i]; s {
		case "active":
			items = append(items, ok(u, UnitActive))
		case "activating", "reloading":
			items = append(items, fail(u, UnitActivating, s))
		case "failed":
			items = append(items, fail(u, UnitFailed))
		case "inactive", "unknown":
			items = append(items, fail(u, UnitInactive, s))
		default:
			items = append(items, fail(u, UnitOther, s))
		}
	}
	return result(items)
}
