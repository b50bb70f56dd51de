package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/diff"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/internal/safefile"
	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

// diffFormats are the formats of stacklint diff.
var diffFormats = []string{"text", "json", "markdown"}

// diffOptions are stacklint diff's flags.
type diffOptions struct {
	format       string
	output       string
	failLevel    string
	noColor      bool
	config       string
	release      string
	releaseGiven bool
	maxSize      sizeFlag
	maxArchive   sizeFlag
	timeout      time.Duration
	rev          string
	allDefaults  bool
	custom       customRules
}

func newDiffCommand(streams IO) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff [flags] OLD NEW | diff --rev REV [PATH]",
		Short: "Report what a change of a snapshot does: options in effect, nodes, findings",
		Long: "Compare two snapshots of one deployment (OLD, then NEW: folders or archives, as lint\n" +
			"reads them). Per node and process, the options in effect that change (added, removed,\n" +
			"changed, default → written, written → default), processes and nodes added and removed,\n" +
			"and the findings the change introduces and fixes. Secrets show only as fingerprints,\n" +
			"keyed alike on both sides: an unchanged secret never shows. Exit 1 when the change\n" +
			"introduces a finding at or above --fail-level; one configuration (NEW's, or --config)\n" +
			"serves both sides.\n" +
			"With --rev REV, OLD is PATH (default .) as commit REV of its git repository holds it, read\n" +
			"from git's objects (no checkout; the working tree and index are left alone), and NEW is\n" +
			"PATH in the working tree: `stacklint diff --rev origin/main etc-snapshot` in a pull request.",
		Args: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("rev") {
				return cobra.MaximumNArgs(1)(cmd, args)
			}
			return cobra.ExactArgs(2)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.releaseGiven = cmd.Flags().Changed("release")
			if cmd.Flags().Changed("rev") {
				return runDiffRev(cmd.Context(), streams, o, args)
			}
			return runDiff(cmd.Context(), streams, o, diff.Side{Path: args[0], Label: args[0]}, diff.Side{Path: args[1], Label: args[1]})
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(diffFormats, "|"))
	f.StringVarP(&o.output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringVar(&o.failLevel, "fail-level", "error", "exit 1 when the change introduces a finding at or above this level: error|warning|info|none")
	f.BoolVar(&o.noColor, "no-color", false, "never colour the text output")
	f.BoolVar(&o.allDefaults, "all-defaults", false, "list every option whose default alone differs between the sides' releases (text; JSON always lists them), not a count per process")
	f.StringVar(&o.rev, "rev", "", "compare PATH (default .) at this git revision (branch, tag, commit: origin/main) with the working tree")
	f.StringVar(&o.config, "config", "", "configuration file for both sides, or \"none\" (default: "+config.FileName+" in NEW or a parent inside its git repository)")
	f.StringVar(&o.release, "release", "", "OpenStack release to check both sides against: "+strings.Join(release.Names(), "|")+", with SERVICE=RELEASE items (default: the config file's, else auto)")
	addTimeoutFlag(cmd, &o.timeout)
	o.maxSize.bytes = safefile.DefaultLimit
	f.Var(&o.maxSize, "max-file-size", maxFileSizeUsage+" (default: max_file_size in the configuration, else 8MiB)")
	o.maxArchive.bytes = snapshot.DefaultArchiveBytes
	f.Var(&o.maxArchive, "max-archive-size", maxArchiveSizeUsage)
	addRulesFlag(cmd, &o.custom)
	addRuleTimeoutFlag(cmd, &o.custom)
	completeDiffFlags(cmd)
	return cmd
}

