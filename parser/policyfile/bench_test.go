package policyfile

import (
	"fmt"
	"strings"
	"testing"
)

// bigJSON is a JSON policy document of about n bytes, one rule a line
// (oneLine: all on one line, as a minifier writes it).
func bigJSON(n int, oneLine bool) []byte {
	sep := ",\n    "
	if oneLine {
		sep = ","
	}
	var b strings.Builder
	b.WriteString("{")
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		fmt.Fprintf(&b, "\"os_compute_api:custom:%d\": \"role:admin or (role:member and project_id:%%(project_id)s)\"", i)
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

func benchParse(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBigJSON: a 69 MB policy.json, one rule a line (issue 14).
func BenchmarkBigJSON(b *testing.B) { benchParse(b, bigJSON(69<<20, false)) }

// BenchmarkBigJSONOneLine: 69 MB of policy.json on a single line.
func BenchmarkBigJSONOneLine(b *testing.B) { benchParse(b, bigJSON(69<<20, true)) }

// BenchmarkBigYAML: a 69 MB policy.yaml (yaml.v3's node tree), one rule a
// line.
func BenchmarkBigYAML(b *testing.B) {
	var doc strings.Builder
	for i := 0; doc.Len() < 69<<20; i++ {
		fmt.Fprintf(&doc, "\"os_compute_api:custom:%d\": \"role:admin or (role:member and project_id:%%(project_id)s)\"\n", i)
	}
	benchParse(b, []byte(doc.String()))
}
