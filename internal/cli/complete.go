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
	_ = cmd.RegisterFlagCompletionFunc("format", func(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
		if strings.Contains(typed, "=") {
			return nil, cobra.ShellCompDirectiveDefault // NAME=FILE: the shell completes the file
		}
		return report.Formats(), cobra.ShellCompDirectiveNoFileComp
	})
	completeLevelAndRelease(cmd)
}

// completeDiffFlags gives shell completion diff's --format, --fail-level
// and --release values.
func completeDiffFlags(cmd *cobra.Command) {
	_ = cmd.RegisterFlagCompletionFunc("format", fixedWords(diffFormats...))
	completeLevelAndRelease(cmd)
}

// fixedWords completes one of values.
func fixedWords(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeLevelAndRelease completes --fail-level and --release (each
// release, and SERVICE=RELEASE items after a comma).
func completeLevelAndRelease(cmd *cobra.Command) {
	_ = cmd.RegisterFlagCompletionFunc("fail-level", fixedWords("error", "warning", "info", "none"))
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
