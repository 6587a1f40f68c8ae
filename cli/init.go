package cli

import (
	"os"

	"github.com/spf13/cobra"

	"hardway/inventory"
)

func (a *app) initCommand() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:  "init",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := a.track()
			if err != nil {
				return err
			}
			path := a.inventoryFlag
			if path == "" {
				path = inventory.DefaultFile
			}
			if _, err := os.Stat(path); err == nil && !force {
				return usage("%s exists; edit it, or add --force to replace it", path)
			}
			if err := os.WriteFile(path, []byte(inventory.Template(t)), 0o644); err != nil {
				return err
			}
			a.printf("%s\n", a.msg("ui.init_written", path, t.ID))
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing inventory")
	return cmd
}
