package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestNodeParts: parts hold their nodes, their own list and index entries,
// the entries of no node in every part, loose entries in the last part,
// and the document's other entries as they are.
func TestNodeParts(t *testing.T) {
	doc := ast.MustParseTerm(`{
		"nodes": {"c": {"n": 3}, "a": {"n": 1}, "b": {"n": 2}},
		"rc": [{"node": "a", "i": 1}, {"node": "", "i": 2}, {"node": "c", "i": 3}, {"i": 4}, {"node": "a", "i": 5}],
		"problems": [{"node": null, "i": 6}],
		"index": {"keys": {"k": [["a", "f", "s"], ["c", "f", "s"]], "only_b": [["b", "f", "s"]]}, "kinds": {}},
		"owners": {"10.0.0.1": "a"},
		"release": "zed"
	}`).Value.(ast.Object)
	parts := nodeParts(doc, 2)
	want := []string{
		`{"index": {"keys": {"k": [["a", "f", "s"]], "only_b": [["b", "f", "s"]]}, "kinds": {}}, "nodes": {"a": {"n": 1}, "b": {"n": 2}}, "owners": {"10.0.0.1": "a"}, "problems": [{"i": 6, "node": null}], "rc": [{"i": 1, "node": "a"}, {"i": 4}, {"i": 5, "node": "a"}], "release": "zed"}`,
		`{"index": {"keys": {"k": [["c", "f", "s"]]}, "kinds": {}}, "nodes": {"c": {"n": 3}}, "owners": {"10.0.0.1": "a"}, "problems": [{"i": 6, "node": null}], "rc": [{"i": 3, "node": "c"}, {"i": 4}], "release": "zed"}`,
		`{"index": {"keys": {}, "kinds": {}}, "nodes": {}, "owners": {"10.0.0.1": "a"}, "problems": [{"i": 6, "node": null}], "rc": [{"i": 2, "node": ""}, {"i": 4}], "release": "zed"}`,
	}
	if len(parts) != len(want) {
		t.Fatalf("%d parts, want %d", len(parts), len(want))
	}
	for i, p := range parts {
		if got := p.input.String(); got != want[i] {
			t.Errorf("part %d (%v):\n got %s\nwant %s", i, p.nodes, got, want[i])
		}
	}
	if got := len(nodeParts(doc, 0)); got != 4 {
		t.Errorf("default size on 3 nodes: %d parts, want one per node and the loose part", got)
	}
	if nodeParts(ast.NewObject(), 1) != nil {
		t.Error("a document without nodes has no part")
	}
}

// TestNodesPerPart: about 16 parts whatever the processors, at least one
// node each; an explicit size wins.
func TestNodesPerPart(t *testing.T) {
	for _, c := range []struct{ n, size, want int }{{1, 0, 1}, {16, 0, 1}, {17, 0, 2}, {1000, 0, 63}, {10000, 0, 625}, {1000, 1, 1}} {
		if got := nodesPerPart(c.n, c.size); got != c.want {
			t.Errorf("nodesPerPart(%d, %d) = %d, want %d", c.n, c.size, got, c.want)
		}
	}
}
