package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newVersionCommand(info BuildInfo, streams IO) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of stacklint",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(streams.Out, "stacklint %s (commit %s, built %s)\n", info.Version, info.Commit, info.Date)
			return err
		},
	}
}
