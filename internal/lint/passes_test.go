package lint_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/rules"
)

// TestPassesMatchOnePass: the node pass (node-scoped rules evaluated on
// each node's part of the model alone: NodesPerPart(1)) and the fleet pass together give exactly
// the findings one query over the whole document gives, on every scenario,
// both deployments, the seeds and the demo. A rule marked custom.scope:
// node that looks at other nodes fails here.
func TestPassesMatchOnePass(t *testing.T) {
	ctx := context.Background()
	two, err := engine.New(ctx, rules.FS, engine.NodesPerPart(1))
	if err != nil {
		t.Fatal(err)
	}
	one, err := engine.New(ctx, rules.FS, engine.OnePass())
	if err != nil {
		t.Fatal(err)
	}
	dirs := []string{filepath.Join(testdata, "demo")}
	for _, glob := range []string{"deployments/*", "seeds/seed-*"} {
		m, _ := filepath.Glob(filepath.Join(testdata, glob))
		dirs = append(dirs, m...)
	}
	scs, _ := filepath.Glob(filepath.Join(testdata, "scenarios", "*"))
	for _, sc := range scs {
		dirs = append(dirs, Compose(t, sc))
	}
	if len(dirs) < 200 {
		t.Fatalf("only %d snapshots found", len(dirs))
	}
	for _, dir := range dirs {
		want, got := runJSON(t, one, dir), runJSON(t, two, dir)
		if want != got {
			t.Errorf("%s: the two passes give\n%s\none query gives\n%s", dir, got, want)
		}
	}
}

// runJSON is the findings of a run as JSON.
func runJSON(t *testing.T, eng *engine.Engine, dir string) string {
	t.Helper()
	res, err := lint.Run(context.Background(), eng, dir, lint.Options{})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	b, err := json.Marshal(res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
