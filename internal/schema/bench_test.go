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

// BenchmarkDecodeAll decodes every embedded release, as a run that needs
// them all (auto detection, the secret union) pays once.
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
