package engine

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

// TestRuleTimes is a profiling aid, not a timed test: with
// RULETIME=<snapshot dir> it evaluates every rule on its own and prints the
// rules by evaluation time (shared helpers are counted in each rule).
func TestRuleTimes(t *testing.T) {
	dir := os.Getenv("RULETIME")
	if dir == "" {
		t.Skip()
	}
	s, err := snapshot.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := model.Build(s)
	e, err := New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	in, err := ToValue(d.Doc)
	if err != nil {
		t.Fatal(err)
	}
	type rt struct {
		id string
		d  time.Duration
	}
	var out []rt
	for _, r := range e.Rules {
		q := fmt.Sprintf("x := data.stacklint.rules.%s.report", r.Package)
		start := time.Now()
		_, err := rego.New(rego.Query(q), rego.Compiler(e.compiler), rego.ParsedInput(in)).Eval(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rt{r.ID, time.Since(start)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].d > out[j].d })
	for _, x := range out {
		fmt.Println(x.id, x.d)
	}
}
