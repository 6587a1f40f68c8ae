package cli

import "github.com/spf13/cobra"

// addInstructorCommands adds the commands for workshop instructors: a room
// of labs, a record to share, progress to forget, the version.
func (a *app) addInstructorCommands(root *cobra.Command) {
	root.AddCommand(a.roomCommand(), a.exportCommand(), a.resetCommand(), a.versionCommand())
	addVersion(root)
}