// runDiff compares the snapshots of old and new and writes the report;
// old and new are labelled in every output by their Label (a temporary
// folder never shows). Exit 1 when the change introduces a finding at or
// above --fail-level, 2 on usage and input errors.
func runDiff(ctx context.Context, streams IO, o *diffOptions, old, new diff.Side) error {
	if err := checkDiffFlags(o); err != nil {
		return err
	}
	out, err := withTimeout(ctx, o.timeout, "compiling the rules", func(ctx context.Context, p *phase) (diffOutput, error) {
		return diffAndRender(ctx, p, streams, o, old, new)
	})
	if err != nil {
		return err
	}
	for _, r := range out.results {
		if err := overwritesSnapshot("--output "+o.output, o.output, r); err != nil {
			return err
		}
	}
	if o.output != "" {
		if err := writeFile(o.output, out.data); err != nil {
			return usageError("--output: %v", err)
		}
	} else if _, err := streams.Out.Write(out.data); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if out.diff.Fails(o.failLevel) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// checkDiffFlags refuses unknown formats and levels and an empty or
// unknown --release.
func checkDiffFlags(o *diffOptions) error {
	switch o.format {
	case "text", "json", "markdown":
	default:
		return usageError("--format %s: unknown format (one of %s)", finding.Sanitize(o.format), strings.Join(diffFormats, ", "))
	}
	switch o.failLevel {
	case "error", "warning", "info", "none":
	default:
		return usageError("--fail-level must be error, warning, info or none, not %s", finding.Sanitize(o.failLevel))
	}
	if o.releaseGiven && strings.TrimSpace(o.release) == "" {
		return usageError("--release is empty: give auto, a release or SERVICE=RELEASE items (auto,nova=2023.2)")
	}
	if err := release.Check(o.release); err != nil {
		return usageError("--release: %v", err)
	}
	return nil
}

// diffOutput is a finished comparison, its report rendered, and the two
// runs (to refuse an --output inside either snapshot).
type diffOutput struct {
	diff    *diff.Diff
	data    []byte
	results [2]*result.Result
}

// diffAndRender compiles the rules, lints both sides and renders the
// report in memory; it prints nothing.
func diffAndRender(ctx context.Context, p *phase, streams IO, o *diffOptions, old, new diff.Side) (diffOutput, error) {
	go schema.Prefetch()
	eng, cfg, err := diffEngine(ctx, o, new)
	if err != nil {
		return diffOutput{}, err
	}
	if err := p.enter(ctx, "reading the configuration"); err != nil {
		return diffOutput{}, err
	}
	opts, err := diffLintOptions(eng, cfg, o)
	if err != nil {
		return diffOutput{}, err
	}
	opts.Phase = p.set
	note, own := oldConfig(o, old, new, cfg, eng.Rules)
	old.OwnConfig = own
	d, results, err := diff.Run(ctx, eng, old, new, opts)
	if te := timeoutExit(err); te != nil {
		return diffOutput{}, te
	}
	var cfgErr *lint.ConfigError
	if errors.As(err, &cfgErr) {
		return diffOutput{}, usageError("%s: %v", opts.Config.Path, cfgErr)
	}
	if err != nil {
		return diffOutput{}, diffError(err)
	}
	if err := checkSides([2]diff.Side{old, new}, results); err != nil {
		return diffOutput{}, err
	}
	d.Config = note
	if err := p.enter(ctx, "writing the report"); err != nil {
		return diffOutput{}, err
	}
	color := streams.IsTTY && o.output == "" && !o.noColor && os.Getenv("NO_COLOR") == ""
	data, err := renderDiff(d, o.format, diff.TextOptions{Color: color, AllDefaults: o.allDefaults}, results)
	if err != nil {
		return diffOutput{}, &ExitError{Code: ExitUsage, Err: err}
	}
	return diffOutput{diff: d, data: data, results: results}, nil
}

// diffEngine compiles the built-in rules and the custom ones of --rules
// and of the configuration NEW is linted with (or --config), which it
// returns too. Errors are exit 2.
func diffEngine(ctx context.Context, o *diffOptions, new diff.Side) (*engine.Engine, *config.Config, error) {
	cfg, err := loadConfig(o.config, new.Path)
	if err != nil {
		return nil, nil, &ExitError{Code: ExitUsage, Err: relabelText(err.Error(), new)}
	}
	dirs, err := o.custom.ruleFolders(cfg)
	if err != nil {
		return nil, nil, &ExitError{Code: ExitUsage, Err: err}
	}
	eng, err := engine.New(ctx, rules.FS, o.custom.engineOptions(cfg, dirs)...)
	if err != nil {
		return nil, nil, &ExitError{Code: ExitUsage, Err: err}
	}
	return eng, cfg, nil
}

// checkSides refuses a side with nothing to check (an absent side has
// nothing, by design) and a side whose rules failed.
func checkSides(sides [2]diff.Side, results [2]*result.Result) error {
	for i, s := range sides {
		if s.Absent {
			continue
		}
		if err := nothingToCheckAs(s.Path, results[i], s.Path == s.Label); err != nil {
			return relabel(err, s)
		}
		if len(results[i].RuleErrors) > 0 {
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %d rule(s) failed, their findings are missing: %w", finding.Visible(s.Label), len(results[i].RuleErrors), engine.RuleErrors(results[i].RuleErrors))}
		}
	}
	return nil
}

// diffLintOptions are the lint options of both sides: the configuration
// NEW would be linted with (or --config), its release and size limit.
func diffLintOptions(eng *engine.Engine, cfg *config.Config, o *diffOptions) (lint.Options, error) {
	if err := cfg.Check(lint.RuleInfos(eng.Rules)); err != nil {
		return lint.Options{}, &ExitError{Code: ExitUsage, Err: err}
	}
	rel, err := release.Select(o.release, cfg.Release, filepath.Base(cfg.Path))
	if err != nil {
		return lint.Options{}, usageError("--release: %v", err)
	}
	limit := o.maxSize.bytes
	if !o.maxSize.set && cfg.MaxFileSize.Bytes > 0 {
		limit = cfg.MaxFileSize.Bytes
	}
	return lint.Options{Roles: cfg.RoleOverrides(), Release: rel, Config: cfg, MaxFileSize: limit, MaxArchiveSize: o.maxArchive.bytes}, nil
}

// diffError is a side's error as exit 2, worded as lint words it.
func diffError(err error) error {
	var ee *ExitError
	if errors.As(err, &ee) {
		return err
	}
	var side *diff.SideError
	var inErr *lint.InputError
	switch {
	case errors.As(err, &inErr):
		return &ExitError{Code: ExitUsage, Err: err}
	case errors.As(err, &side):
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: cannot read snapshot: %s", side.Side.Label, side.Reason())}
	}
	return &ExitError{Code: ExitUsage, Err: err}
}

// relabel rewords an error naming a side's path with its label.
func relabel(err error, s diff.Side) error {
	var ee *ExitError
	if errors.As(err, &ee) && ee.Err != nil {
		return &ExitError{Code: ee.Code, Err: relabelText(ee.Err.Error(), s)}
	}
	return err
}

func relabelText(msg string, s diff.Side) error {
	if s.Path != s.Label {
		msg = strings.ReplaceAll(msg, s.Path, s.Label)
	}
	return errors.New(msg)
}

// renderDiff renders d in format, then redacts every secret either side
// knows from it (a second line of defence: the diff holds fingerprints
// only).
func renderDiff(d *diff.Diff, format string, text diff.TextOptions, results [2]*result.Result) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch format {
	case "json":
		err = diff.JSON(&b, d)
	case "markdown":
		err = diff.Markdown(&b, d)
	default:
		err = diff.Text(&b, d, text)
	}
	if err != nil {
		return nil, err
	}
	out := b.String()
	for _, r := range results {
		if r != nil && r.Deployment != nil {
			out = r.Deployment.Keys.Redact(out)
		}
	}
	return []byte(out), nil
}
