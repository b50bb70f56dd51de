package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/rules"
)

// testOptions are the flags of stacklint test.
type testOptions struct {
	custom   customRules
	verbose  bool
	coverage bool
	format   string
}

func newTestCommand(streams IO) *cobra.Command {
	o := &testOptions{}
	cmd := &cobra.Command{
		Use:   "test [flags] DIR...",
		Short: "Run the unit tests (*_test.rego) of custom rules, as opa test does",
		Long: "Run the *_test.rego files of the custom rules in each DIR (and --rules DIR) with OPA's\n" +
			"tester, against stacklint's lib (data.stacklint.lib) and test fixtures\n" +
			"(data.stacklint.fixtures) and the custom rules, under the custom rules' sandbox.\n" +
			"Exit 0 when every test passes, 1 when one fails, 2 on bad input or a test past --rule-timeout.",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.format != "text" && o.format != "json" {
				return usageError("unknown format %q (text|json)", o.format)
			}
			dirs := append(append([]string(nil), args...), o.custom.dirs...)
			if len(dirs) == 0 {
				return usageError("name a folder of custom rules and their tests: stacklint test DIR")
			}
			run, err := engine.UserTests(cmd.Context(), rules.FS, dirs, o.coverage, o.custom.timeout)
			if err != nil {
				return &ExitError{Code: ExitUsage, Err: err}
			}
			return o.report(streams.Out, run)
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.verbose, "verbose", "v", false, "list every test, not only the failing ones")
	f.BoolVar(&o.coverage, "coverage", false, "report the coverage of the custom files (as opa test --coverage)")
	f.StringVarP(&o.format, "format", "f", "text", "text|json (json: the results, or with --coverage OPA's coverage report)")
	addRulesFlag(cmd, &o.custom)
	f.DurationVar(&o.custom.timeout, "rule-timeout", 0, "stop with exit 2 when a test evaluates longer (default 10s)")
	return cmd
}

// report writes the run and returns exit 1 when a test failed.
func (o *testOptions) report(w io.Writer, run *engine.TestRun) error {
	pass, fail, errs := 0, 0, 0
	for _, r := range run.Results {
		switch {
		case r.Error != nil:
			errs++
		case r.Fail:
			fail++
		default:
			pass++
		}
	}
	var err error
	switch {
	case o.format == "json" && run.Coverage != nil:
		err = writeJSON(w, run.Coverage)
	case o.format == "json":
		err = writeJSON(w, testResultsJSON(run.Results))
	default:
		o.text(w, run, pass, fail, errs)
	}
	if err != nil {
		return err
	}
	if len(run.Results) == 0 {
		return usageError("no test rules (test_*) in %s", strings.Join(run.Files, ", "))
	}
	if fail+errs > 0 {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// text writes the results like opa test: the failing tests (every test
// with -v) by file, a summary, and the coverage when asked for.
func (o *testOptions) text(w io.Writer, run *engine.TestRun, pass, fail, errs int) {
	file := ""
	shown := 0
	for _, r := range run.Results {
		if !o.verbose && r.Error == nil && !r.Fail {
			continue
		}
		if f := resultFile(r); f != file {
			if shown > 0 {
				fmt.Fprintln(w)
			}
			file = f
			fmt.Fprintf(w, "%s:\n", finding.Visible(f))
		}
		shown++
		fmt.Fprintf(w, "%s.%s: %s\n", r.Package, r.Name, testOutcome(r))
	}
	if shown > 0 {
		fmt.Fprintln(w, strings.Repeat("-", 80))
	}
	n := len(run.Results)
	for _, c := range []struct {
		label string
		count int
	}{{"PASS", pass}, {"FAIL", fail}, {"ERROR", errs}} {
		if c.count > 0 {
			fmt.Fprintf(w, "%s: %d/%d\n", c.label, c.count, n)
		}
	}
	if run.Coverage != nil {
		writeCoverage(w, run.Coverage, run.Files)
	}
}

func resultFile(r *tester.Result) string {
	if r.Location == nil {
		return ""
	}
	return r.Location.File
}

// testOutcome is PASS, FAIL (with the expression that failed) or ERROR
// (with its message).
func testOutcome(r *tester.Result) string {
	switch {
	case r.Error != nil:
		return "ERROR\n  " + finding.Visible(r.Error.Error())
	case r.Fail && r.FailedAt != nil && r.FailedAt.Location != nil:
		return fmt.Sprintf("FAIL (line %d: %s)", r.FailedAt.Location.Row, finding.Visible(string(r.FailedAt.Location.Text)))
	case r.Fail:
		return "FAIL"
	}
	return "PASS"
}

// writeCoverage prints each custom file's coverage and its lines not
// covered, then the total.
func writeCoverage(w io.Writer, rep *cover.Report, files []string) {
	fmt.Fprintln(w, "\nCOVERAGE")
	for _, f := range files {
		fr := rep.Files[f]
		if fr == nil {
			continue // no rule or expression to cover
		}
		line := fmt.Sprintf("%s: %.1f%%", finding.Visible(f), fr.Coverage)
		if len(fr.NotCovered) > 0 {
			line += ", not covered: lines " + ranges(fr.NotCovered)
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "total: %.1f%%\n", rep.Coverage)
}

// ranges words line ranges as "12, 15-17".
func ranges(rs []cover.Range) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		if r.Start.Row == r.End.Row {
			parts[i] = fmt.Sprint(r.Start.Row)
		} else {
			parts[i] = fmt.Sprintf("%d-%d", r.Start.Row, r.End.Row)
		}
	}
	return strings.Join(parts, ", ")
}

// testResultJSON is one test in --format json.
type testResultJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Package string `json:"package"`
	Name    string `json:"name"`
	Outcome string `json:"outcome"` // pass, fail or error
	Error   string `json:"error,omitempty"`
}

func testResultsJSON(rs []*tester.Result) []testResultJSON {
	out := make([]testResultJSON, 0, len(rs))
	for _, r := range rs {
		j := testResultJSON{File: resultFile(r), Package: r.Package, Name: r.Name, Outcome: "pass"}
		if r.Location != nil {
			j.Line = r.Location.Row
		}
		switch {
		case r.Error != nil:
			j.Outcome, j.Error = "error", r.Error.Error()
		case r.Fail:
			j.Outcome = "fail"
		}
		out = append(out, j)
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
