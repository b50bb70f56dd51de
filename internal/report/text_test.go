package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/result"
)

// TestSummaryNumbers: "1 file on 1 node", not "1 files on 1 nodes".
func TestSummaryNumbers(t *testing.T) {
	var b bytes.Buffer
	rep, err := New("text", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.Report(&b, &result.Result{Files: 1, Nodes: 1}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "in 1 file on 1 node;") {
		t.Errorf("summary: %q", b.String())
	}
}

// TestJUnitFailLevel: JUnit fails the testcases of findings at or above
// --fail-level, as the exit code does; the others pass with the finding as
// their output (the fixture holds two errors, an info and a suppressed one).
func TestJUnitFailLevel(t *testing.T) {
	failures := func(level string) string {
		var b bytes.Buffer
		if err := (JUnit{FailLevel: level}).Report(&b, fixture()); err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(b.String(), `<testsuites name="stacklint" tests="4" failures="`)
		n, _, _ := strings.Cut(rest, `"`)
		return n
	}
	for level, want := range map[string]string{"info": "3", "error": "2", "none": "0"} {
		if got := failures(level); got != want {
			t.Errorf("--fail-level %s: %s failures, want %s", level, got, want)
		}
	}
}
