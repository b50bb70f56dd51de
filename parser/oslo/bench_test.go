package oslo

import (
	"strings"
	"testing"
)

func benchParse(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHugeValue: a nova.conf of one 100 MB value (issue 14).
func BenchmarkHugeValue(b *testing.B) {
	benchParse(b, []byte("[vnc]\nserver_proxyclient_address = "+strings.Repeat("a", 100<<20)+"\n"))
}

// BenchmarkManyLines: a nova.conf of a million lines (issue 14).
func BenchmarkManyLines(b *testing.B) {
	benchParse(b, []byte("[DEFAULT]\n"+strings.Repeat("debug = true\n", 1_000_000-1)))
}

// BenchmarkLongContinuation: one value continued over a million lines.
func BenchmarkLongContinuation(b *testing.B) {
	benchParse(b, []byte("[DEFAULT]\nkey = x\n"+strings.Repeat("  more\n", 1_000_000-2)))
}
