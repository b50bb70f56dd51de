package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/parallel"
)

// maxWorkers bounds the shards evaluated at once.
const maxWorkers = 8

// shard is one prepared query: {"<category>.<name>": report set} for each
// of its report packages (x) and, in the node pass, {"<category>.<name>":
// aggregate set} for each of its aggregate packages (y). The fleet pass has
// one shard per category of fleet-scoped rules (rules of a category share
// views: lib's and the category's virtual documents, which a query
// computes once for all its rules) and one per aggregate-scoped rule, whose
// report reads the aggregate the node pass collected (withAggregates) and
// shares little with its category's (a query per category left the
// endpoints category alone 11.8 s of a 10,000-node fleet pass on one worker;
// per rule: 64 -> 60 s wall, 3 nodes and 1,000 nodes unchanged).
type shard struct {
	pkgs           []string // packages whose report the query collects
	aggs           []string // packages whose aggregate the query collects (the node pass)
	withAggregates bool     // each report with its aggregate replaced by input.aggregates[pkg]
	// user: the shard is one custom rule's, evaluated over the whole
	// document (any scope, as OnePass) under the rule time limit.
	user     bool
	prepared rego.PreparedEvalQuery
}

// workerCount is how many shards are evaluated at once: one per processor
// Go may run on (GOMAXPROCS), at most maxWorkers.
func workerCount() int {
	return max(1, min(runtime.GOMAXPROCS(0), maxWorkers))
}

// prepareShards makes the fleet pass's shards (one per category of
// fleet-scoped rules, one per aggregate-scoped rule, those with the most
// rules first: they are handed out first, which keeps the workers evenly
// busy) and the node pass's shard (every
// node-scoped rule's report and every aggregate-scoped rule's aggregate;
// nil when there is none), and prepares their queries. With onePass every
// rule goes to its category's fleet shard, evaluated over the whole
// document (an aggregate-scoped rule then computes its aggregate there).
func prepareShards(ctx context.Context, c *ast.Compiler, rules []finding.Rule, onePass bool) (fleet []shard, node *shard, err error) {
	byCategory := map[string]*shard{}
	nodeShard := &shard{}
	for _, r := range rules {
		scope := r.Scope
		if r.Source != "" {
			byCategory["user:"+r.Package] = &shard{pkgs: []string{r.Package}, user: true}
			continue
		}
		if onePass {
			scope = finding.ScopeFleet
		}
		switch scope {
		case finding.ScopeNode:
			nodeShard.pkgs = append(nodeShard.pkgs, r.Package)
			continue
		case finding.ScopeAggregate:
			nodeShard.aggs = append(nodeShard.aggs, r.Package)
		}
		cat, _, _ := strings.Cut(r.Package, ".")
		key := cat + "/" + scope
		if scope == finding.ScopeAggregate {
			key = r.Package // a report reads its own records: nothing to share
		}
		if byCategory[key] == nil {
			byCategory[key] = &shard{withAggregates: scope == finding.ScopeAggregate}
		}
		byCategory[key].pkgs = append(byCategory[key].pkgs, r.Package)
	}
	for _, s := range byCategory {
		fleet = append(fleet, *s)
	}
	sort.Slice(fleet, func(i, j int) bool {
		if len(fleet[i].pkgs) != len(fleet[j].pkgs) {
			return len(fleet[i].pkgs) > len(fleet[j].pkgs)
		}
		return fleet[i].pkgs[0] < fleet[j].pkgs[0]
	})
	if len(nodeShard.pkgs)+len(nodeShard.aggs) > 0 {
		sort.Strings(nodeShard.pkgs)
		sort.Strings(nodeShard.aggs)
		node = nodeShard
		if err := node.prepare(ctx, c); err != nil {
			return nil, nil, err
		}
	}
	for i := range fleet {
		if err := fleet[i].prepare(ctx, c); err != nil {
			return nil, nil, err
		}
	}
	return fleet, node, nil
}

// prepare compiles the shard's query.
func (s *shard) prepare(ctx context.Context, c *ast.Compiler) error {
	pq, err := rego.New(rego.Query(s.query()), rego.Compiler(c), withBuiltins()).PrepareForEval(ctx)
	if err != nil {
		return fmt.Errorf("preparing rules: %w", err)
	}
	s.prepared = pq
	return nil
}

