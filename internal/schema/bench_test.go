package schema

import "testing"

// BenchmarkDecodeOne is the start-up cost of one release's schema: gunzip,
// JSON decoding and the alias index (what Load pays once per release).
func BenchmarkDecodeOne(b *testing.B) {
	for b.Loop() {
		if _, err := decode("zed"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeAll decodes every embedded release, what a run paid
// before the index (kept as the yardstick for BenchmarkDecodeIndex).
func BenchmarkDecodeAll(b *testing.B) {
	names := Releases()
	b.ReportMetric(float64(len(names)), "releases")
	for b.Loop() {
		for _, n := range names {
			if _, err := decode(n); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDecodeIndex decodes the names-only index of every release, what
// auto detection and the secret union pay once a run.
func BenchmarkDecodeIndex(b *testing.B) {
	for b.Loop() {
		if _, err := decodeIndex(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeOlder decodes the names of Icehouse..Rocky, what a run
// pays once when some key is known to no schema.
func BenchmarkDecodeOlder(b *testing.B) {
	for b.Loop() {
		if _, err := decodeOlder(); err != nil {
			b.Fatal(err)
		}
	}
}
