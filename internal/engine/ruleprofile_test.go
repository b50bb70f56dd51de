package engine

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

// TestRuleProfile is a profiling aid: with RULEPROFILE=<snapshot dir> it
// evaluates all rules in one query under OPA's profiler and prints the 25
// most expensive expressions.
func TestRuleProfile(t *testing.T) {
	dir := os.Getenv("RULEPROFILE")
	if dir == "" {
		t.Skip()
	}
	s, err := snapshot.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	in, err := ToValue(model.Build(s).Doc)
	if err != nil {
		t.Fatal(err)
	}
	p := profiler.New()
	_, err = rego.New(rego.Query(query), rego.Compiler(e.compiler), rego.ParsedInput(in), rego.QueryTracer(p)).Eval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.ReportTopNResults(25, []string{"total_time_ns"}) {
		fmt.Printf("%8.0fms %8d %s:%d\n", float64(r.ExprTimeNs)/1e6, r.NumEval, r.Location.File, r.Location.Row)
	}
}
