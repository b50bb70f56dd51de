package lint

import (
	"context"
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/rules"
)

// echoRule is a fleet-scoped rule whose one finding's message is its whole
// input as JSON: what the engine hands the rules.
var echoRule = fstest.MapFS{"t/echo/echo.rego": {Data: []byte(`# METADATA
# title: echo
# description: the input as the rules receive it
# custom:
#   id: SL-T-001
#   severity: info
#   inputs: [any]
#   remediation: none
#   scope: fleet
package stacklint.rules.t.echo

report contains {"message": json.marshal(input), "locations": []} if true
`)}}

// TestModelDocumentIsWhatRulesGet: ModelDocument (inspect --model) equals
// the input the engine evaluates the rules over, built from the same
// prepared deployment (lazy nodes and index, converted part by part),
// release, params and defaults included.
func TestModelDocumentIsWhatRulesGet(t *testing.T) {
	ctx := context.Background()
	cat, err := engine.New(ctx, rules.FS, engine.Verified())
	if err != nil {
		t.Fatal(err)
	}
	echo, err := engine.New(ctx, echoRule)
	if err != nil {
		t.Fatal(err)
	}
	choice, err := release.Select("2024.1", "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"../../testdata/deployments/modern-ceph", "../../testdata/deployments/kolla-linuxbridge"} {
		opts := Options{Release: choice}
		p, err := prepare(ctx, cat, dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := echo.EvalDoc(ctx, p.d.Doc)
		if err != nil || len(fs) != 1 {
			t.Fatalf("%s: echo gave %d findings, %v", dir, len(fs), err)
		}
		var got any
		if err := json.Unmarshal([]byte(fs[0].Message), &got); err != nil {
			t.Fatal(err)
		}
		doc, _, err := ModelDocument(ctx, cat, dir, opts)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		var want any
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s: inspect --model's document differs from the rules' input (-model +input):\n%.3000s", dir, d)
		}
		for _, k := range []string{"model_version", "release", "params", "defaults", "index", "nodes"} {
			if _, ok := got.(map[string]any)[k]; !ok {
				t.Errorf("%s: the rules' input has no %s", dir, k)
			}
		}
		if len(got.(map[string]any)["params"].(map[string]any)) == 0 {
			t.Errorf("%s: no rule parameter in the input", dir)
		}
	}
}
