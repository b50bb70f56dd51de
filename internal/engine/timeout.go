package engine

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime/metrics"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

// DefaultRuleTimeout is how long one custom rule may evaluate
// (--rule-timeout, rule_timeout in .stacklint.yaml).
const DefaultRuleTimeout = 10 * time.Second

// userHeapBudget is how much the heap may grow while one custom rule
// evaluates (1 GiB, or four times the live heap it started from when that
// is more: the collector may let garbage grow that much). OPA checks for
// cancellation between steps, and inside numbers.range at each number, but
// a step may allocate faster than a time limit alone can bound:
// numbers.range(1, 1e9) holds about 300 MB per second.
const userHeapBudget uint64 = 1 << 30

// heapPoll is how often the heap is read while a custom rule evaluates.
const heapPoll = 10 * time.Millisecond

// RuleTimeout bounds each custom rule's evaluation to d (d <= 0: the
// default, DefaultRuleTimeout). The built-in rules have no such bound.
func RuleTimeout(d time.Duration) Option {
	return func(o *options) { o.ruleTimeout = max(d, 0) }
}

// withHeapBudget sets the least heap budget of a custom rule (tests).
func withHeapBudget(n uint64) Option {
	return func(o *options) { o.heapBudget = n }
}

// TimeoutError is a custom rule that did not finish within its time
// limit, or grew the heap past its budget: the run stops (exit 2) rather
// than report without it.
type TimeoutError struct {
	ID, File string
	Limit    time.Duration
	// Memory is set when the heap budget, not the time limit, struck.
	Memory uint64
}

func (e *TimeoutError) Error() string {
	if e.Memory > 0 {
		return fmt.Sprintf("custom rule %s (%s) used more than %d MiB of memory", e.ID, e.File, e.Memory>>20)
	}
	return fmt.Sprintf("custom rule %s (%s) did not finish within %s", e.ID, e.File, e.Limit)
}

// errHeapBudget is the cause a custom rule's evaluation is cancelled with
// when it grew the heap past its budget.
var errHeapBudget = errors.New("heap budget exceeded")

// evalUser evaluates the custom rules' shards over the whole document one
// after another (after the built-in ones: a heap that grows is then the
// custom rule's), each under its limits, into results; it stops at the
// first that strikes one.
func (e *Engine) evalUser(ctx context.Context, whole ast.Object, results []shardResult) {
	for i := range e.shards {
		if !e.shards[i].user {
			continue
		}
		results[i] = e.evalShard(ctx, &e.shards[i], whole)
		var te *TimeoutError
		if errors.As(results[i].err, &te) || ctx.Err() != nil {
			return
		}
	}
}

// userDeadline runs eval under the custom rule's time limit and heap
// budget; when one strikes (and ctx itself is not done) the result is a
// TimeoutError, returned at once: OPA checks for cancellation between
// steps only, and one built-in call (json.marshal of a huge array) may run
// for many seconds and gigabytes without a check, so eval's goroutine is
// abandoned, left running until the process exits (the run stops with
// exit 2 right after). When ctx is done first, the result is ctx's error,
// at once too.
func (e *Engine) userDeadline(ctx context.Context, s *shard, eval func(context.Context) shardResult) shardResult {
	tctx, cancel := context.WithTimeout(ctx, e.ruleTimeout)
	defer cancel()
	mctx, cancelCause := context.WithCancelCause(tctx)
	defer cancelCause(nil)
	budget := watchHeap(mctx, cancelCause, cmp.Or(e.heapBudget, userHeapBudget))
	done := make(chan shardResult, 1) // buffered: an abandoned eval never blocks
	go func() { done <- eval(mctx) }()
	var res shardResult
	select {
	case res = <-done:
	case <-mctx.Done():
	}
	r := e.byPkg[s.pkgs[0]]
	switch {
	case ctx.Err() != nil:
		return shardResult{err: ctx.Err()}
	case errors.Is(context.Cause(mctx), errHeapBudget):
		return shardResult{err: &TimeoutError{ID: r.ID, File: r.File, Memory: budget}}
	case errors.Is(tctx.Err(), context.DeadlineExceeded):
		return shardResult{err: &TimeoutError{ID: r.ID, File: r.File, Limit: e.ruleTimeout}}
	}
	return res
}

// watchHeap cancels ctx (cause errHeapBudget) when the heap grows past
// its budget before ctx is done; it returns the budget in bytes.
func watchHeap(ctx context.Context, cancel context.CancelCauseFunc, least uint64) uint64 {
	start, live := heapBytes()
	budget := max(least, 4*live)
	go func() {
		t := time.NewTicker(heapPoll)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if now, _ := heapBytes(); now > start+budget {
					cancel(errHeapBudget)
					return
				}
			}
		}
	}()
	return budget
}

// heapBytes reads the heap's objects (live or not yet collected) and the
// live heap at the last collection, in bytes (runtime/metrics: no
// stop-the-world).
func heapBytes() (objects, live uint64) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() == metrics.KindUint64 {
		objects = s[0].Value.Uint64()
	}
	if s[1].Value.Kind() == metrics.KindUint64 {
		live = s[1].Value.Uint64()
	}
	return objects, live
}

// timedOut is the first TimeoutError of the results, or nil.
func timedOut(results []shardResult) error {
	for _, r := range results {
		var te *TimeoutError
		if errors.As(r.err, &te) {
			return te
		}
	}
	return nil
}
