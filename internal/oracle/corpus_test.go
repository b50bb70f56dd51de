package oracle

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stacklint/stacklint/internal/findingcheck"
)

// TestCorpusSources runs the real binary over every corpus source: it must
// finish with exit 0 or 1 (never 2, never a stack trace). Durations are
// logged as figures; performance is measured by `make bench`, not asserted.
func TestCorpusSources(t *testing.T) {
	root := shared(t)
	bin := filepath.Join(t.TempDir(), "stacklint")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/stacklint").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sources, _ := filepath.Glob(filepath.Join(root, "corpus", "*"))
	n := 0
	for _, src := range sources {
		if st, err := os.Stat(src); err != nil || !st.IsDir() {
			continue
		}
		n++
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(bin, "--format", "json", src)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err := cmd.Run()
		took := time.Since(start)
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != 0 && code != 1 {
			t.Errorf("%s: exit %d: %s", filepath.Base(src), code, stderr.String())
		}
		if s := stderr.String(); strings.Contains(s, "goroutine ") || strings.Contains(s, "panic") {
			t.Errorf("%s: stack trace on stderr:\n%s", filepath.Base(src), s)
		}
		var doc struct {
			Findings []struct{ Rule, Message string } `json:"findings"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Errorf("%s: bad JSON: %v", filepath.Base(src), err)
		}
		for _, f := range doc.Findings {
			if p := findingcheck.Problem(f.Message); p != "" {
				t.Errorf("%s: %s in %s's message: %s", filepath.Base(src), p, f.Rule, f.Message)
			}
		}
		t.Logf("%-28s exit %d  %6.3fs", filepath.Base(src), code, took.Seconds())
	}
	if n != 15 {
		t.Errorf("%d corpus sources, want 15", n)
	}
}
