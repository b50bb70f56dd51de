// Package lint runs stacklint over a snapshot: discover, build the model,
// evaluate the rules once, redact and sort the findings.
package lint

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// Options adjust a run.
type Options struct {
	// Roles sets the roles of nodes by name instead of inferring them.
	Roles map[string][]string
	// Release is the OpenStack release release-aware checks assume.
	Release release.Choice
	// Config holds the rule levels, parameters, ignored paths, ignores and
	// node addresses of .stacklint.yaml (nil: none).
	Config *config.Config
	// Baseline holds the findings a team has accepted (nil: none).
	Baseline *Baseline
	// MaxFileSize is the size limit of a snapshot file in bytes (0: the
	// default, 8 MiB); a larger file is a finding (SL-SNAP-003).
	MaxFileSize int64
	// MaxArchiveSize bounds the bytes an archive (a sos report's .tar.xz)
	// may decompress to (0: snapshot.DefaultArchiveBytes, 2 GiB); a larger
	// one is a finding and is not read.
	MaxArchiveSize int64
	// Phase, when set, is told the name of each phase of the run as it
	// starts ("discovering files", "parsing files and building the model",
	// "evaluating the rules", "applying ignores and the baseline"), so a
	// caller whose deadline strikes can say where.
	Phase func(name string)
	// Evaluating, when set, is called once the model is built, just before
	// the rules evaluate (the command sets the collector's target there
	// from the heap the model left).
	Evaluating func()
	// Snapshot, when set, is the snapshot at path already discovered (diff
	// discovers both sides first to key them alike); nil: Run discovers it.
	Snapshot *snapshot.Snapshot
	// Key, when set, keys the fingerprints instead of the snapshot's own
	// digest (model.Options.Key).
	Key []byte
	// Built, when set, is called once the model is built, before the rules
	// evaluate, with the deployment and the releases picked for it (diff
	// reads the values in effect there: Settings).
	Built func(d *model.Deployment, picked *model.Releases)
	// AllowMissingNodes leaves out the roles and addresses the
	// configuration sets for nodes the snapshot lacks instead of failing
	// (diff: one configuration for two snapshots, a node added or removed).
	AllowMissingNodes bool
	// KeepOff keeps the findings the configuration drops (rules turned
	// off, ignore_paths) as suppressed ones (Kind "config") instead of
	// dropping them, so that diff sees what a configuration switches off.
	KeepOff bool
}

// enter starts a phase: it fails with ctx's error when ctx is done.
func (o Options) enter(ctx context.Context, phase string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if o.Phase != nil {
		o.Phase(phase)
	}
	return nil
}

// evaluate runs the rules over d's document, which the engine empties
// while converting it for OPA part by part (the Go document is not kept
// beside its copy). Rules that failed are returned apart from the error of
// the run. before, when set, is called first (Options.Evaluating).
func evaluate(ctx context.Context, eng *engine.Engine, d *model.Deployment, before func()) ([]finding.Finding, engine.RuleErrors, error) {
	if before != nil {
		before()
	}
	doc := d.Doc
	d.Doc = nil
	findings, err := eng.EvalDoc(ctx, doc)
	var ruleErrs engine.RuleErrors
	if err != nil && !errors.As(err, &ruleErrs) {
		return nil, nil, err
	}
	return findings, ruleErrs, nil
}

// countFiles is the number of files read from the snapshot.
func countFiles(s *snapshot.Snapshot) int {
	n := len(s.Loose)
	for _, node := range s.Nodes {
		n += len(node.Files)
	}
	return n
}

// InputError is bad input that is not a snapshot file's problem: an ignore
// comment without a reason or naming an unknown rule. It names the file
// and line; the run stops with exit 2.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

// prepared is a snapshot read and modelled, its document complete as the
// rules receive it (release, params and defaults added), before evaluation.
type prepared struct {
	snap   *snapshot.Snapshot
	d      *model.Deployment
	cfg    *config.Config
	choice release.Choice
	listed []result.ServiceRelease
}

