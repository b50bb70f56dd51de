package lint_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/stacklint/stacklint/internal/cli"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/findingcheck"
	"github.com/stacklint/stacklint/internal/result"
)

const testdata = "../../testdata"

// fpRE masks fingerprints: they are keyed by the snapshot, so expectations
// are written by hand as "fp:??????".
var fpRE = regexp.MustCompile(`fp:[0-9a-f]{6}`)

// update rewrites every scenario's want.json with what the run finds:
// review the diff (git diff testdata/scenarios) before committing.
var update = flag.Bool("update", false, "rewrite the scenarios' want.json (review the diff before committing)")

type jsonOut struct {
	Findings []finding.Finding       `json:"findings"`
	Summary  map[string]int          `json:"summary"`
	Releases []result.ServiceRelease `json:"releases"`
}

func lintJSON(t *testing.T, dir string, extra ...string) (jsonOut, int) {
	t.Helper()
	var out, errb bytes.Buffer
	args := append([]string{"--format", "json"}, extra...)
	code := cli.Execute(context.Background(), append(args, dir), cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
	var doc jsonOut
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("%s: exit %d, bad JSON: %v\n%s%s", dir, code, err, out.String(), errb.String())
	}
	for i := range doc.Findings {
		if p := findingcheck.Problem(doc.Findings[i].Message); p != "" {
			t.Errorf("%s: %s in %s's message: %s", dir, p, doc.Findings[i].Rule, doc.Findings[i].Message)
		}
		doc.Findings[i].Message = fpRE.ReplaceAllString(doc.Findings[i].Message, "fp:??????")
	}
	return doc, code
}

// TestCleanDeployments: the correct deployments built from the install
// guides give no error and no warning.
func TestCleanDeployments(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(testdata, "deployments", "*"))
	if len(dirs) < 2 {
		t.Fatalf("deployments missing: %v", dirs)
	}
	for _, d := range dirs {
		doc, code := lintJSON(t, d)
		if code != 0 || doc.Summary["error"]+doc.Summary["warning"] != 0 {
			t.Errorf("%s: exit %d, findings %+v", d, code, doc.Findings)
		}
		if doc.Summary["nodes"] != 3 {
			t.Errorf("%s: %d nodes", d, doc.Summary["nodes"])
		}
		if filepath.Base(d) == "modern-linuxbridge" && !hasRulePrefix(doc.Findings, "SL-POL-") {
			t.Errorf("%s: the policy rules said nothing about its policy.json (not read?)", d)
		}
	}
}

func hasRulePrefix(fs []finding.Finding, prefix string) bool {
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, prefix) {
			return true
		}
	}
	return false
}

// TestScenarios: each scenario is a correct deployment plus an overlay with
// one planted fault; it must produce exactly the findings of want.json.
func TestScenarios(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(testdata, "scenarios", "*"))
	bases := &baseRuns{runs: map[string]jsonOut{}}
	for _, sc := range dirs {
		t.Run(filepath.Base(sc), func(t *testing.T) {
			t.Parallel() // each run is mostly one goroutine's rule compile: two cores halve the test
			snap := Compose(t, sc)
			var want []finding.Finding
			b, err := os.ReadFile(filepath.Join(sc, "want.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			doc, code := lintJSON(t, snap, "--fail-level", "warning")
			got := newFindings(t, sc, doc.Findings, bases)
			if *update && !cmp.Equal(want, got, cmpopts.IgnoreFields(finding.Finding{}, "Fingerprint"), cmpopts.EquateEmpty()) {
				writeWant(t, sc, got)
				return
			}
			if d := cmp.Diff(want, got, cmpopts.IgnoreFields(finding.Finding{}, "Fingerprint"), cmpopts.EquateEmpty()); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
			wantCode := 0 // an info-only scenario passes --fail-level warning
			for _, f := range want {
				if f.Severity != "info" {
					wantCode = 1
				}
			}
			if code != wantCode {
				t.Errorf("exit %d, want %d", code, wantCode)
			}
		})
	}
}

// writeWant writes a scenario's findings (without fingerprints) as its
// want.json, one finding a line.
func writeWant(t *testing.T, sc string, fs []finding.Finding) {
	t.Helper()
	var b strings.Builder
	b.WriteString("[")
	for i, f := range fs {
		f.Fingerprint = ""
		line, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  " + spaced(string(line)))
	}
	b.WriteString("\n]\n")
	if err := os.WriteFile(filepath.Join(sc, "want.json"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// spaced puts a space after every ':' and ',' of compact JSON that is not
// inside a string, as the hand-written want.json files have it.
func spaced(js string) string {
	var b strings.Builder
	in, esc := false, false
	for _, r := range js {
		b.WriteRune(r)
		switch {
		case esc:
			esc = false
		case in && r == '\\':
			esc = true
		case r == '"':
			in = !in
		case !in && (r == ':' || r == ','):
			b.WriteRune(' ')
		}
	}
	return b.String()
}

// newFindings drops the findings the scenario's base deployment already
// has (the info notes on an Icehouse deployment): a scenario states what
// its one planted fault adds. bases caches each base's lint (base
// directory -> output): a base is linted once per run, not per scenario.
func newFindings(t *testing.T, scenario string, got []finding.Finding, bases *baseRuns) []finding.Finding {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(scenario, "base"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(testdata, "deployments", strings.TrimSpace(string(b)))
	base := bases.of(t, dir)
	known := map[string]bool{}
	for _, f := range base.Findings {
		known[findingKey(f)] = true
	}
	var out []finding.Finding
	for _, f := range got {
		if !known[findingKey(f)] {
			out = append(out, f)
		}
	}
	return out
}

// baseRuns is each base deployment's lint, made once for the parallel
// scenarios (base directory -> output).
type baseRuns struct {
	mu   sync.Mutex
	runs map[string]jsonOut
}

func (b *baseRuns) of(t *testing.T, dir string) jsonOut {
	b.mu.Lock()
	defer b.mu.Unlock()
	run, ok := b.runs[dir]
	if !ok {
		run, _ = lintJSON(t, dir)
		b.runs[dir] = run
	}
	return run
}

// findingKey identifies a finding regardless of lines: an edit that
// shifts lines moves the base's findings without making them new.
func findingKey(f finding.Finding) string {
	locs := make([]finding.Location, len(f.Locations))
	for i, l := range f.Locations {
		l.Line, l.Column = 0, 0
		locs[i] = l
	}
	f.Locations = locs
	b, _ := json.Marshal(f)
	return string(b)
}

// Compose materialises a scenario: its base deployment with the overlay
// copied over it (files and symbolic links), then its edits applied.
func Compose(t testing.TB, scenario string) string {
	t.Helper()
	base, err := os.ReadFile(filepath.Join(scenario, "base"))
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", strings.TrimSpace(string(base))), dst)
	if _, err := os.Stat(filepath.Join(scenario, "overlay")); err == nil {
		copyTree(t, filepath.Join(scenario, "overlay"), dst)
	}
	applyEdits(t, scenario, dst)
	return dst
}

func copyTree(t testing.TB, src, dst string) {
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type()&os.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			_ = os.Remove(target)
			return os.Symlink(link, target)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_ = os.Remove(target)
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
