package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// testGrace is how long past its time limit a custom test may take to
// hand its result over before it counts as stuck in one built-in call
// (OPA checks for cancellation between steps only).
const testGrace = 500 * time.Millisecond

// TestTimeoutError is a custom test that did not finish within its time
// limit, or a run of the custom tests that grew the heap past its budget:
// stacklint test stops (exit 2) as lint does for a custom rule.
type TestTimeoutError struct {
	// Tests are the tests that may be the one past the limit, as
	// "data.pkg.test_x (FILE:LINE)", sorted: the one whose evaluation OPA
	// cancelled, or, when one built-in call keeps it from handing its
	// result over, every custom test not finished yet.
	Tests []string
	Limit time.Duration
	// Memory is the heap budget in bytes when it, not the time limit, struck.
	Memory uint64
}

func (e *TestTimeoutError) Error() string {
	if e.Memory > 0 {
		return fmt.Sprintf("the custom tests used more than %d MiB of memory", e.Memory>>20)
	}
	if len(e.Tests) == 1 {
		return fmt.Sprintf("custom test %s did not finish within %s", e.Tests[0], e.Limit)
	}
	tests := e.Tests
	more := ""
	if len(tests) > 5 {
		tests, more = tests[:5], fmt.Sprintf(" and %d more", len(tests)-5)
	}
	return fmt.Sprintf("custom test did not finish within %s: one of %s%s", e.Limit, strings.Join(tests, ", "), more)
}

// collect receives the runner's results (of only's files) into run. It
// returns a *TestTimeoutError at once, without waiting for the runner,
// when a test's evaluation was cancelled at its limit, when no result
// came for limit+testGrace (the runner runs one test at a time, so that
// test is past its limit), or when the heap budget struck: the
// stuck evaluation is abandoned, left running until the process exits.
func (run *TestRun) collect(ctx context.Context, ch <-chan *tester.Result, only map[string]*ast.Module, limit time.Duration, budget uint64) error {
	pending := customTests(only)
	silence := time.NewTimer(limit + testGrace)
	defer silence.Stop()
	for {
		select {
		case res, ok := <-ch:
			if !ok {
				return heapStruck(ctx, budget)
			}
			if err := heapStruck(ctx, budget); err != nil {
				return err
			}
			key := resultKey(res)
			label, custom := pending[key]
			if !custom {
				continue
			}
			delete(pending, key)
			if res.Error != nil && (topdown.IsCancel(res.Error) || errors.Is(res.Error, context.DeadlineExceeded)) {
				return &TestTimeoutError{Tests: []string{label}, Limit: limit}
			}
			run.Results = append(run.Results, res)
			silence.Reset(limit + testGrace)
		case <-ctx.Done():
			if err := heapStruck(ctx, budget); err != nil {
				return err
			}
			return ctx.Err()
		case <-silence.C:
			return &TestTimeoutError{Tests: sortedValues(pending), Limit: limit}
		}
	}
}

// heapStruck is the heap budget's error when it cancelled ctx, or nil.
func heapStruck(ctx context.Context, budget uint64) error {
	if errors.Is(context.Cause(ctx), errHeapBudget) {
		return &TestTimeoutError{Memory: budget}
	}
	return nil
}

// customTests are the test rules of mods (file:row -> "data.pkg.test_x
// (file:row)"), the results the runner owes.
func customTests(mods map[string]*ast.Module) map[string]string {
	out := map[string]string{}
	for f, m := range mods {
		for _, r := range m.Rules {
			name := testName(r.Head)
			if name == "" || r.Location == nil {
				continue
			}
			key := fmt.Sprintf("%s:%d", f, r.Location.Row)
			out[key] = fmt.Sprintf("%s.%s (%s)", m.Package.Path, name, key)
		}
	}
	return out
}

// testName is the test_ (or todo_) name of a rule head, "" when it is no test.
func testName(h *ast.Head) string {
	for _, t := range h.Ref().GroundPrefix() {
		var n string
		switch v := t.Value.(type) {
		case ast.Var:
			n = string(v)
		case ast.String:
			n = string(v)
		}
		if strings.HasPrefix(n, tester.TestPrefix) || strings.HasPrefix(n, tester.SkipTestPrefix) {
			return n
		}
	}
	return ""
}

// resultKey is a result's file:row, as customTests keys it.
func resultKey(res *tester.Result) string {
	if res.Location == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d", res.Location.File, res.Location.Row)
}

func sortedValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// drain receives what is left of ch.
func drain(ch <-chan *tester.Result) {
	for range ch {
	}
}
