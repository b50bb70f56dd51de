package lint_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stacklint/stacklint/internal/bench"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

// benchSetup generates a snapshot of the given size and compiles the rules.
func benchSetup(b *testing.B, nodes int) (string, *engine.Engine) {
	dir := filepath.Join(b.TempDir(), "snap")
	if err := bench.Generate(filepath.Join(testdata, "deployments", "modern-linuxbridge"), dir, nodes); err != nil {
		b.Fatal(err)
	}
	eng, err := engine.New(context.Background(), rules.FS)
	if err != nil {
		b.Fatal(err)
	}
	return dir, eng
}

// BenchmarkLint1000 is a full run (discover, parse, model, evaluate) over a
// generated 1,000-node snapshot.
func BenchmarkLint1000(b *testing.B) {
	dir, eng := benchSetup(b, 1000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := lint.Run(ctx, eng, dir, lint.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPhases1000 splits the run into its phases to show where time goes.
func BenchmarkPhases1000(b *testing.B) {
	dir, eng := benchSetup(b, 1000)
	ctx := context.Background()
	snap, _ := snapshot.Discover(dir)
	doc := model.Build(snap).Plain()
	b.Run("discover", func(b *testing.B) {
		for b.Loop() {
			_, _ = snapshot.Discover(dir)
		}
	})
	b.Run("parse+model", func(b *testing.B) {
		for b.Loop() {
			model.Build(snap)
		}
	})
	b.Run("to-ast", func(b *testing.B) {
		for b.Loop() {
			_, _ = engine.ToValue(doc)
		}
	})
	b.Run("eval", func(b *testing.B) {
		for b.Loop() {
			_, _ = eng.Eval(ctx, doc)
		}
	})
	b.Run("compile", func(b *testing.B) {
		for b.Loop() {
			_, _ = engine.New(ctx, rules.FS)
		}
	})
}
