package engine

import (
	"encoding/json"
	"testing"
)

// TestNodeParts: splitDoc's parts hold their nodes, their own list and index entries,
// the entries of no node in every part, loose entries in the last part,
// and the document's other entries as they are.
func TestNodeParts(t *testing.T) {
	doc := func() map[string]any {
		var d map[string]any
		if err := json.Unmarshal([]byte(`{
		"nodes": {"c": {"n": 3}, "a": {"n": 1}, "b": {"n": 2}},
		"rc": [{"node": "a", "i": 1}, {"node": "", "i": 2}, {"node": "c", "i": 3}, {"i": 4}, {"node": "a", "i": 5}],
		"problems": [{"node": null, "i": 6}],
		"index": {"keys": {"k": [["a", "f", "s"], ["c", "f", "s"]], "only_b": [["b", "f", "s"]]}, "kinds": {}},
		"owners": {"10.0.0.1": "a"},
		"release": "zed"
	}`), &d); err != nil {
			t.Fatal(err)
		}
		return ints(d).(map[string]any)
	}
	s, err := splitDoc(doc(), 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`{"index": {"keys": {"k": [["a", "f", "s"]], "only_b": [["b", "f", "s"]]}, "kinds": {}}, "nodes": {"a": {"n": 1}, "b": {"n": 2}}, "owners": {"10.0.0.1": "a"}, "problems": [{"i": 6, "node": null}], "rc": [{"i": 1, "node": "a"}, {"i": 4}, {"i": 5, "node": "a"}], "release": "zed"}`,
		`{"index": {"keys": {"k": [["c", "f", "s"]]}, "kinds": {}}, "nodes": {"c": {"n": 3}}, "owners": {"10.0.0.1": "a"}, "problems": [{"i": 6, "node": null}], "rc": [{"i": 3, "node": "c"}, {"i": 4}], "release": "zed"}`,
		`{"index": {"keys": {}, "kinds": {}}, "nodes": {}, "owners": {"10.0.0.1": "a"}, "problems": [{"i": 6, "node": null}], "rc": [{"i": 2, "node": ""}, {"i": 4}], "release": "zed"}`,
	}
	if len(s.parts) != len(want) {
		t.Fatalf("%d parts, want %d", len(s.parts), len(want))
	}
	var terms []partTerms
	for i := range s.parts {
		in, pt, err := s.convert(i)
		if err != nil {
			t.Fatal(err)
		}
		terms = append(terms, pt)
		if got := in.String(); got != want[i] {
			t.Errorf("part %d:\n got %s\nwant %s", i, got, want[i])
		}
	}
	whole := s.whole(terms)
	full, err := ToValue(doc())
	if err != nil {
		t.Fatal(err)
	}
	if whole.Compare(full) != 0 {
		t.Errorf("the whole document from the parts:\n%s\nwant\n%s", whole, full)
	}
	if got := s.fleetFacts().String(); got != `{"index": {}, "nodes": {}, "owners": {"10.0.0.1": "a"}, "problems": [{"i": 6, "node": null}], "rc": [{"i": 1, "node": "a"}, {"i": 2, "node": ""}, {"i": 3, "node": "c"}, {"i": 4}, {"i": 5, "node": "a"}], "release": "zed"}` {
		t.Errorf("fleet facts: %s", got)
	}
	if s, _ := splitDoc(doc(), 0); len(s.parts) != 4 {
		t.Errorf("default size on 3 nodes: %d parts, want one per node and the part of no node", len(s.parts))
	}
	if s, _ := splitDoc(map[string]any{}, 1); len(s.parts) != 1 {
		t.Error("a document without nodes has the part of no node only")
	}
}

// ints turns JSON's float64 numbers into ints, as the model has them.
func ints(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = ints(x)
		}
	case []any:
		for i, x := range v {
			v[i] = ints(x)
		}
	case float64:
		return int(v)
	}
	return v
}

// TestNodesPerPart: about 16 parts whatever the processors, at least one
// node each; an explicit size wins.
func TestNodesPerPart(t *testing.T) {
	for _, c := range []struct{ n, size, want int }{{1, 0, 1}, {16, 0, 1}, {17, 0, 2}, {1000, 0, 63}, {1024, 0, 64}, {1025, 0, 64}, {10000, 0, 64}, {1000, 1, 1}, {10000, 200, 200}} {
		if got := nodesPerPart(c.n, c.size); got != c.want {
			t.Errorf("nodesPerPart(%d, %d) = %d, want %d", c.n, c.size, got, c.want)
		}
	}
}
