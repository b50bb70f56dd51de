package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/rules"
)

// demoResult lints testdata/demo in process.
func demoResult(t testing.TB) *result.Result {
	t.Helper()
	return lintResult(t, filepath.Join("..", "..", "testdata", "demo"))
}

func lintResult(t testing.TB, path string) *result.Result {
	t.Helper()
	ctx := context.Background()
	eng, err := engine.New(ctx, rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(ctx, eng, path, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// renderHTML renders r as the html format with a fixed version.
func renderHTML(t *testing.T, r *result.Result) string {
	t.Helper()
	var b bytes.Buffer
	h := HTML{Version: "v0.0.0-golden"}
	if err := h.Report(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestHTMLDemoGolden: the demo's page is testdata/golden/demo.html, byte
// for byte (the version fixed), twice in a row.
func TestHTMLDemoGolden(t *testing.T) {
	res := demoResult(t)
	page := renderHTML(t, res)
	if again := renderHTML(t, res); again != page {
		t.Fatal("two renderings of one result differ")
	}
	golden := filepath.Join("testdata", "golden", "demo.html")
	if *update {
		if err := os.WriteFile(golden, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if page != string(want) {
		t.Errorf("the demo's page differs from %s (go test ./internal/report -run TestHTMLDemoGolden -update, and review the diff)", golden)
	}
}

// BenchmarkHTML renders the demo's result with its findings repeated on
// 1,000 nodes of one role (13,000 findings, excerpts from the demo's
// files): the page's size per finding is reported as B/finding.
func BenchmarkHTML(b *testing.B) {
	res := demoResult(b)
	base := res.Findings
	res.Findings = nil
	res.Roles = map[string]string{}
	for i := range 1000 {
		node := fmt.Sprintf("compute%d", i)
		res.Roles[node] = "compute"
		for _, f := range base {
			f.Fingerprint = fmt.Sprintf("%s-%d", f.Fingerprint, i)
			f.Locations = slices.Clone(f.Locations)
			f.Locations[0].Node = node
			res.Findings = append(res.Findings, f)
		}
	}
	res.Unfolded = res.Findings
	var size int
	for b.Loop() {
		var out bytes.Buffer
		if err := (HTML{}).Report(&out, res); err != nil {
			b.Fatal(err)
		}
		size = out.Len()
	}
	b.ReportMetric(float64(size)/float64(len(res.Findings)), "B/finding")
}
