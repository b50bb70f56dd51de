package modeldoc

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/rules"
)

const root = "../.."

func generate(t *testing.T) map[string]string {
	t.Helper()
	eng, err := engine.New(context.Background(), rules.FS, engine.Verified())
	if err != nil {
		t.Fatal(err)
	}
	files, err := Files(context.Background(), eng, root)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestModelDocsUpToDate fails when docs/model.md or docs/model-example.json
// drifts from model.DocSchema, model.Version, the changelog or the model
// builders (the docs-drift test of the model's reference).
func TestModelDocsUpToDate(t *testing.T) {
	for name, want := range generate(t) {
		got, err := os.ReadFile(filepath.Join(root, "docs", name))
		if err != nil || string(got) != want {
			t.Errorf("docs/%s is missing or stale: run `make docs`", name)
		}
	}
}

// TestExampleIsStableAndConforms: the example is the same when built
// twice, holds no temporary path, has fingerprints for secrets, and
// conforms to the schema once read back from JSON.
func TestExampleIsStableAndConforms(t *testing.T) {
	a, b := generate(t)["model-example.json"], generate(t)["model-example.json"]
	if a != b {
		t.Fatal("the example differs between two runs")
	}
	for _, bad := range []string{`"` + os.TempDir(), "/work/", "testdata/deployments"} {
		if strings.Contains(a, bad) {
			t.Errorf("the example holds %q", bad)
		}
	}
	if !strings.Contains(a, `"fp": "`) || !strings.Contains(a, `"secret": true`) {
		t.Error("the example shows no secret as a fingerprint")
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(a)))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if v, _ := doc["model_version"].(json.Number); v.String() != "1" && v.String() == "" {
		t.Errorf("model_version = %v", doc["model_version"])
	}
	if p := model.DocSchema().Conform(doc); len(p) > 0 {
		t.Errorf("the example does not conform:\n%s", strings.Join(p, "\n"))
	}
}

// TestMarkdownDescribesEveryKey: every described key's name appears in
// docs/model.md, the version and every changelog entry too.
func TestMarkdownDescribesEveryKey(t *testing.T) {
	s := model.DocSchema()
	md := Markdown(s, "{}\n")
	var walk func(f *model.Field)
	walk = func(f *model.Field) {
		if f.Name != "" && !strings.Contains(md, f.Name+"`") {
			t.Errorf("key %s is not in the page", f.Name)
		}
		for _, c := range f.Fields {
			walk(c)
		}
		if f.Elem != nil {
			walk(f.Elem)
		}
	}
	walk(s.Root)
	for _, n := range s.Order {
		walk(s.Named[n])
		if !strings.Contains(md, "### "+n+"\n") {
			t.Errorf("definition %s has no section", n)
		}
	}
	for _, c := range model.Changelog() {
		for _, line := range c.Changes {
			if !strings.Contains(md, line) {
				t.Errorf("changelog line %q missing", line)
			}
		}
	}
	if !strings.Contains(md, "**model_version 1.**") && model.Version == 1 {
		t.Error("the page does not state the version")
	}
}
