package cli

import "github.com/spf13/cobra"

// instructorCommands are the commands for workshop instructors: a room of
// labs, a record to share, progress to forget, the version.
func (a *app) instructorCommands() []*cobra.Command {
	return []*cobra.Command{a.roomCommand()}
}
