package engine

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/stacklint/stacklint/internal/finding"
)

// denied builtins: rules see only the model, never the network, the
// environment or the clock of the machine they run on.
var denied = []string{"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn", "uuid.rfc4122", "trace", "print"}

// Engine holds the compiled rules, ready to evaluate.
type Engine struct {
	Rules []finding.Rule
	// Vocabulary is every word of the rules' string literals (message
	// templates): redaction leaves these alone (see vocabulary).
	Vocabulary []string
	compiler   *ast.Compiler
	shards     []shard // the fleet-scoped rules, one shard per category
	node       *shard  // the node-scoped rules, evaluated on each part of the nodes
	// nodesPerPart is the NodesPerPart option (0: nodesPerPart decides).
	nodesPerPart int
	byPkg        map[string]finding.Rule
	ruleTimeout  time.Duration // how long a custom rule may take (RuleTimeout)
	heapBudget   uint64        // the least heap budget of a custom rule (0: userHeapBudget)
	ready        chan struct{} // closed when the compile has ended (Start)
	compileErr   error         // the compile's error, read after ready
}

// verifiedStages are the compiler's stages that only check the rules
// (types, conflicts, recursion, void and undefined calls, unsafe heads,
// imports): they neither rewrite a rule nor index one. They take about a
// quarter of compiling the catalog, which every run pays first; the
// embedded catalog passes all of them in the tests, which compile it with
// every stage (TestRegoUnitTests, TestCatalogPassesEveryCheck), so New
// skips them for it (the Verified option). The unsafe built-ins check is
// kept.
func verifiedStages() []ast.StageID {
	return []ast.StageID{
		ast.StageCheckUnusedImports, ast.StageCheckKeywordOverrides, ast.StageCheckDuplicateImports,
		ast.StageCheckVoidCalls, ast.StageCheckRuleConflicts, ast.StageCheckUndefinedFuncs,
		ast.StageCheckSafetyRuleHeads, ast.StageCheckRecursion, ast.StageCheckTypes, ast.StageCheckDeprecatedBuiltins,
	}
}

// Option changes how New prepares the rules.
type Option func(*options)

type options struct {
	verified     bool
	onePass      bool
	nodesPerPart int
	userDirs     []string      // UserRules
	ruleTimeout  time.Duration // RuleTimeout
	heapBudget   uint64        // withHeapBudget
}

// Verified says the rules passed every compiler check already (the
// embedded catalog: its tests compile it with every stage), so New skips
// the checks that only verify (verifiedStages), a quarter of compiling.
// Rules from anywhere else are compiled with every check.
func Verified() Option {
	return func(o *options) { o.verified = true }
}

// NodesPerPart makes the node pass evaluate the node-scoped rules on parts
// of n nodes each (n > 0; by default a fleet is cut into about 16 parts, so
// that each evaluation's fixed cost is shared by many nodes). With n = 1
// each node is evaluated alone: the test that proves the node-scoped rules
// are node-local uses it.
func NodesPerPart(n int) Option {
	return func(o *options) { o.nodesPerPart = max(n, 0) }
}

// OnePass evaluates every rule over the whole document, node-scoped ones
// too (as before the node pass): the tests that prove both passes give the
// same findings, and the scope planning aid, use it.
func OnePass() Option {
	return func(o *options) { o.onePass = true }
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
	keep = append(keep, builtins()...)
	caps.Builtins = keep
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
// returns ctx's error when ctx is already done. It is Start, then Ready.
func New(ctx context.Context, fsys fs.FS, opts ...Option) (*Engine, error) {
	e, err := Start(ctx, fsys, opts...)
	if err != nil {
		return nil, err
	}
	if err := e.Ready(); err != nil {
		return nil, err
	}
	return e, nil
}

// Start parses the rules of fsys and reads their METADATA (Rules and
// Vocabulary are set when it returns), then compiles them and prepares the
// evaluation on a goroutine of its own, so that a run reads and models its
// snapshot meanwhile: compiling the catalog is about 0.15 s of one
// processor, a 3-node snapshot's reading and model about a third of that.
// Errors of parsing and METADATA are returned; compile errors are Ready's.
func Start(ctx context.Context, fsys fs.FS, opts ...Option) (*Engine, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
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
	if len(o.userDirs) > 0 {
		if rules, err = addUserRules(mods, rules, o.userDirs); err != nil {
			return nil, err
		}
		o.verified = false // custom rules pass every check
	}
	e := &Engine{Rules: rules, Vocabulary: vocabulary(mods), nodesPerPart: o.nodesPerPart, byPkg: map[string]finding.Rule{}, ready: make(chan struct{}),
		ruleTimeout: cmp.Or(o.ruleTimeout, DefaultRuleTimeout), heapBudget: o.heapBudget}
	for _, r := range rules {
		e.byPkg[r.Package] = r
	}
	go func() {
		defer close(e.ready)
		e.compileErr = e.compile(ctx, mods, o)
	}()
	return e, nil
}

// compile compiles mods and prepares the passes' queries.
func (e *Engine) compile(ctx context.Context, mods map[string]*ast.Module, o options) error {
	c := ast.NewCompiler().WithCapabilities(Capabilities())
	if o.verified {
		c = c.WithSkipStages(verifiedStages()...)
	}
	if c.Compile(mods); c.Failed() {
		if len(o.userDirs) > 0 {
			return customCompileProblems(c.Errors)
		}
		return fmt.Errorf("compiling rules: %w", c.Errors)
	}
	shards, node, err := prepareShards(ctx, c, e.Rules, o.onePass)
	if err != nil {
		return err
	}
	e.compiler, e.shards, e.node = c, shards, node
	return nil
}

// Ready waits until Start's compile has ended and returns its error (the
// rules failed to compile, or ctx was done while preparing them). Every
// evaluation calls it first.
func (e *Engine) Ready() error {
	<-e.ready
	return e.compileErr
}

// Eval is EvalDoc over a copy of doc, which it leaves as it is.
func (e *Engine) Eval(ctx context.Context, doc map[string]any) ([]finding.Finding, error) {
	return e.EvalDoc(ctx, cloneDoc(doc).(map[string]any))
}

// cloneDoc copies a model document's maps and slices.
func cloneDoc(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = cloneDoc(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = cloneDoc(x)
		}
		return out
	}
	return v
}

