package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/report"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/internal/safefile"
	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

type lintOptions struct {
	formats   []string // NAME or NAME=FILE each (parseOutputs)
	failLevel string
	noColor   bool
	verbose   bool
	config    string
	release   string
	// releaseGiven: --release was on the command line (an empty value
	// given is an error, not the configuration's or auto)
	releaseGiven bool
	version      string // the binary's, for SARIF
	output       string
	baseline     string
	writeBase    string
	maxSize      sizeFlag
	maxArchive   sizeFlag
	timeout      time.Duration
	progress     string // --progress: auto|always|never
	custom       customRules
}

func addLintFlags(cmd *cobra.Command, o *lintOptions) {
	f := cmd.Flags()
	f.StringArrayVarP(&o.formats, "format", "f", []string{"text"}, "output format: "+strings.Join(report.Formats(), "|")+"; NAME=FILE writes that format to FILE, and the flag repeats for several outputs in one run (--format text --format sarif=stacklint.sarif)")
	f.StringVar(&o.failLevel, "fail-level", "error", "exit 1 when a finding is at or above this level: error|warning|info|none")
	f.BoolVar(&o.noColor, "no-color", false, "never colour the text output")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "also list the files that were not read and the checks that had no input")
	f.StringVar(&o.release, "release", "", "OpenStack release to check against: "+strings.Join(release.Names(), "|")+", with SERVICE=RELEASE items for single services (auto,nova=2023.2) (default: the config file's, else auto)")
	f.StringVarP(&o.output, "output", "o", "", "write the report of the --format given without =FILE to this file instead of standard output")
	f.StringVar(&o.baseline, "baseline", "", "report the findings this baseline file holds as suppressed: fail only on new ones")
	f.StringVar(&o.writeBase, "write-baseline", "", "write the current findings to this baseline file and exit 0")
	f.StringVar(&o.config, "config", "", "configuration file, or \"none\" (default: "+config.FileName+" in PATH or a parent inside its git repository)")
	addTimeoutFlag(cmd, &o.timeout)
	addRulesFlag(cmd, &o.custom)
	addRuleTimeoutFlag(cmd, &o.custom)
	addProgressFlag(cmd, &o.progress)
	o.maxSize.bytes = safefile.DefaultLimit
	f.Var(&o.maxSize, "max-file-size", maxFileSizeUsage+" (default: max_file_size in the configuration, else 8MiB)")
	o.maxArchive.bytes = snapshot.DefaultArchiveBytes
	f.Var(&o.maxArchive, "max-archive-size", maxArchiveSizeUsage)
	completeLintFlags(cmd)
}

func newLintCommand(info BuildInfo, streams IO) *cobra.Command {
	o := &lintOptions{version: info.Version}
	cmd := &cobra.Command{
		Use:   "lint [flags] [PATH|FILE...]",
		Short: "Lint a deployment snapshot (the default command)",
		Long: "Lint the snapshot at PATH (default: the current directory). PATH is a folder with one\n" +
			"sub-folder per node (PATH/NODE/etc/...), a single node (PATH/etc/...), or an /etc itself;\n" +
			"a node may be a kolla-ansible or TripleO node (etc/kolla/<container>/,\n" +
			"var/lib/config-data/puppet-generated/) or a sos report, and a sos report archive\n" +
			"(.tar.xz, .tar.gz, .tgz, .tar) is read in place, as PATH or at its top.\n" +
			"Several PATHs are linted one after another (text and github formats). FILE arguments (as\n" +
			"pre-commit passes them) lint the snapshot each belongs to whole and report only the\n" +
			"findings with a location in the named files.",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.releaseGiven = cmd.Flags().Changed("release")
			return runLint(cmd.Context(), streams, o, args)
		},
	}
	addLintFlags(cmd, o)
	return cmd
}

func runLint(ctx context.Context, streams IO, o *lintOptions, args []string) error {
	if err := checkProgress(o.progress); err != nil {
		return err
	}
	ts, outs, err := checkLintArgs(o, args)
	if err != nil {
		return err
	}
	if err := newReporters(outs, o, streams.IsTTY); err != nil {
		return err
	}
	var last error
	for _, t := range ts {
		err := lintTarget(ctx, streams, o, outs, t, len(ts) > 1)
		var ee *ExitError
		if errors.As(err, &ee) && ee.Code == ExitFindings {
			last = err // the other snapshots are still linted
			continue
		}
		if err != nil {
			return err
		}
	}
	return last
}

