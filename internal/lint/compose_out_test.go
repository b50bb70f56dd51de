package lint_test

import (
	"os"
	"path/filepath"
	"testing"
)

// TestComposeScenariosTo is a planning aid: with SCENARIOS_OUT=<dir> it
// writes every scenario's snapshot to <dir>/<scenario> (for TestRuleScope,
// or to run stacklint on one by hand).
func TestComposeScenariosTo(t *testing.T) {
	out := os.Getenv("SCENARIOS_OUT")
	if out == "" {
		t.Skip("set SCENARIOS_OUT=<dir> to run")
	}
	scs, _ := filepath.Glob(filepath.Join(testdata, "scenarios", "*"))
	for _, sc := range scs {
		dst := filepath.Join(out, filepath.Base(sc))
		if err := os.RemoveAll(dst); err != nil {
			t.Fatal(err)
		}
		copyTree(t, Compose(t, sc), dst)
	}
}
