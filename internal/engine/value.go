package engine

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ToValue converts the model document (maps, slices, strings, ints, bools)
// straight into an ast.Value, without a JSON round trip. Equal strings,
// numbers and booleans share one term (a fleet's documents repeat kinds,
// sections, option names, paths and values on every node): evaluation
// never changes an input term. The nodes of a document (doc["nodes"]) are
// converted in parallel (convertNodes).
func ToValue(v any) (ast.Value, error) {
	if doc, ok := v.(map[string]any); ok {
		return convertDoc(doc, false)
	}
	t, err := newConverter().toTerm(v)
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

// MoveToValue is ToValue for a model document that is not used again: each
// node's part (doc["nodes"][name]) and each top-level entry is deleted
// from doc once converted, so that the Go document and its copy for OPA
// are not both whole in memory at once.
func MoveToValue(doc map[string]any) (ast.Value, error) {
	return convertDoc(doc, true)
}

// convertDoc converts a document entry by entry, in key order, deleting
// each entry once converted when move is set.
func convertDoc(doc map[string]any, move bool) (ast.Value, error) {
	c := newConverter()
	items := make([][2]*ast.Term, 0, len(doc))
	for _, k := range slices.Sorted(maps.Keys(doc)) {
		var t *ast.Term
		var err error
		if nodes, ok := doc[k].(map[string]any); ok && k == "nodes" {
			t, err = c.convertNodes(nodes, move)
		} else {
			t, err = c.toTerm(doc[k])
		}
		if err != nil {
			return nil, err
		}
		items = append(items, [2]*ast.Term{c.str(k), t})
		if move {
			delete(doc, k)
		}
	}
	return ast.NewObject(items...), nil
}

// convertNodes converts the nodes object on GOMAXPROCS goroutines, each
// with a converter of its own (equal terms are shared within a goroutine's
// nodes: at most one copy of a repeated string per goroutine), and drops
// each node's Go document once converted; with move set, m is emptied
// first. The object is the same whatever goroutine converts a node; an
// error is the one of the first node (by name) that has one.
func (c *converter) convertNodes(m map[string]any, move bool) (*ast.Term, error) {
	names := slices.Sorted(maps.Keys(m))
	docs := make([]any, len(names))
	for i, n := range names {
		docs[i] = m[n]
		if move {
			delete(m, n)
		}
	}
	terms := make([]*ast.Term, len(names))
	errs := make([]error, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(len(names), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			w := newConverter()
			for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
				terms[i], errs[i] = w.toTerm(docs[i])
				docs[i] = nil
			}
		})
	}
	wg.Wait()
	items := make([][2]*ast.Term, len(names))
	for i, n := range names {
		if errs[i] != nil {
			return nil, errs[i]
		}
		items[i] = [2]*ast.Term{c.str(n), terms[i]}
	}
	return ast.NewTerm(ast.NewObject(items...)), nil
}

// converter holds the terms shared by one conversion.
type converter struct {
	strings map[string]*ast.Term
	ints    map[int]*ast.Term
}

func newConverter() *converter {
	return &converter{strings: map[string]*ast.Term{}, ints: map[int]*ast.Term{}}
}

func (c *converter) str(s string) *ast.Term {
	t, ok := c.strings[s]
	if !ok {
		t = ast.StringTerm(s)
		c.strings[s] = t
	}
	return t
}

func (c *converter) toTerm(v any) (*ast.Term, error) {
	switch v := v.(type) {
	case nil:
		return ast.NullTerm(), nil
	case string:
		return c.str(v), nil
	case bool:
		return ast.InternedTerm(v), nil
	case int:
		t, ok := c.ints[v]
		if !ok {
			t = ast.IntNumberTerm(v)
			c.ints[v] = t
		}
		return t, nil
	case []any:
		terms := make([]*ast.Term, len(v))
		for i, x := range v {
			t, err := c.toTerm(x)
			if err != nil {
				return nil, err
			}
			terms[i] = t
		}
		return ast.ArrayTerm(terms...), nil
	case map[string]any:
		items := make([][2]*ast.Term, 0, len(v))
		for k, x := range v {
			t, err := c.toTerm(x)
			if err != nil {
				return nil, err
			}
			items = append(items, [2]*ast.Term{c.str(k), t})
		}
		return ast.NewTerm(ast.NewObject(items...)), nil
	}
	return nil, fmt.Errorf("model: unsupported value of type %T", v)
}
