package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/report"
	"github.com/stacklint/stacklint/rules"
)

// completeLintFlags gives shell completion the values of the lint flags
// that take a word from a list: --format (each format; files after
// NAME=), --fail-level, --release (each release, and
// SERVICE=RELEASE items after a comma).
func completeLintFlags(cmd *cobra.Command) {
	fixed := func(values ...string) cobra.CompletionFunc {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return values, cobra.ShellCompDirectiveNoFileComp
		}
	}
	_ = cmd.RegisterFlagCompletionFunc("format", func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
		if strings.Contains(typed, "=") {
			return nil, cobra.ShellCompDirectiveDefault // NAME=FILE: the shell completes the file
		}
		return report.Formats(), cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("fail-level", fixed("error", "warning", "info", "none"))
	_ = cmd.RegisterFlagCompletionFunc("release", func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
		prefix := ""
		if i := strings.LastIndex(typed, ","); i >= 0 {
			prefix = typed[:i+1]
		}
		var out []string
		for _, name := range release.Names() {
			out = append(out, prefix+name)
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	})
}

// completeRuleIDs completes a rule id (explain's argument).
func completeRuleIDs(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	eng, err := engine.New(cmd.Context(), rules.FS, engine.Verified())
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, r := range eng.Rules {
		out = append(out, r.ID+"\t"+r.Title)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
