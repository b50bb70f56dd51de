package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/lint"
)

// TestSummaryNumbers: "1 file on 1 node", not "1 files on 1 nodes".
func TestSummaryNumbers(t *testing.T) {
	var b bytes.Buffer
	rep, err := New("text", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Report(&b, &lint.Result{Files: 1, Nodes: 1}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "in 1 file on 1 node;") {
		t.Errorf("summary: %q", b.String())
	}
}