// checkLintArgs checks the flags and turns the arguments into targets
// and the --format values into outputs.
func checkLintArgs(o *lintOptions, args []string) ([]target, []output, error) {
	switch o.failLevel {
	case "error", "warning", "info", "none":
	default:
		return nil, nil, usageError("--fail-level must be error, warning, info or none, not %s", finding.Sanitize(o.failLevel))
	}
	if o.releaseGiven && strings.TrimSpace(o.release) == "" {
		return nil, nil, usageError("--release is empty: give auto, a release or SERVICE=RELEASE items (auto,nova=2023.2)")
	}
	if err := release.Check(o.release); err != nil { // before the rules compile
		return nil, nil, usageError("--release: %v", err)
	}
	outs, err := parseOutputs(o.formats, o.output)
	if err != nil {
		return nil, nil, err
	}
	ts, err := targets(args)
	if err != nil {
		return nil, nil, err
	}
	why := oneSnapshot(outs)
	if o.writeBase != "" {
		why = "--write-baseline writes one snapshot's baseline"
	}
	if len(ts) > 1 && why != "" {
		return nil, nil, usageError("%d snapshots named (%s): %s; run once per snapshot", len(ts), targetList(ts), why)
	}
	return ts, outs, nil
}

func targetList(ts []target) string {
	roots := make([]string, len(ts))
	for i, t := range ts {
		roots[i] = t.root
	}
	return strings.Join(roots, ", ")
}

// lintTarget lints one snapshot and writes its report; the named files of
// t (file arguments) narrow what is reported. One of several: progress
// lines name the snapshot.
func lintTarget(ctx context.Context, streams IO, o *lintOptions, outs []output, t target, several bool) error {
	path := t.root
	p := newPhase("compiling the rules")
	if several {
		p.label = path
	}
	stop := startProgress(streams.Err, o.progress, streams.ErrIsTTY, p, progressDelay)
	out, err := watched(ctx, o.timeout, p, func(ctx context.Context, p *phase) (lintOutput, error) {
		return lintAndRender(ctx, p, outs, o, path, t.named)
	})
	stop()
	if err != nil {
		return err
	}
	res := out.res
	if err := nothingToCheck(path, res); err != nil {
		return err
	}
	if err := refuseSnapshotFiles(outs, res); err != nil {
		return err
	}
	if err := overwritesSnapshot("--write-baseline "+o.writeBase, o.writeBase, res); err != nil {
		return err
	}
	if o.verbose {
		explainInputs(streams, res)
	}
	if o.writeBase != "" {
		return writeBaseline(streams, o.writeBase, res)
	}
	if err := writeReports(streams, out.reports); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if len(t.named) > 0 {
		fmt.Fprint(streams.Err, namedNote(t.named, out.left))
	}
	if len(res.RuleErrors) > 0 {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%d rule(s) failed, their findings are missing: %w", len(res.RuleErrors), engine.RuleErrors(res.RuleErrors))}
	}
	if res.Fails(o.failLevel) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// lintOutput is a finished run and its rendered reports (none when a
// baseline is written instead).
type lintOutput struct {
	left    int // findings left out: no location in the named files
	res     *result.Result
	reports []rendered
}

// lintAndRender compiles the rules, lints path and renders the report in
// memory, telling p each phase as it starts; it prints nothing.
func lintAndRender(ctx context.Context, p *phase, outs []output, o *lintOptions, path string, named []string) (lintOutput, error) {
	go schema.Prefetch() // on another core while the rules compile
	gc := startGC()
	defer gc.done()
	cfg, err := loadConfig(o.config, path)
	if err != nil {
		return lintOutput{}, &ExitError{Code: ExitUsage, Err: err}
	}
	dirs, err := o.custom.ruleFolders(cfg)
	if err != nil {
		return lintOutput{}, &ExitError{Code: ExitUsage, Err: err}
	}
	eng, err := engine.Start(ctx, rules.FS, o.custom.engineOptions(cfg, dirs)...) // compiles while the snapshot is read
	if err != nil {
		return lintOutput{}, &ExitError{Code: ExitUsage, Err: err}
	}
	go func() {
		_ = eng.Ready() // its error is the run's, below
		gc.compiled()
	}()
	if err := p.enter(ctx, "reading the configuration"); err != nil {
		return lintOutput{}, err
	}
	res, err := runConfigured(ctx, eng, cfg, o, path, p.set, gc.evaluate)
	if cerr := eng.Ready(); cerr != nil && ctx.Err() == nil {
		return lintOutput{}, &ExitError{Code: ExitUsage, Err: cerr}
	}
	if err != nil {
		return lintOutput{}, err
	}
	res.Root = shownRoot(path) // the reports' paths open from here
	out := lintOutput{res: res}
	if o.writeBase != "" {
		return out, nil // a baseline holds every finding
	}
	out.left = reportNamed(res, path, named)
	if err := p.enter(ctx, "writing the report"); err != nil {
		return lintOutput{}, err
	}
	if out.reports, err = render(outs, res); err != nil {
		return lintOutput{}, err
	}
	return out, nil
}

// loadConfig finds and reads the configuration for a snapshot path.
func loadConfig(explicit, path string) (*config.Config, error) {
	p, err := config.Find(explicit, path)
	if err != nil {
		return nil, fmt.Errorf("cannot find config: %w", err)
	}
	return config.Load(p)
}

// runConfigured lints path with cfg, the configuration that applies to it;
// phase is told each phase of the run.
func runConfigured(ctx context.Context, eng *engine.Engine, cfg *config.Config, o *lintOptions, path string, phase func(string), evaluating func()) (*result.Result, error) {
	if err := cfg.Check(lint.RuleInfos(eng.Rules)); err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	rel, err := release.Select(o.release, cfg.Release, filepath.Base(cfg.Path))
	if err != nil {
		return nil, usageError("--release: %v", err)
	}
	var base *lint.Baseline
	if o.baseline != "" {
		if base, err = lint.LoadBaseline(o.baseline); err != nil {
			return nil, &ExitError{Code: ExitUsage, Err: err}
		}
	}
	limit := o.maxSize.bytes
	if !o.maxSize.set && cfg.MaxFileSize.Bytes > 0 {
		limit = cfg.MaxFileSize.Bytes
	}
	res, err := lint.Run(ctx, eng, path, lint.Options{Roles: cfg.RoleOverrides(), Release: rel, Config: cfg, Baseline: base, MaxFileSize: limit, MaxArchiveSize: o.maxArchive.bytes, Phase: phase, Evaluating: evaluating})
	var cfgErr *lint.ConfigError
	if errors.As(err, &cfgErr) {
		return nil, usageError("%s: %v", cfg.Path, err)
	}
	if err := timeoutExit(err); err != nil {
		return nil, err
	}
	var inErr *lint.InputError
	if errors.As(err, &inErr) {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: fmt.Errorf("cannot read snapshot: %w", err)}
	}
	return res, nil
}

