package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// denied builtins: rules see only the model, never the network, the
// environment or the clock of the machine they run on.
var denied = []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122", "trace", "print"}

// Engine holds the compiled rules, ready to evaluate.
type Engine struct {
	Rules []Rule
	// Vocabulary is every word of the rules' string literals (message
	// templates): redaction leaves these alone (see vocabulary).
	Vocabulary []string
	compiler   *ast.Compiler
	shards     []shard
	byPkg      map[string]Rule
}

// Location is where a finding points.
type Location struct {
	Path    string `json:"path"`
	Node    string `json:"node,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Section string `json:"section,omitempty"`
	Key     string `json:"key,omitempty"`
}

// Finding is one result of one rule.
type Finding struct {
	Rule      string     `json:"rule"`
	Severity  string     `json:"severity"`
	Message   string     `json:"message"`
	Locations []Location `json:"locations"`
	// Fingerprint is set by lint.Run after redaction (see Fingerprint).
	Fingerprint string `json:"fingerprint,omitempty"`
	// Fleet is set by lint.Run for a finding on a node: the fingerprint of
	// the fault it shares with the same finding on the other nodes of the
	// node's role (rule, roles, path below the node, section, key, message
	// with the node's name set aside), the same whichever nodes hold it.
	// A folded finding's Fingerprint is its Fleet. Baselines match it; it
	// is not in the JSON output.
	Fleet string `json:"-"`
	// Suppressed is set when an ignore comment, the configuration or a
	// baseline accepts the finding: it is reported but does not count.
	Suppressed *Suppression `json:"suppressed,omitempty"`
}

// Suppression says who accepted a finding and why.
type Suppression struct {
	// Kind is "inSource" (a stacklint:ignore comment), "config" (an ignore
	// of .stacklint.yaml) or "baseline" (--baseline).
	Kind   string `json:"kind"`
	Reason string `json:"reason,omitempty"`
	// Path and Line locate the comment or configuration entry.
	Path string `json:"path,omitempty"`
	Line int    `json:"line,omitempty"`
}

// Capabilities are OPA's capabilities minus the denied builtins.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	keep := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if !isDenied(b.Name) {
			keep = append(keep, b)
		}
	}
	caps.Builtins = append(keep, builtins()...)
	return caps
}

func isDenied(name string) bool {
	for _, d := range denied {
		if name == d || strings.HasPrefix(name, d+".") {
			return true
		}
	}
	return false
}

// New compiles the rules of fsys once and prepares the evaluation; it
// returns ctx's error when ctx is already done.
func New(ctx context.Context, fsys fs.FS) (*Engine, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	mods, err := RuleModules(fsys)
	if err != nil {
		return nil, fmt.Errorf("loading rules: %w", err)
	}
	rules, err := Metadata(mods)
	if err != nil {
		return nil, fmt.Errorf("rule metadata: %w", err)
	}
	c := ast.NewCompiler().WithCapabilities(Capabilities())
	if c.Compile(mods); c.Failed() {
		return nil, fmt.Errorf("compiling rules: %w", c.Errors)
	}
	shards, err := prepareShards(ctx, c, rules)
	if err != nil {
		return nil, err
	}
	e := &Engine{Rules: rules, Vocabulary: vocabulary(mods), compiler: c, shards: shards, byPkg: map[string]Rule{}}
	for _, r := range rules {
		e.byPkg[r.Package] = r
	}
	return e, nil
}

// Eval evaluates every rule once over the model document, one query per
// category of rules, as many at once as there are processors. OPA stops
// when ctx is done; Eval then returns ctx's error. Findings are sorted
// (Sort), whatever the number of shards.
func (e *Engine) Eval(ctx context.Context, doc map[string]any) ([]Finding, error) {
	input, err := ToValue(doc)
	if err != nil {
		return nil, err
	}
	return e.EvalValue(ctx, input)
}

// EvalValue is Eval over the model document already converted (ToValue),
// so that the caller can drop the Go document before the evaluation.
func (e *Engine) EvalValue(ctx context.Context, input ast.Value) ([]Finding, error) {
	out, err := e.evalShards(ctx, input)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	out = e.yield(out)
	Sort(out)
	return out, err
}

// rawFinding is a finding as a rule's report set holds it.
type rawFinding struct {
	Message   string     `json:"message"`
	Locations []Location `json:"locations"`
	// Severity, when set, replaces the rule's own for this finding (a rule
	// whose case decides how bad it is: a deprecated file format still read,
	// or one the release ignores). It must be a known severity.
	Severity string `json:"severity"`
}

// findings turns {"<category>.<name>": report set} into findings.
func (e *Engine) findings(x any) ([]Finding, error) {
	raw, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	var byPkg map[string][]rawFinding
	if err := json.Unmarshal(raw, &byPkg); err != nil {
		return nil, fmt.Errorf("a rule returned a malformed finding: %w", err)
	}
	var out []Finding
	for pkg, fs := range byPkg {
		r, ok := e.byPkg[pkg]
		if !ok {
			continue
		}
		for _, f := range fs {
			sev := r.Severity
			if f.Severity != "" {
				if !validSeverity(f.Severity) {
					return nil, fmt.Errorf("%s returned severity %q, not one of %v", r.ID, f.Severity, Severities)
				}
				sev = f.Severity
			}
			out = append(out, Finding{Rule: r.ID, Severity: sev, Message: f.Message, Locations: f.Locations})
		}
	}
	return out, nil
}

// yield drops the findings of generic rules (custom.yields: the option
// schema's unknown, deprecated and invalid checks) whose primary location
// a specific rule already names, as its finding or a related location:
// one fault, one finding, and the specific rule explains it better.
func (e *Engine) yield(fs []Finding) []Finding {
	yields := map[string]bool{}
	for _, r := range e.Rules {
		if r.Yields {
			yields[r.ID] = true
		}
	}
	if len(yields) == 0 {
		return fs
	}
	named := map[[2]any]bool{}
	for _, f := range fs {
		if !yields[f.Rule] {
			for _, l := range f.Locations {
				named[[2]any{l.Path, l.Line}] = true
			}
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if yields[f.Rule] && len(f.Locations) > 0 && named[[2]any{f.Locations[0].Path, f.Locations[0].Line}] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// RuleErrors are rules that failed at evaluation (a conflict in a rule, for
// example); the findings of every other rule are still returned with them.
type RuleErrors []error

func (r RuleErrors) Error() string {
	msgs := make([]string, len(r))
	for i, e := range r {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// evalEach evaluates the rules of pkgs one by one after their shard's
// query failed, so that one broken rule does not hide the findings of the
// others. The findings are unsorted.
func (e *Engine) evalEach(ctx context.Context, input ast.Value, pkgs []string) ([]Finding, error) {
	var out []Finding
	var errs RuleErrors
	for _, p := range pkgs {
		r := e.byPkg[p]
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		q := fmt.Sprintf("x := {%q: data.stacklint.rules.%s.report}", r.Package, r.Package)
		rs, err := rego.New(rego.Query(q), rego.Compiler(e.compiler), rego.ParsedInput(input), withBuiltins()).Eval(ctx)
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s failed: %w", r.ID, err))
			continue
		}
		if len(rs) == 0 {
			continue
		}
		fs, err := e.findings(rs[0].Bindings["x"])
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", r.ID, err))
		}
		out = append(out, fs...)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// Sort orders findings by path, line, column, rule and message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		la, lb := first(a), first(b)
		switch {
		case la.Path != lb.Path:
			return la.Path < lb.Path
		case la.Line != lb.Line:
			return la.Line < lb.Line
		case la.Column != lb.Column:
			return la.Column < lb.Column
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

func first(f Finding) Location {
	if len(f.Locations) == 0 {
		return Location{}
	}
	return f.Locations[0]
}

// Rule returns the metadata of the rule with the given id.
func (e *Engine) Rule(id string) (Rule, bool) {
	for _, r := range e.Rules {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return Rule{}, false
}

// EvalRule evaluates one rule, by id, against an input of its own (the
// ignore checks run after the findings they judge are known).
func (e *Engine) EvalRule(ctx context.Context, id string, input map[string]any) ([]Finding, error) {
	for _, r := range e.Rules {
		if r.ID != id {
			continue
		}
		v, err := ast.InterfaceToValue(input)
		if err != nil {
			return nil, err
		}
		q := fmt.Sprintf("x := {%q: data.stacklint.rules.%s.report}", r.Package, r.Package)
		rs, err := rego.New(rego.Query(q), rego.Compiler(e.compiler), rego.ParsedInput(v), withBuiltins()).Eval(ctx)
		if err != nil || len(rs) == 0 {
			return nil, err
		}
		return e.findings(rs[0].Bindings["x"])
	}
	return nil, fmt.Errorf("no rule %s", id)
}
