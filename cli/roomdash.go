package cli

// roomDashboard is `hardway room ROOM.yaml`: the live dashboard on a
// terminal; elsewhere (a pipe, a script) the same grid printed once.
func (a *app) roomDashboard(path string, every int) error {
	if every < 0 {
		return usage("--every: a number of minutes, 1 or more (0: only when asked)")
	}
	if a.stdoutIsTerminal() {
		return a.roomTUI(path, every)
	}
	res, err := a.checkRoom(path, nil)
	if err != nil {
		return err
	}
	a.printRoomTable(res)
	return roomExit(res, a.msg("room.unreachable_exit"))
}