// explainInputs lists, for --verbose, the files not read and the checks
// that had no input.
func explainInputs(streams IO, res *result.Result) {
	if res.Deployment != nil && res.Deployment.Snapshot != nil {
		for _, n := range res.Deployment.Snapshot.Nodes {
			fmt.Fprintf(streams.Err, "layout: %s: %s%s\n", finding.Visible(n.Name), n.Layout, containersNote(n.Containers))
		}
	}
	for _, p := range res.Ignored {
		fmt.Fprintf(streams.Err, "not read: %s\n", finding.Visible(report.ShownPath(res.Root, p)))
	}
	if !res.Release.Known() {
		fmt.Fprintf(streams.Err, "release: %s\n", res.Release.Why)
	}
	for _, e := range res.Releases {
		fmt.Fprintf(streams.Err, "release: %s %s on %s: %s\n", e.Service, e.Release, finding.Visible(nodeList(e.Nodes)), e.Why)
	}
	for _, r := range res.NoInput {
		fmt.Fprintf(streams.Err, "no input: %s %s (reads %s)\n", r.ID, r.Title, strings.Join(r.Inputs, ", "))
	}
}

// containersNote is ", N containers: a, b, ..." for a node in a container
// layout, "" for packages.
func containersNote(cs []snapshot.Container) string {
	if len(cs) == 0 {
		return ""
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return fmt.Sprintf(", %s: %s", plural(len(cs), "container"), finding.Visible(nodeList(names)))
}

// nodeList names up to five nodes and counts the rest.
func nodeList(nodes []string) string {
	if len(nodes) <= 5 {
		return strings.Join(nodes, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(nodes[:5], ", "), len(nodes)-5)
}

// writeBaseline writes the run's findings as a baseline and says so.
func writeBaseline(streams IO, path string, res *result.Result) error {
	var b bytes.Buffer
	if err := lint.WriteBaseline(&b, res); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if err := writeFile(path, b.Bytes()); err != nil {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--write-baseline: %w", err)}
	}
	n := 0 // what WriteBaseline wrote: the findings in force and those the old baseline accepted
	for _, f := range res.Findings {
		if f.Suppressed == nil || f.Suppressed.Kind == "baseline" {
			n++
		}
	}
	fmt.Fprintf(streams.Err, "wrote %s to %s\n", plural(n, "finding"), finding.Visible(path))
	return nil
}
