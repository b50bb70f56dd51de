package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

func sampleDoc() map[string]any {
	return map[string]any{
		"release": "zed",
		"nodes": map[string]any{
			"compute1": map[string]any{"files": map[string]any{"etc/nova/nova.conf": map[string]any{"kind": "nova.conf", "line": 3, "ok": true}}},
			"compute2": map[string]any{"files": map[string]any{"etc/nova/nova.conf": map[string]any{"kind": "nova.conf", "line": 3, "ok": false, "list": []any{"a", nil, 1}}}},
		},
		"owners": map[string]any{"10.0.0.31": "compute1"},
	}
}

// TestMoveToValue: the same value as ToValue, and the document emptied
// (each node and top-level entry deleted once converted).
func TestMoveToValue(t *testing.T) {
	want, err := ToValue(sampleDoc())
	if err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc()
	nodes := doc["nodes"].(map[string]any)
	got, err := MoveToValue(doc)
	if err != nil {
		t.Fatal(err)
	}
	if got.Compare(want) != 0 {
		t.Errorf("MoveToValue = %v, want %v", got, want)
	}
	if len(doc) != 0 || len(nodes) != 0 {
		t.Errorf("document not emptied: %d top-level entries, %d nodes left", len(doc), len(nodes))
	}
}

// TestToValueSharesTerms: equal strings are one term, so a fleet's
// repeated names cost one allocation.
func TestToValueSharesTerms(t *testing.T) {
	c := converter{strings: map[string]*ast.Term{}, ints: map[int]*ast.Term{}}
	a, _ := c.toTerm("nova.conf")
	b, _ := c.toTerm("nova.conf")
	if a != b {
		t.Error("equal strings converted to two terms")
	}
}
