package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/rules"
)

func newRulesCommand(streams IO) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its id, severity, category and title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, err := engine.New(cmd.Context(), rules.FS, engine.Verified())
			if err != nil {
				return &ExitError{Code: ExitUsage, Err: err}
			}
			switch format {
			case "text":
				tw := tabwriter.NewWriter(streams.Out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tSEVERITY\tCATEGORY\tTITLE")
				for _, r := range eng.Rules {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Category, r.Title)
				}
				return tw.Flush()
			case "json":
				enc := json.NewEncoder(streams.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(eng.Rules)
			}
			return usageError("unknown format %q (text|json)", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text|json")
	return cmd
}
