package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/finding"
)

// BuildInfo identifies the binary.
type BuildInfo struct {
	Version, Commit, Date string
}

// IO are the streams a command writes to.
type IO struct {
	Out, Err io.Writer
	// IsTTY reports whether Out is a terminal (for colour).
	IsTTY bool
	// ErrIsTTY reports whether Err is an interactive terminal: a terminal,
	// outside CI (the CI environment variable unset), for --progress auto.
	ErrIsTTY bool
}

// NewRootCommand builds the command tree. Run without a subcommand it lints,
// so `stacklint PATH` is `stacklint lint PATH`.
func NewRootCommand(info BuildInfo, streams IO) *cobra.Command {
	opts := &lintOptions{version: info.Version}
	root := &cobra.Command{
		Use:   "stacklint [flags] [PATH|FILE...]",
		Short: "Cross-checks a whole OpenStack deployment snapshot",
		Long: "stacklint reads the /etc trees of every node of an OpenStack deployment (plus rc and\n" +
			"policy files; kolla-ansible and TripleO container configuration; sos reports, as folders\n" +
			"or .tar.xz/.tar.gz archives) exactly as OpenStack reads them, builds one model of the\n" +
			"deployment and checks it with Rego rules, reporting findings with file:line locations.",
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.releaseGiven = cmd.Flags().Changed("release")
			return runLint(cmd.Context(), streams, opts, args)
		},
	}
	root.Version = versionLine(info) // --version, as `stacklint version`
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &ExitError{Code: ExitUsage, Err: err}
	})
	addLintFlags(root, opts)
	root.AddCommand(
		newLintCommand(info, streams),
		newRulesCommand(streams),
		newExplainCommand(streams),
		newInspectCommand(streams),
		newDiffCommand(streams),
		newInitCommand(streams),
		newTestCommand(streams),
		newVersionCommand(info, streams),
	)
	return root
}

// Execute runs the command line and returns the process exit code. Errors
// are printed as one line; a panic never prints a stack trace (it could
// hold configuration values) unless STACKLINT_DEBUG is set.
func Execute(ctx context.Context, args []string, info BuildInfo, streams IO) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(streams.Err, "stacklint: internal error; rerun with STACKLINT_DEBUG=1 for details and please report it")
			if os.Getenv("STACKLINT_DEBUG") != "" {
				fmt.Fprintf(streams.Err, "%v\n%s", r, debug.Stack())
			}
			code = ExitUsage
		}
	}()
	root := NewRootCommand(info, streams)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			printError(streams.Err, ee.Err)
		}
		return ee.Code
	}
	printError(streams.Err, err)
	return ExitUsage
}

// printError prints a run's error as "stacklint: message", made visible
// (finding.Visible: a newline in it is shown as \n, never a line of its
// own); the custom rules' problems (engine.ProblemsError) as a count line
// then one "FILE:LINE: message" line each, every line made visible alone.
func printError(w io.Writer, err error) {
	var pe *engine.ProblemsError
	if !errors.As(err, &pe) || len(pe.Lines()) < 2 {
		fmt.Fprintf(w, "stacklint: %s\n", finding.Visible(err.Error()))
		return
	}
	fmt.Fprintf(w, "stacklint: %s\n", pe.Header())
	for _, l := range pe.Lines() {
		fmt.Fprintf(w, "%s\n", finding.Visible(l))
	}
}
