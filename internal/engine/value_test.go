package engine

import (
	"fmt"
	"runtime"
	"strings"
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

// TestToValueParallelNodes: the nodes, converted on several goroutines,
// make the same value as one converter going through the document, and a
// node that cannot be converted fails the conversion with its own error
// (the first node by name that has one).
func TestToValueParallelNodes(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	doc := func(bad bool) map[string]any {
		nodes := map[string]any{}
		for i := range 50 {
			nodes[fmt.Sprintf("compute%02d", i)] = map[string]any{"name": fmt.Sprintf("compute%02d", i), "files": map[string]any{
				"etc/nova/nova.conf": map[string]any{"kind": "nova.conf", "line": i, "ok": i%2 == 0, "list": []any{"a", nil, i}},
			}}
		}
		if bad {
			nodes["compute07"].(map[string]any)["x"] = 1.5
			nodes["compute30"].(map[string]any)["x"] = struct{}{}
		}
		return map[string]any{"nodes": nodes, "release": "zed"}
	}
	want, err := newConverter().toTerm(doc(false))
	if err != nil {
		t.Fatal(err)
	}
	for _, convert := range []func(map[string]any) (ast.Value, error){func(d map[string]any) (ast.Value, error) { return ToValue(d) }, MoveToValue} {
		if got, err := convert(doc(false)); err != nil || got.Compare(want.Value) != 0 {
			t.Errorf("parallel conversion differs (%v)", err)
		}
		if _, err := convert(doc(true)); err == nil || !strings.Contains(err.Error(), "float64") {
			t.Errorf("error = %v, want compute07's float64", err)
		}
	}
}
