package cli

import (
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// buildVersion says which hardway this is, from what the Go toolchain
// recorded in the binary: the module version (a tag, or "(devel)"), the
// commit and its time, whether the tree had changes, and the Go version.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown (no build information)"
	}
	parts := []string{info.Main.Version}
	if parts[0] == "" {
		parts[0] = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		parts = append(parts, rev)
	}
	if t := settings["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	if settings["vcs.modified"] == "true" {
		parts = append(parts, "modified")
	}
	return strings.Join(append(parts, info.GoVersion), " ")
}

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print hardway's version, from the build information",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a.printf("hardway %s\n", buildVersion())
			return nil
		},
	}
}

// addVersion gives the root --version, which prints what `version` prints.
func addVersion(root *cobra.Command) {
	root.Version = buildVersion()
	root.SetVersionTemplate("hardway {{.Version}}\n")
}
