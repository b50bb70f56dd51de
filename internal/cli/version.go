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
			_, err := fmt.Fprintln(streams.Out, versionLine(info))
			return err
		},
	}
}

// versionLine is what `stacklint version` and `stacklint --version` print.
func versionLine(info BuildInfo) string {
	return fmt.Sprintf("stacklint %s (commit %s, built %s)", info.Version, info.Commit, info.Date)
}
