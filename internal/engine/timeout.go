package engine

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DefaultRuleTimeout is how long one custom rule may evaluate
// (--rule-timeout, rule_timeout in .stacklint.yaml).
const DefaultRuleTimeout = 10 * time.Second

// RuleTimeout bounds each custom rule's evaluation to d (d <= 0: the
// default, DefaultRuleTimeout). The built-in rules have no such bound.
func RuleTimeout(d time.Duration) Option {
	return func(o *options) { o.ruleTimeout = max(d, 0) }
}

// TimeoutError is a custom rule that did not finish within its time
// limit: the run stops (exit 2) rather than report without it.
type TimeoutError struct {
	ID, File string
	Limit    time.Duration
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("custom rule %s (%s) did not finish within %s", e.ID, e.File, e.Limit)
}

// userDeadline runs eval under the custom rule's time limit; when the
// limit strikes (and ctx itself is not done) the result is a TimeoutError.
func (e *Engine) userDeadline(ctx context.Context, s *shard, eval func(context.Context) shardResult) shardResult {
	tctx, cancel := context.WithTimeout(ctx, e.ruleTimeout)
	defer cancel()
	res := eval(tctx)
	if ctx.Err() == nil && errors.Is(tctx.Err(), context.DeadlineExceeded) {
		r := e.byPkg[s.pkgs[0]]
		return shardResult{err: &TimeoutError{ID: r.ID, File: r.File, Limit: e.ruleTimeout}}
	}
	return res
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
