package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/stacklint/stacklint/internal/finding"
)

// maxWorkers bounds the shards evaluated at once.
const maxWorkers = 8

// shard is one prepared query over the rules of one category (the first
// part of their package: network, credentials, ...):
// {"<category>.<name>": report set} for each of its packages. Rules of a
// category share views (lib's and the category's virtual documents),
// which a query computes once for all its rules.
type shard struct {
	pkgs     []string
	prepared rego.PreparedEvalQuery
}

// workerCount is how many shards are evaluated at once: one per processor
// Go may run on (GOMAXPROCS), at most maxWorkers.
func workerCount() int {
	return max(1, min(runtime.GOMAXPROCS(0), maxWorkers))
}

// prepareShards makes one shard per category of the fleet-scoped rules,
// the categories with the most rules first (they are handed out first,
// which keeps the workers evenly busy), and one shard of every node-scoped
// rule (nil when there is none; with onePass, node-scoped rules go to their
// category's shard), and prepares their queries.
func prepareShards(ctx context.Context, c *ast.Compiler, rules []finding.Rule, onePass bool) (fleet []shard, node *shard, err error) {
	byCategory := map[string][]string{}
	var nodePkgs []string
	for _, r := range rules {
		if r.Scope == finding.ScopeNode && !onePass {
			nodePkgs = append(nodePkgs, r.Package)
			continue
		}
		cat, _, _ := strings.Cut(r.Package, ".")
		byCategory[cat] = append(byCategory[cat], r.Package)
	}
	for _, pkgs := range byCategory {
		fleet = append(fleet, shard{pkgs: pkgs})
	}
	sort.Slice(fleet, func(i, j int) bool {
		if len(fleet[i].pkgs) != len(fleet[j].pkgs) {
			return len(fleet[i].pkgs) > len(fleet[j].pkgs)
		}
		return fleet[i].pkgs[0] < fleet[j].pkgs[0]
	})
	if len(nodePkgs) > 0 {
		sort.Strings(nodePkgs)
		node = &shard{pkgs: nodePkgs}
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
	pq, err := rego.New(rego.Query(shardQuery(s.pkgs)), rego.Compiler(c), withBuiltins()).PrepareForEval(ctx)
	if err != nil {
		return fmt.Errorf("preparing rules: %w", err)
	}
	s.prepared = pq
	return nil
}

// shardQuery is the query collecting the report sets of pkgs.
func shardQuery(pkgs []string) string {
	parts := make([]string, len(pkgs))
	for i, p := range pkgs {
		parts[i] = fmt.Sprintf("%q: data.stacklint.rules.%s.report", p, p)
	}
	return "x := {" + strings.Join(parts, ", ") + "}"
}

// shardResult is what one shard's evaluation gave.
type shardResult struct {
	findings []finding.Finding
	err      error
}

// evalShards evaluates the fleet shards over the whole input and the node
// shard over each node's part of it (nodeParts; an ast.Value is not changed
// by evaluation, so parts share its terms), workerCount at a time, and
// returns the findings of all of them, unsorted; the node shard's findings
// are the union of its parts' (a finding several parts give is kept once,
// as one evaluation's report set holds it once). A query that fails is
// evaluated rule by rule (evalEach), so one broken rule hides nothing
// else; the errors of every shard are returned together, each once.
func (e *Engine) evalShards(ctx context.Context, input ast.Value) ([]finding.Finding, error) {
	type job struct {
		s     *shard
		input ast.Value
	}
	var jobs []job
	if doc, ok := input.(ast.Object); ok && e.node != nil {
		for _, p := range nodeParts(doc, e.nodesPerPart) {
			jobs = append(jobs, job{e.node, p.input})
		}
	}
	for i := range e.shards {
		jobs = append(jobs, job{&e.shards[i], input})
	}
	results := make([]shardResult, len(jobs))
	inParallel(len(jobs), func(i int) { results[i] = e.evalShard(ctx, jobs[i].s, jobs[i].input) })
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return mergeResults(results)
}

// inParallel calls fn(0..n-1), workerCount calls at a time.
func inParallel(n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range workerCount() {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
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
	rs, err := s.prepared.Eval(ctx, rego.EvalParsedInput(input))
	if ctx.Err() != nil {
		return shardResult{err: ctx.Err()}
	}
	if err != nil {
		fs, err := e.evalEach(ctx, input, s.pkgs)
		return shardResult{findings: fs, err: err}
	}
	if len(rs) == 0 {
		return shardResult{}
	}
	fs, err := e.findings(rs[0].Bindings["x"])
	return shardResult{findings: fs, err: err}
}
