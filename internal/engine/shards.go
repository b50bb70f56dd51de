package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// maxShards bounds the queries evaluated at once: each shard computes the
// shared views its rules use (lib's virtual documents) on its own, so
// shards beyond the processors only repeat work.
const maxShards = 8

// shard is one prepared query over a part of the rules:
// {"<category>.<name>": report set} for each of its packages.
type shard struct {
	pkgs     []string
	prepared rego.PreparedEvalQuery
}

// shardCount is how many shards a run uses: one per processor Go may run
// on (GOMAXPROCS), at most maxShards and at most one per rule.
func shardCount(rules int) int {
	return max(1, min(runtime.GOMAXPROCS(0), maxShards, rules))
}

// prepareShards deals the rules' packages (in the order given) round-robin
// into n shards and prepares one query for each.
func prepareShards(ctx context.Context, c *ast.Compiler, rules []Rule, n int) ([]shard, error) {
	out := make([]shard, n)
	for i, r := range rules {
		out[i%n].pkgs = append(out[i%n].pkgs, r.Package)
	}
	for i := range out {
		pq, err := rego.New(rego.Query(shardQuery(out[i].pkgs)), rego.Compiler(c)).PrepareForEval(ctx)
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
	findings []Finding
	err      error
}

// evalShards evaluates every shard in its own goroutine over the same
// input (an ast.Value is not changed by evaluation) and returns the
// findings of all of them, unsorted. A shard whose query fails is
// evaluated rule by rule (evalEach), so one broken rule hides nothing
// else; the errors of every shard are returned together.
func (e *Engine) evalShards(ctx context.Context, input ast.Value) ([]Finding, error) {
	results := make([]shardResult, len(e.shards))
	var wg sync.WaitGroup
	for i := range e.shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = e.evalShard(ctx, &e.shards[i], input)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []Finding
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
