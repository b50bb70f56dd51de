package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/rules"
)

// catalog is the rule catalog compiled once for the tests of this file.
var catalog = sync.OnceValues(func() (*engine.Engine, error) {
	return engine.New(context.Background(), rules.FS, engine.Verified())
})

// conformanceInputs is every testdata deployment, seed, the demo and
// every scenario (composed): kolla-ansible, TripleO, sos reports, Ceph, policy
// files, broken files.
func conformanceInputs(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{"demo": filepath.Join(testdata, "demo")}
	deps, _ := filepath.Glob(filepath.Join(testdata, "deployments", "*"))
	for _, d := range deps {
		out["deployments/"+filepath.Base(d)] = d
	}
	seeds, _ := filepath.Glob(filepath.Join(testdata, "seeds", "*"))
	for _, d := range seeds {
		out["seeds/"+filepath.Base(d)] = d
	}
	scs, _ := filepath.Glob(filepath.Join(testdata, "scenarios", "*"))
	if len(deps) < 6 || len(scs) < 200 {
		t.Fatalf("testdata missing: %d deployments, %d scenarios", len(deps), len(scs))
	}
	for _, sc := range scs {
		if _, err := os.Stat(filepath.Join(sc, "base")); err == nil {
			out["scenarios/"+filepath.Base(sc)] = Compose(t, sc)
		}
	}
	return out
}

// TestDocumentsConform: the document of every deployment and scenario, as
// the rules receive it, holds only keys model.DocSchema describes, each
// with its described type, and every required key.
func TestDocumentsConform(t *testing.T) {
	eng, err := catalog()
	if err != nil {
		t.Fatal(err)
	}
	s := model.DocSchema()
	problems := map[string][]string{} // problem -> inputs showing it
	for name, dir := range conformanceInputs(t) {
		doc, _, err := lint.ModelDocument(context.Background(), eng, dir, lint.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range s.Conform(doc) {
			p, _, _ = strings.Cut(p, " (at ") // one line per pattern and problem
			problems[p] = append(problems[p], name)
		}
	}
	for p, where := range problems {
		t.Errorf("%s\n\tin %d inputs, e.g. %s", p, len(where), where[0])
	}
}

// TestConformFindsUndescribedKeys: Conform reports a key the schema does
// not describe, a wrong type and a missing required key, with their paths.
func TestConformFindsUndescribedKeys(t *testing.T) {
	eng, err := catalog()
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := lint.ModelDocument(context.Background(), eng, filepath.Join(testdata, "deployments", "modern-linuxbridge"), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := model.DocSchema()
	if p := s.Conform(doc); len(p) != 0 {
		t.Fatalf("the untouched document does not conform: %v", p)
	}
	node := doc["nodes"].(map[string]any)["controller"].(map[string]any)
	node["new_fact"] = true
	node["hostname"] = 3
	delete(node, "layout")
	got := strings.Join(s.Conform(doc), "\n")
	for _, want := range []string{
		"input.nodes.*.new_fact: key not described",
		`input.nodes.*.hostname: a int, described as a string (at input.nodes."controller".hostname)`,
		"input.nodes.*.layout: required key missing",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Conform does not say %q:\n%s", want, got)
		}
	}
}
