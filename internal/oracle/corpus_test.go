package oracle

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stacklint/stacklint/internal/findingcheck"
)

// TestCorpusSources runs the real binary over every corpus source: it must
// finish with exit 0 or 1 (never 2, never a stack trace), give the same
// findings with GOMAXPROCS=1 and =8 (rules are evaluated in parallel), and
// findings whose digest is the one recorded in testdata/corpus-findings.txt
// (a change of performance work must change no finding; a rule change
// updates the digests with STACKLINT_UPDATE_CORPUS=1, and the reviewer
// reads the findings' diff). The digests hold nothing of the corpus.
// Durations are logged as figures; performance is measured by `make
// bench`, not asserted.
func TestCorpusSources(t *testing.T) {
	root := shared(t)
	bin := filepath.Join(t.TempDir(), "stacklint")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/stacklint").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	sources, _ := filepath.Glob(filepath.Join(root, "corpus", "*"))
	want := readDigests(t)
	got := map[string]string{}
	n := 0
	for _, src := range sources {
		if st, err := os.Stat(src); err != nil || !st.IsDir() {
			continue
		}
		n++
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(bin, "--format", "json", ".")
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
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
		name := filepath.Base(src)
		got[name] = findingsDigest(t, stdout.Bytes())
		if d := findingsDigest(t, runAt(t, bin, src, "GOMAXPROCS=8")); d != got[name] {
			t.Errorf("%s: findings differ between GOMAXPROCS=1 and =8", name)
		}
		if want != nil && want[name] != got[name] {
			t.Errorf("%s: findings changed (digest %s, recorded %s): compare with the previous commit's binary", name, got[name], want[name])
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
	if os.Getenv("STACKLINT_UPDATE_CORPUS") != "" {
		writeDigests(t, got)
	}
}

// digestsFile records a digest of each corpus source's findings.
const digestsFile = "testdata/corpus-findings.txt"

// readDigests reads digestsFile: "<source> <sha256>" lines.
func readDigests(t *testing.T) map[string]string {
	data, err := os.ReadFile(digestsFile)
	if err != nil && os.Getenv("STACKLINT_UPDATE_CORPUS") != "" {
		return nil
	}
	if err != nil {
		t.Fatalf("%v (STACKLINT_UPDATE_CORPUS=1 writes it)", err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if name, sum, ok := strings.Cut(line, " "); ok && !strings.HasPrefix(line, "#") {
			out[name] = sum
		}
	}
	return out
}

func writeDigests(t *testing.T, got map[string]string) {
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("# sha256 of each corpus source's findings (internal/oracle/corpus_test.go)\n")
	for _, n := range names {
		fmt.Fprintf(&b, "%s %s\n", n, got[n])
	}
	if err := os.WriteFile(digestsFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// findingsDigest is the sha256 of the findings array of a JSON report.
func findingsDigest(t *testing.T, report []byte) string {
	var doc struct {
		Findings json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(report, &doc); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(doc.Findings))
}

// runAt is the JSON report of bin run in src with one more environment
// variable.
func runAt(t *testing.T, bin, src, env string) []byte {
	cmd := exec.Command(bin, "--format", "json", ".")
	cmd.Dir, cmd.Env = src, append(os.Environ(), env)
	out, err := cmd.Output()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return out
}
