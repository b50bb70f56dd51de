package model

import (
	"path/filepath"
	"testing"

	"github.com/stacklint/stacklint/internal/bench"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// BenchmarkBuild1000 builds the model of the generated 1,000-node snapshot
// (one controller, 999 computes, the fleet-wide /etc/hosts on every node):
// parsing every file and deriving the facts, discovery excluded.
func BenchmarkBuild1000(b *testing.B) {
	root := filepath.Join(b.TempDir(), "snap")
	if err := bench.Generate(filepath.Join("..", "..", "testdata", "deployments", "modern-linuxbridge"), root, 1000); err != nil {
		b.Fatal(err)
	}
	snap, err := snapshot.Discover(root)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start, n := bench.CPUTime(), 0
	for b.Loop() {
		if d := Build(snap); len(d.Files) != 6013 {
			b.Fatalf("%d files", len(d.Files))
		}
		n++
	}
	bench.ReportCPU(b, start, n)
}