// query is the shard's query: x collects the report sets of pkgs, y the
// aggregate sets of aggs (when there are any). With withAggregates each
// report is its own expression (`with` modifies an expression), bound to
// r<i>.
func (s *shard) query() string {
	var exprs []string
	reports := make([]string, len(s.pkgs))
	for i, p := range s.pkgs {
		ref := fmt.Sprintf("data.stacklint.rules.%s.report", p)
		if s.withAggregates {
			exprs = append(exprs, fmt.Sprintf("r%d := %s with data.stacklint.rules.%s.aggregate as input.aggregates[%q]", i, ref, p, p))
			ref = fmt.Sprintf("r%d", i)
		}
		reports[i] = fmt.Sprintf("%q: %s", p, ref)
	}
	exprs = append(exprs, "x := {"+strings.Join(reports, ", ")+"}")
	if len(s.aggs) > 0 {
		aggs := make([]string, len(s.aggs))
		for i, p := range s.aggs {
			aggs[i] = fmt.Sprintf("%q: data.stacklint.rules.%s.aggregate", p, p)
		}
		exprs = append(exprs, "y := {"+strings.Join(aggs, ", ")+"}")
	}
	return strings.Join(exprs, "; ")
}

// shardResult is what one shard's evaluation gave: findings, and the
// aggregate records by package (the node pass).
type shardResult struct {
	findings []finding.Finding
	records  map[string][]*ast.Term
	err      error
}

// inParallel calls fn(0..n-1), workerCount calls at a time.
func inParallel(n int, fn func(i int)) {
	parallel.For(n, workerCount(), fn)
}

// mergeResults joins the shards' findings, each distinct finding once, and
// their errors, each distinct error once.
func mergeResults(results []shardResult) ([]finding.Finding, error) {
	var out []finding.Finding
	seen := map[string]bool{}
	var errs RuleErrors
	seenErr := map[string]bool{}
	addErr := func(err error) {
		if !seenErr[err.Error()] {
			seenErr[err.Error()] = true
			errs = append(errs, err)
		}
	}
	for _, r := range results {
		for _, f := range r.findings {
			if k := findingKey(f); !seen[k] {
				seen[k] = true
				out = append(out, f)
			}
		}
		var each RuleErrors
		switch {
		case r.err == nil:
		case errors.As(r.err, &each):
			for _, err := range each {
				addErr(err)
			}
		default:
			addErr(r.err)
		}
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// findingKey identifies a finding as a report set does: its rule, severity,
// message and locations.
func findingKey(f finding.Finding) string {
	b, _ := json.Marshal([]any{f.Rule, f.Severity, f.Message, f.Locations})
	return string(b)
}

// evalShard evaluates one shard's query, or its rules one by one when the
// query fails.
func (e *Engine) evalShard(ctx context.Context, s *shard, input ast.Value) shardResult {
	if s.user {
		return e.userDeadline(ctx, s, func(ctx context.Context) shardResult { return e.evalQuery(ctx, s, input) })
	}
	return e.evalQuery(ctx, s, input)
}

// evalQuery is evalShard without the custom rules' time limit.
func (e *Engine) evalQuery(ctx context.Context, s *shard, input ast.Value) shardResult {
	rs, err := s.prepared.Eval(ctx, rego.EvalParsedInput(input), rego.EvalGenerateJSON(keepTerm))
	if ctx.Err() != nil {
		return shardResult{err: ctx.Err()}
	}
	if err != nil {
		return e.evalEach(ctx, input, s)
	}
	if len(rs) == 0 {
		return shardResult{}
	}
	fs, err := e.findings(rs[0].Bindings["x"])
	return shardResult{findings: fs, records: records(rs[0].Bindings["y"]), err: err}
}

// keepTerm hands a query's result over as the term itself
// (rego.EvalGenerateJSON): records go back into OPA unconverted.
func keepTerm(t *ast.Term, _ *rego.EvalContext) (any, error) {
	return t, nil
}
