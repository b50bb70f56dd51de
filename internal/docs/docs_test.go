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
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

func loadRules(t *testing.T) []finding.Rule {
	eng, err := engine.New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return eng.Rules
}

// TestDocsUpToDate fails when docs/ drifts from the rules' METADATA.
func TestDocsUpToDate(t *testing.T) {
	for name, want := range Generate(loadRules(t), loadCatalog(t)) {
		got, err := os.ReadFile(filepath.Join("../../docs", filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("docs/%s is missing or stale: run `make docs`", name)
		}
	}
}

func loadCatalog(t *testing.T) *Catalog {
	c, err := LoadCatalog(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCatalogComplete: every catalog id of the covered groups is a rule or
// has a state in rules/catalog.yaml, never both; a covered id names an
// existing rule and a not-checked id says why.
func TestCatalogComplete(t *testing.T) {
	c := loadCatalog(t)
	impl := map[string]bool{}
	for _, r := range loadRules(t) {
		impl[r.ID] = true
	}
	inGroups := map[string]bool{}
	for _, g := range c.Groups {
		for _, id := range g.Names() {
			inGroups[id] = true
			s, listed := c.Checks[id]
			switch {
			case impl[id] && listed:
				t.Errorf("%s is implemented; drop it from rules/catalog.yaml", id)
			case !impl[id] && !listed:
				t.Errorf("%s is neither a rule nor in rules/catalog.yaml", id)
			case listed && s.Title == "":
				t.Errorf("%s: no title", id)
			}
		}
	}
	for id, s := range c.Checks {
		switch {
		case !inGroups[id]:
			t.Errorf("%s is in no group of rules/catalog.yaml", id)
		case s.Status == "covered" && !impl[s.By]:
			t.Errorf("%s: covered by %q, which is not a rule", id, s.By)
		case s.Status == "not-checked" && s.Why == "":
			t.Errorf("%s: not-checked needs a why", id)
		case s.Status == "pending":
			t.Errorf("%s is pending: issue 4 is resolved, every check of its groups is a rule, covered or not checked", id)
		case s.Status != "covered" && s.Status != "not-checked":
			t.Errorf("%s: unknown status %q", id, s.Status)
		}
	}
}

// TestInputsAreKinds: every input a rule names is a file kind or group.
func TestInputsAreKinds(t *testing.T) {
	known := map[string]bool{snapshot.InputAny: true, snapshot.InputConfig: true}
	for _, k := range snapshot.Kinds() {
		known[k] = true
	}
	for _, r := range loadRules(t) {
		for _, in := range r.Inputs {
			if !known[in] {
				t.Errorf("%s: input %q is not a file kind (%v)", r.ID, in, snapshot.Kinds())
			}
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
