package cli

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/report"
)

func newExplainCommand(streams IO) *cobra.Command {
	var configPath string
	var custom customRules
	cmd := &cobra.Command{
		Use:   "explain ID",
		Short: "Explain one rule: what it checks, why it matters, how to fix it",
		Args:  cobra.ExactArgs(1),
		// rule ids as completions
		ValidArgsFunction: completeRuleIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, err := custom.catalogEngine(cmd.Context(), configPath)
			if err != nil {
				return err
			}
			r, ok := eng.Rule(args[0])
			if !ok {
				return usageError("no rule %q (see `stacklint rules`)", args[0])
			}
			_, err = fmt.Fprint(streams.Out, Explain(r))
			return err
		},
	}
	addCatalogFlags(cmd, &custom, &configPath)
	return cmd
}

// Explain renders a rule's metadata for the terminal.
func Explain(r finding.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "Severity: %s    Category: %s\n\n", r.Severity, r.Category)
	fmt.Fprintf(&b, "%s\n\nHow to fix:\n%s\n", strings.TrimSpace(r.Description), strings.TrimSpace(r.Remediation))
	if len(r.Params) > 0 {
		b.WriteString("\nParameters (.stacklint.yaml rules." + r.ID + ".params):\n")
		for _, k := range slices.Sorted(maps.Keys(r.Params)) {
			fmt.Fprintf(&b, "  %s (default %v)\n", k, r.Params[k])
		}
	}
	if r.Source != "" {
		fmt.Fprintf(&b, "\nCustom rule: %s\n", finding.Visible(r.File))
		return b.String()
	}
	fmt.Fprintf(&b, "\nMore: %s%s.md\n", report.DocsURL, r.ID)
	return b.String()
}
