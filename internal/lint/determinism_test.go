package lint_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/rules"
)

// findingsWith lints dir with the rules evaluated in as many shards as
// GOMAXPROCS=procs gives (engine.New deals the rules by it) and returns
// the findings as JSON.
func findingsWith(t *testing.T, procs int, dirs []string) map[string]string {
	t.Helper()
	old := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(old)
	eng, err := engine.New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, dir := range dirs {
		res, err := lint.Run(context.Background(), eng, dir, lint.Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(res.Findings)
		if err != nil {
			t.Fatal(err)
		}
		out[dir] = string(b)
	}
	return out
}

// TestDeterministicAcrossProcessors: the same findings, in the same order,
// whether the rules run in one shard (GOMAXPROCS=1) or eight, on the
// bundled deployments, the demo and the literal seeds.
func TestDeterministicAcrossProcessors(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(testdata, "deployments", "*"))
	seeds, _ := filepath.Glob(filepath.Join(testdata, "seeds", "*"))
	dirs = append(append(dirs, seeds...), filepath.Join(testdata, "demo"))
	one, eight := findingsWith(t, 1, dirs), findingsWith(t, 8, dirs)
	for _, dir := range dirs {
		if one[dir] != eight[dir] {
			t.Errorf("%s: findings differ between GOMAXPROCS=1 and =8", dir)
		}
		if one[dir] == "null" {
			t.Errorf("%s: no findings: the comparison says nothing", dir)
		}
	}
}