// rawFinding is a finding as a rule's report set holds it.
type rawFinding struct {
	Message   string             `json:"message"`
	Locations []finding.Location `json:"locations"`
	// Severity, when set, replaces the rule's own for this finding (a rule
	// whose case decides how bad it is: a deprecated file format still read,
	// or one the release ignores). It must be a known severity.
	Severity string `json:"severity"`
}

// findings turns {"<category>.<name>": report set} (Go values, or a term
// from keepTerm) into findings.
func (e *Engine) findings(x any) ([]finding.Finding, error) {
	if t, ok := x.(*ast.Term); ok {
		v, err := ast.JSON(t.Value)
		if err != nil {
			return nil, err
		}
		x = v
	}
	raw, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	var byPkg map[string][]json.RawMessage
	if err := json.Unmarshal(raw, &byPkg); err != nil {
		return nil, fmt.Errorf("a rule returned a malformed report: %w", err)
	}
	var out []finding.Finding
	for pkg, elems := range byPkg {
		r, ok := e.byPkg[pkg]
		if !ok {
			continue
		}
		for _, elem := range elems {
			var f rawFinding
			var has struct{ Message *string }
			if json.Unmarshal(elem, &f) != nil || json.Unmarshal(elem, &has) != nil || has.Message == nil {
				return nil, fmt.Errorf("%s (%s) returned a finding that is not {\"message\": string, \"locations\": [{\"path\", \"line\", ...}], \"severity\"?}", r.ID, r.File)
			}
			sev := r.Severity
			if f.Severity != "" {
				if !finding.KnownSeverity(f.Severity) {
					return nil, fmt.Errorf("%s (%s) returned severity %q, not one of %v", r.ID, r.File, f.Severity, finding.Severities())
				}
				sev = f.Severity
			}
			out = append(out, finding.Finding{Rule: r.ID, Severity: sev, Message: f.Message, Locations: f.Locations})
		}
	}
	return out, nil
}

// yield drops the findings of generic rules (custom.yields: the option
// schema's unknown, deprecated and invalid checks) whose primary location
// a specific rule already names, as its finding or a related location:
// one fault, one finding, and the specific rule explains it better.
func (e *Engine) yield(fs []finding.Finding) []finding.Finding {
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

// evalEach evaluates the rules of shard s one by one after its query
// failed, so that one broken rule does not hide the findings (or the
// aggregate records) of the others. The findings are unsorted.
func (e *Engine) evalEach(ctx context.Context, input ast.Value, s *shard) shardResult {
	var out shardResult
	var errs RuleErrors
	one := func(id string, q *shard) {
		if ctx.Err() != nil {
			return
		}
		rs, err := rego.New(rego.Query(q.query()), rego.Compiler(e.compiler), rego.ParsedInput(input), rego.GenerateJSON(keepTerm), withBuiltins()).Eval(ctx)
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s failed: %w", id, err))
			return
		}
		if len(rs) == 0 {
			return
		}
		fs, err := e.findings(rs[0].Bindings["x"])
		if err != nil {
			errs = append(errs, fmt.Errorf("rule %s: %w", id, err))
		}
		out.findings = append(out.findings, fs...)
		for pkg, recs := range records(rs[0].Bindings["y"]) {
			if out.records == nil {
				out.records = map[string][]*ast.Term{}
			}
			out.records[pkg] = append(out.records[pkg], recs...)
		}
	}
	for _, p := range s.pkgs {
		one(e.byPkg[p].ID, &shard{pkgs: []string{p}, withAggregates: s.withAggregates})
	}
	for _, p := range s.aggs {
		one(e.byPkg[p].ID, &shard{aggs: []string{p}})
	}
	if err := ctx.Err(); err != nil {
		return shardResult{err: err}
	}
	if len(errs) > 0 {
		out.err = errs
	}
	return out
}

// Rule returns the metadata of the rule with the given id.
func (e *Engine) Rule(id string) (finding.Rule, bool) {
	for _, r := range e.Rules {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return finding.Rule{}, false
}

// EvalRule evaluates one rule, by id, against an input of its own (the
// ignore checks run after the findings they judge are known).
func (e *Engine) EvalRule(ctx context.Context, id string, input map[string]any) ([]finding.Finding, error) {
	if err := e.Ready(); err != nil {
		return nil, err
	}
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
