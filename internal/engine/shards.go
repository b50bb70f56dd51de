package engine

import (
	"context"
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

// prepareShards makes one shard per category of rules, the categories
// with the most rules first (they are handed out first, which keeps the
// workers evenly busy), and prepares their queries.
func prepareShards(ctx context.Context, c *ast.Compiler, rules []finding.Rule) ([]shard, error) {
	byCategory := map[string][]string{}
	for _, r := range rules {
		cat, _, _ := strings.Cut(r.Package, ".")
		byCategory[cat] = append(byCategory[cat], r.Package)
	}
	out := make([]shard, 0, len(byCategory))
	for _, pkgs := range byCategory {
		out = append(out, shard{pkgs: pkgs})
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].pkgs) != len(out[j].pkgs) {
			return len(out[i].pkgs) > len(out[j].pkgs)
		}
		return out[i].pkgs[0] < out[j].pkgs[0]
	})
	for i := range out {
		pq, err := rego.New(rego.Query(shardQuery(out[i].pkgs)), rego.Compiler(c), withBuiltins()).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("preparing rules: %w", err)
		}
		out[i].prepared = pq
	}
	return out, nil
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

// evalShards evaluates the shards over the same input (an ast.Value is
// not changed by evaluation), workerCount at a time, and returns the
// findings of all of them, unsorted. A shard whose query fails is
// evaluated rule by rule (evalEach), so one broken rule hides nothing
// else; the errors of every shard are returned together.
func (e *Engine) evalShards(ctx context.Context, input ast.Value) ([]finding.Finding, error) {
	results := make([]shardResult, len(e.shards))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workerCount() {
		wg.Go(func() {
			for i := range next {
				results[i] = e.evalShard(ctx, &e.shards[i], input)
			}
		})
	}
	for i := range e.shards {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []finding.Finding
	var errs RuleErrors
	for _, r := range results {
		out = append(out, r.findings...)
		var each RuleErrors
		switch {
		case r.err == nil:
		case errors.As(r.err, &each):
			errs = append(errs, each...)
		default:
			errs = append(errs, r.err)
		}
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
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
