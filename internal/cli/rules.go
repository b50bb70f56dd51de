package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/finding"
)

func newRulesCommand(streams IO) *cobra.Command {
	var format, configPath string
	var custom customRules
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its id, severity, category and title (custom rules too)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return usageError("unknown format %q (text|json)", format)
			}
			eng, err := custom.catalogEngine(cmd.Context(), configPath)
			if err != nil {
				return err
			}
			switch format {
			case "text":
				return rulesTable(streams, eng.Rules)
			case "json":
				enc := json.NewEncoder(streams.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(eng.Rules)
			}
			return usageError("unknown format %q (text|json)", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text|json")
	addCatalogFlags(cmd, &custom, &configPath)
	return cmd
}

// addCatalogFlags are the flags of the commands that list or explain
// rules: --rules and --config.
func addCatalogFlags(cmd *cobra.Command, c *customRules, configPath *string) {
	addRulesFlag(cmd, c)
	cmd.Flags().StringVar(configPath, "config", "", "configuration file whose rules paths load custom rules, or \"none\" (default: "+config.FileName+" in the current folder or a parent inside its git repository)")
}

// rulesTable lists rules as a table; with custom rules among them a
// SOURCE column names each custom rule's folder ("built-in" otherwise).
func rulesTable(streams IO, rs []finding.Rule) error {
	custom := slices.ContainsFunc(rs, func(r finding.Rule) bool { return r.Source != "" })
	tw := tabwriter.NewWriter(streams.Out, 0, 4, 2, ' ', 0)
	if custom {
		fmt.Fprintln(tw, "ID\tSEVERITY\tCATEGORY\tSOURCE\tTITLE")
	} else {
		fmt.Fprintln(tw, "ID\tSEVERITY\tCATEGORY\tTITLE")
	}
	for _, r := range rs {
		if custom {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Category, cmp.Or(finding.Visible(r.Source), "built-in"), r.Title)
		} else {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Category, r.Title)
		}
	}
	return tw.Flush()
}
