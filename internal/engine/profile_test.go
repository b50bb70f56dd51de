package engine

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

// query collects every rule's report set, keyed by "<category>.<name>".
const query = `x := {sprintf("%s.%s", [c, n]): r | some c, n; r := data.stacklint.rules[c][n].report}`

// profileInput compiles the rules and builds the model of the snapshot
// named by an environment variable; the test is skipped when it is unset.
func profileInput(t *testing.T, env string) (*Engine, ast.Value) {
	t.Helper()
	dir := os.Getenv(env)
	if dir == "" {
		t.Skipf("set %s=<snapshot dir> to run", env)
	}
	s, err := snapshot.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	in, err := ToValue(model.Build(s).Plain())
	if err != nil {
		t.Fatal(err)
	}
	return e, in
}

// TestRuleTimes is a profiling aid, not a timed test: with
// RULETIME=<snapshot dir> it evaluates every rule on its own and prints the
// rules by evaluation time (shared helpers are counted in each rule).
func TestRuleTimes(t *testing.T) {
	e, in := profileInput(t, "RULETIME")
	type rt struct {
		id string
		d  time.Duration
	}
	var out []rt
	for _, r := range e.Rules {
		q := fmt.Sprintf("x := data.stacklint.rules.%s.report", r.Package)
		start := time.Now()
		if _, err := rego.New(rego.Query(q), rego.Compiler(e.compiler), rego.ParsedInput(in), withBuiltins()).Eval(context.Background()); err != nil {
			t.Fatal(err)
		}
		out = append(out, rt{r.ID, time.Since(start)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	for _, x := range out {
		fmt.Println(x.id, x.d)
	}
}

// TestRuleProfile is a profiling aid: with RULEPROFILE=<snapshot dir> it
// evaluates all rules in one query under OPA's profiler and prints the 25
// most expensive expressions; RULEPROFILE_RULE=<category>.<name> profiles
// that rule's report alone.
func TestRuleProfile(t *testing.T) {
	e, in := profileInput(t, "RULEPROFILE")
	q := query
	if pkg := os.Getenv("RULEPROFILE_RULE"); pkg != "" {
		q = fmt.Sprintf("x := data.stacklint.rules.%s.report", pkg)
	}
	p := profiler.New()
	if _, err := rego.New(rego.Query(q), rego.Compiler(e.compiler), rego.ParsedInput(in), rego.QueryTracer(p), withBuiltins()).Eval(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, r := range p.ReportTopNResults(25, []string{"total_time_ns"}) {
		fmt.Printf("%8.0fms %8d %s:%d\n", float64(r.ExprTimeNs)/1e6, r.NumEval, r.Location.File, r.Location.Row)
	}
}
