package bench_test

import (
	"bufio"
	"context"
	"path/filepath"
	"testing"

	"github.com/stacklint/stacklint/internal/bench"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/rules"
)

// benchRun lints a one-node snapshot whose file etc/rel fill writes, once
// per iteration, and reports the bytes of all finding messages (bounded:
// issue 14's 100 MB value was quoted in full).
//
//	go test -run '^$' -bench . -benchtime 1x -benchmem ./internal/bench/
func benchRun(b *testing.B, rel string, fill func(*bufio.Writer)) {
	dir := filepath.Join(b.TempDir(), "snap")
	if err := bench.Single(dir, rel, fill); err != nil {
		b.Fatal(err)
	}
	eng, err := engine.New(context.Background(), rules.FS)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := lint.Run(context.Background(), eng, dir, lint.Options{})
		if err != nil {
			b.Fatal(err)
		}
		size := 0
		for _, f := range res.Findings {
			size += len(f.Message)
		}
		b.ReportMetric(float64(size), "message-bytes")
	}
}

// BenchmarkHugeValue: a 100 MB nova.conf holding one value.
func BenchmarkHugeValue(b *testing.B) {
	benchRun(b, "nova/nova.conf", bench.HugeValue(bench.HugeValueBytes))
}

// BenchmarkManyLines: a nova.conf of a million lines.
func BenchmarkManyLines(b *testing.B) { benchRun(b, "nova/nova.conf", bench.Lines(bench.ManyLines)) }

// BenchmarkBigPolicy: a 69 MB JSON policy file.
func BenchmarkBigPolicy(b *testing.B) {
	benchRun(b, "nova/policy.json", bench.BigPolicy(bench.BigPolicyBytes))
}

// BenchmarkOrChain: one policy rule of 40,000 'or'-ed checks.
func BenchmarkOrChain(b *testing.B) {
	benchRun(b, "nova/policy.json", bench.OrChain(bench.OrChainTerms))
}
