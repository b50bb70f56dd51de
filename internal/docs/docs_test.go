package docs

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/rules"
)

func loadRules(t *testing.T) []engine.Rule {
	eng, err := engine.New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return eng.Rules
}

// TestDocsUpToDate fails when docs/ drifts from the rules' METADATA.
func TestDocsUpToDate(t *testing.T) {
	for name, want := range Generate(loadRules(t)) {
		got, err := os.ReadFile(filepath.Join("../../docs", filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("docs/%s is missing or stale: run `make docs`", name)
		}
	}
}

var testRule = regexp.MustCompile(`(?m)^test_\w+ if`)

// TestEveryRuleIsComplete is the meta-test: every rule has complete
// METADATA (enforced by the engine), Rego unit tests beside it with a hit
// and a no-hit case, a testdata scenario that triggers it, and a docs page.
func TestEveryRuleIsComplete(t *testing.T) {
	scenarios := scenarioRules(t)
	for _, r := range loadRules(t) {
		dir := path.Dir(r.File)
		testFile := path.Join(dir, path.Base(dir)+"_test.rego")
		src, err := fs.ReadFile(rules.FS, testFile)
		switch {
		case err != nil:
			t.Errorf("%s: no unit tests (%s)", r.ID, testFile)
		case len(testRule.FindAll(src, -1)) < 2 || !strings.Contains(string(src), "== set()"):
			t.Errorf("%s: %s needs a hit test and a no-hit test asserting `== set()`", r.ID, testFile)
		}
		if !scenarios[r.ID] {
			t.Errorf("%s: no testdata/scenarios/*/want.json expects it", r.ID)
		}
		if !strings.HasSuffix(strings.TrimSpace(r.Remediation), ".") {
			t.Errorf("%s: remediation should be full sentences", r.ID)
		}
		if _, err := os.Stat(filepath.Join("../../docs/rules", r.ID+".md")); err != nil {
			t.Errorf("%s: no docs page", r.ID)
		}
	}
}

func scenarioRules(t *testing.T) map[string]bool {
	files, _ := filepath.Glob("../../testdata/scenarios/*/want.json")
	ids := map[string]bool{}
	re := regexp.MustCompile(`"rule":\s*"([A-Z0-9-]+)"`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			ids[m[1]] = true
		}
	}
	return ids
}