// prepare discovers the snapshot at path, builds its model and completes
// the document with what lint adds: "release", "params" (eng's rules'
// parameters, overridden by opts.Config) and "defaults".
func prepare(ctx context.Context, eng *engine.Engine, path string, opts Options) (*prepared, error) {
	if err := opts.enter(ctx, "discovering files"); err != nil {
		return nil, err
	}
	snap, cfg, err := discover(path, opts)
	if err != nil {
		return nil, err
	}
	roles, addrs, err := nodeSettings(snap, cfg, opts)
	if err != nil {
		return nil, err
	}
	if err := opts.enter(ctx, fmt.Sprintf("parsing %d files of %d nodes and building the model", countFiles(snap), len(snap.Nodes))); err != nil {
		return nil, err
	}
	var picked *model.Releases
	p := &prepared{snap: snap, cfg: cfg, choice: opts.Release}
	p.d, err = model.BuildContext(ctx, snap, model.Options{Roles: roles, Addresses: addrs, Key: opts.Key, Releases: func(files []*model.Loaded) *model.Releases {
		r, l := pickReleases(&p.choice, files)
		p.listed, picked = l, r
		return r
	}})
	if err != nil {
		return nil, err
	}
	if opts.Built != nil {
		opts.Built(p.d, picked)
	}
	snap.Forget() // parsed: the raw bytes are not needed any more
	p.d.Keys.Public(eng.Vocabulary...)
	p.d.Doc["release"] = p.choice.Doc()
	p.d.Doc["params"] = params(eng.Rules, p.cfg)
	p.d.Doc["defaults"] = optionDefaults(eng.Rules, picked)
	return p, nil
}

// Run lints the snapshot at path with the compiled rules. When ctx is done
// it stops at the next phase (or inside the rule evaluation) and returns
// ctx's error.
func Run(ctx context.Context, eng *engine.Engine, path string, opts Options) (*result.Result, error) {
	p, err := prepare(ctx, eng, path, opts)
	if err != nil {
		return nil, err
	}
	snap, d, cfg, choice, listed := p.snap, p.d, p.cfg, p.choice, p.listed
	if err := opts.enter(ctx, fmt.Sprintf("evaluating %d rules on %d nodes", len(eng.Rules), len(snap.Nodes))); err != nil {
		return nil, err
	}
	nodeRoles := d.Roles()
	findings, ruleErrs, err := evaluate(ctx, eng, d, opts.Evaluating)
	if err != nil {
		return nil, err
	}
	restorePaths(findings, snap)
	if err := checkCustomLocations(findings, eng, snap); err != nil {
		return nil, err
	}
	for i := range findings {
		findings[i].Message = finding.Sanitize(d.Keys.Redact(findings[i].Message))
		findings[i].Fingerprint = finding.Fingerprint(findings[i])
	}
	if err := opts.enter(ctx, "applying ignores and the baseline"); err != nil {
		return nil, err
	}
	var off []finding.Finding
	if opts.KeepOff {
		findings, off = setAsideOff(findings, eng.Rules, cfg)
	}
	findings, err = suppressAll(ctx, eng, d.Files, cfg, findings)
	if err != nil {
		return nil, err
	}
	sanitizeReasons(findings)
	findings = foldConsequences(findings)
	unfolded := slices.Clone(findings)
	findings, from := foldFleet(findings, fleetFacts{roles: nodeRoles, written: writtenValues(d.Files)})
	opts.Baseline.apply(findings, from)
	findings = append(findings, off...) // unfolded: diff matches them one by one
	for i, e := range ruleErrs {
		ruleErrs[i] = errors.New(finding.Sanitize(d.Keys.Redact(e.Error())))
	}
	finding.Sort(findings)
	return &result.Result{
		Root: path, Rules: eng.Rules,
		Findings: findings, Nodes: len(snap.Nodes), Files: len(d.Files), Ignored: snap.Ignored, Deployment: d,
		RuleErrors: ruleErrs, NoInput: withoutInput(eng.Rules, d.Files), Release: choice, Releases: listed, Config: cfg.Path,
		Roles: nodeRoles, Unfolded: unfolded, Notes: runNotes(snap, d.Files),
	}, nil
}

// discover is the snapshot at path (opts.Snapshot when set) and the
// configuration (an empty one when opts has none).
func discover(path string, opts Options) (*snapshot.Snapshot, *config.Config, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = &config.Config{}
	}
	if opts.Snapshot != nil {
		return opts.Snapshot, cfg, nil
	}
	snap, err := snapshot.DiscoverWith(path, snapshot.Options{MaxFileSize: opts.MaxFileSize, ArchiveBytes: opts.MaxArchiveSize})
	return snap, cfg, err
}

