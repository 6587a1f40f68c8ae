package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"hardway/remote"
)

// roomCommand: `hardway room ROOM.yaml` is the live dashboard of a
// workshop's labs; `hardway room verify ROOM.yaml` checks them once.
func (a *app) roomCommand() *cobra.Command {
	var every int
	cmd := &cobra.Command{
		Use:   "room ROOM.yaml",
		Short: "A workshop's labs at a glance: every learner's lab checked, live",
		Args:  exactArgs(1, "ROOM.yaml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.roomDashboard(args[0], every)
		},
	}
	cmd.Flags().IntVar(&every, "every", 0, "check the room again every this many minutes (default: only when asked, with r)")
	cmd.Flags().BoolVar(&a.acceptNew, "accept-new", false, "record the keys of hosts not yet in known_hosts without asking (changed keys are still refused)")
	cmd.AddCommand(a.roomVerifyCommand())
	return cmd
}

func (a *app) roomVerifyCommand() *cobra.Command {
	var asJSON, asCSV bool
	cmd := &cobra.Command{
		Use:   "verify ROOM.yaml [CHAPTER...]",
		Short: "Run the checks of chapters on every lab of a room and print a learner x chapter table",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON && asCSV {
				return usage("--json and --csv: choose one")
			}
			res, err := a.checkRoom(args[0], args[1:])
			if err != nil {
				return err
			}
			switch {
			case asJSON:
				err = a.printRoomJSON(res)
			case asCSV:
				err = a.printRoomCSV(res)
			default:
				a.printRoomTable(res)
			}
			if err != nil {
				return err
			}
			return roomExit(res, a.msg("room.unreachable_exit"))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print CSV: one line per lab and chapter")
	cmd.Flags().BoolVar(&a.acceptNew, "accept-new", false, "record the keys of hosts not yet in known_hosts without asking (changed keys are still refused)")
	return cmd
}

// checkRoom opens, connects and verifies every lab of the room file.
func (a *app) checkRoom(path string, chapters []string) (*roomResult, error) {
	r, err := readRoom(path)
	if err != nil {
		return nil, err
	}
	res, err := a.openRoom(r, chapters)
	if err != nil {
		return nil, err
	}
	defer res.close()
	if err := a.checkLabs(a.ctx, res, true); err != nil {
		return nil, err
	}
	return res, nil
}

// reviewRoomKeys shows the unknown host keys of the whole room together,
// for one decision. Accepted keys are recorded where each lab keeps them
// and those hosts connected again; refused ones leave their hosts out.
func (a *app) reviewRoomKeys(res *roomResult, unknown []roomUnknown, ask bool) error {
	if len(unknown) == 0 {
		return nil
	}
	if ask {
		fmt.Fprintln(a.env.Stderr, a.msg("room.unknown_hosts", fmt.Sprint(len(unknown))))
	}
	acceptAll := a.acceptNew
	allowed := true
	for _, u := range unknown {
		if ask {
			fmt.Fprintf(a.env.Stderr, "  %-12s %-14s %-22s %s %s\n", u.lab.Name, u.key.Name, u.key.Address, u.key.Key.Type(), sshFingerprint(u.key.Key))
		}
		if !u.lab.lab.Targets[u.key.Name].AcceptNew {
			allowed = false
		}
	}
	acceptAll = acceptAll || allowed // every one is StrictHostKeyChecking accept-new
	if !acceptAll && ask && a.interactive() {
		acceptAll = a.confirm(a.msg("ui.trust_hosts", fmt.Sprint(len(unknown))))
	}
	if !acceptAll {
		if ask {
			fmt.Fprintln(a.env.Stderr, a.msg("room.not_trusted"))
		}
		for _, u := range unknown {
			u.lab.Lost[u.key.Name] = a.msg("room.key_not_trusted")
		}
		return nil
	}
	byLab := map[*roomLabRun][]*remote.UnknownHostError{}
	for _, u := range unknown {
		byLab[u.lab] = append(byLab[u.lab], u.key)
	}
	for run, keys := range byLab {
		if err := run.lab.HostKeys.Add(keys...); err != nil {
			return err
		}
	}
	a.eachLab(res, roomConnectAtOnce, func(run *roomLabRun) {
		if byLab[run] == nil {
			return
		}
		for name, err := range run.lab.Pool.Connect(a.ctx, run.targets()) {
			if _, lost := run.Lost[name]; !lost {
				run.Lost[name] = err.Error()
			}
		}
	})
	return nil
}

// roomExit: 0 only when every lab passed; 1 when a check failed somewhere,
// else 3 when a host could not be reached, else 2 (an inventory is wrong).
func roomExit(res *roomResult, unreachableMsg string) error {
	worst := roomPassed
	for _, run := range res.Labs {
		switch {
		case run.Status == roomFailed:
			return errCheckFailed
		case run.Status == roomUnreachable:
			worst = roomUnreachable
		case run.Status == roomLabError && worst == roomPassed:
			worst = roomLabError
		}
	}
	switch worst {
	case roomUnreachable:
		return unreachableError{unreachableMsg}
	case roomLabError:
		return usage("%s", strings.TrimSpace(labErrors(res)))
	}
	return nil
}

func labErrors(res *roomResult) string {
	var b strings.Builder
	for _, run := range res.Labs {
		if run.Error != "" {
			fmt.Fprintf(&b, "%s: %s\n", run.Name, run.Error)
		}
	}
	return b.String()
}
