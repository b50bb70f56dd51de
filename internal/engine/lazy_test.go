package engine

import (
	"maps"
	"slices"
	"testing"
)

// TestLazyParts: a lazy document (each node a function building its
// document, the index a function of some nodes' documents) is cut into
// the same parts as the plain one, its whole document is the same, and no
// node's document is built before its part is converted: splitDoc builds
// none, convert(i) builds part i's only, each once.
func TestLazyParts(t *testing.T) {
	docs := map[string]map[string]any{"a": {"n": 1, "k": "k"}, "b": {"n": 2, "k": "only_b"}, "c": {"n": 3, "k": "k"}}
	indexOf := func(nodes map[string]any) map[string]any {
		keys := map[string]any{"never": []any{}}
		for _, n := range slices.Sorted(maps.Keys(nodes)) {
			k := nodes[n].(map[string]any)["k"].(string)
			prev, _ := keys[k].([]any)
			keys[k] = append(prev, []any{n, "f", "s"})
		}
		return map[string]any{"keys": keys, "kinds": map[string]any{}}
	}
	built := map[string]int{}
	doc := func(lazy bool) map[string]any {
		nodes := map[string]any{}
		plain := map[string]any{}
		for n, d := range docs {
			plain[n] = maps.Clone(d)
			nodes[n] = func() map[string]any { built[n]++; return maps.Clone(d) }
		}
		out := map[string]any{"owners": map[string]any{"10.0.0.1": "a"}, "rc": []any{map[string]any{"node": "c", "i": 3}}}
		if lazy {
			out["nodes"], out["index"] = nodes, indexOf
		} else {
			out["nodes"], out["index"] = plain, indexOf(plain)
		}
		return out
	}
	plain, err := splitDoc(doc(false), 2)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := splitDoc(doc(true), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(built) != 0 {
		t.Fatalf("splitDoc built %v", built)
	}
	if len(lazy.parts) != len(plain.parts) {
		t.Fatalf("%d parts, want %d", len(lazy.parts), len(plain.parts))
	}
	var pt, lt []partTerms
	for i := range plain.parts {
		want, p, err := plain.convert(i)
		if err != nil {
			t.Fatal(err)
		}
		got, l, err := lazy.convert(i)
		if err != nil {
			t.Fatal(err)
		}
		pt, lt = append(pt, p), append(lt, l)
		if got.Compare(want) != 0 {
			t.Errorf("part %d:\n got %s\nwant %s", i, got, want)
		}
		if i == 0 && (len(built) != 2 || built["a"] != 1 || built["b"] != 1) {
			t.Errorf("after part 0, built %v, want a and b once", built)
		}
	}
	if len(built) != 3 || built["c"] != 1 {
		t.Errorf("built %v, want every node once", built)
	}
	if got, want := lazy.whole(lt), plain.whole(pt); got.Compare(want) != 0 {
		t.Errorf("whole:\n got %s\nwant %s", got, want)
	}
}