// nodeSettings are the roles and addresses set for nodes of snap (a
// ConfigError when they name a node snap lacks, unless
// opts.AllowMissingNodes: then those are left out).
func nodeSettings(snap *snapshot.Snapshot, cfg *config.Config, opts Options) (roles, addrs map[string][]string, err error) {
	roles, addrs = opts.Roles, cfg.AddressOverrides()
	if opts.AllowMissingNodes {
		roles, addrs = presentNodes(snap, roles), presentNodes(snap, addrs)
	}
	if err := knownNodes(snap, roles); err != nil {
		return nil, nil, err
	}
	if err := knownNodes(snap, addrs); err != nil {
		return nil, nil, err
	}
	return roles, addrs, nil
}

// withoutInput lists the rules that read none of the kinds of files present:
// they said nothing because they had nothing to read.
func withoutInput(rules []finding.Rule, files []*model.Loaded) []finding.Rule {
	kinds := map[string]bool{}
	for _, f := range files {
		kinds[f.Kind] = true
	}
	var out []finding.Rule
	for _, r := range rules {
		if len(r.Inputs) > 0 && !slices.ContainsFunc(r.Inputs, func(in string) bool { return snapshot.Present(in, kinds) }) {
			out = append(out, r)
		}
	}
	return out
}

// knownNodes fails when roles name a node the snapshot does not have: a
// misspelt node name would otherwise leave inference silently in force.
func knownNodes(snap *snapshot.Snapshot, roles map[string][]string) error {
	have := map[string]bool{}
	for _, n := range snap.Nodes {
		have[n.Name] = true
	}
	var missing []string
	for n := range roles {
		if !have[n] {
			missing = append(missing, n)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	sort.Strings(missing)
	return &ConfigError{Msg: fmt.Sprintf("nodes: %s is not a node of the snapshot", strings.Join(missing, ", "))}
}

// presentNodes is m without the nodes snap does not have.
func presentNodes(snap *snapshot.Snapshot, m map[string][]string) map[string][]string {
	if m == nil {
		return nil
	}
	have := map[string]bool{}
	for _, n := range snap.Nodes {
		have[n.Name] = true
	}
	out := map[string][]string{}
	for n, v := range m {
		if have[n] {
			out[n] = v
		}
	}
	return out
}

// ConfigError is a configuration that does not fit the snapshot.
type ConfigError struct{ Msg string }

func (e *ConfigError) Error() string { return e.Msg }

// params is the document's "params": every rule's parameters, defaults
// overridden by the configuration.
func params(rules []finding.Rule, cfg *config.Config) map[string]any {
	out := map[string]any{}
	for _, r := range rules {
		if len(r.Params) > 0 {
			out[r.ID] = cfg.ParamsFor(config.RuleInfo{ID: r.ID, Params: r.Params})
		}
	}
	return out
}

// suppressAll applies the configuration and the ignore comments, and adds
// a finding for every ignore that matched nothing (the baseline applies
// to findings once folded: Run).
func suppressAll(ctx context.Context, eng *engine.Engine, files []*model.Loaded, cfg *config.Config, findings []finding.Finding) ([]finding.Finding, error) {
	known := map[string]bool{}
	for _, r := range eng.Rules {
		known[r.ID] = true
	}
	ignores, err := collectIgnores(files, cfg, known)
	if err != nil {
		return nil, &InputError{Msg: err.Error()}
	}
	findings = applyConfig(findings, eng.Rules, cfg, ignores)
	if unused := unusedIgnores(ignores); len(unused) > 0 {
		extra, err := eng.EvalRule(ctx, UnusedIgnoreRule, map[string]any{"unused_ignores": unused})
		if err != nil {
			return nil, err
		}
		for i := range extra {
			extra[i].Message = finding.Sanitize(extra[i].Message)
			extra[i].Fingerprint = finding.Fingerprint(extra[i])
		}
		findings = append(findings, applyConfig(extra, eng.Rules, cfg, nil)...)
	}
	return findings, nil
}
