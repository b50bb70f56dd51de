package engine

import (
	"fmt"
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ToValue converts the model document (maps, slices, strings, ints, bools)
// straight into an ast.Value, without a JSON round trip. Equal strings,
// numbers and booleans share one term (a fleet's documents repeat kinds,
// sections, option names, paths and values on every node): evaluation
// never changes an input term.
func ToValue(v any) (ast.Value, error) {
	c := converter{strings: map[string]*ast.Term{}, ints: map[int]*ast.Term{}}
	t, err := c.toTerm(v)
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
	c := converter{strings: map[string]*ast.Term{}, ints: map[int]*ast.Term{}}
	items := make([][2]*ast.Term, 0, len(doc))
	for _, k := range slices.Sorted(maps.Keys(doc)) {
		var t *ast.Term
		var err error
		if nodes, ok := doc[k].(map[string]any); ok && k == "nodes" {
			t, err = c.move(nodes)
		} else {
			t, err = c.toTerm(doc[k])
		}
		if err != nil {
			return nil, err
		}
		items = append(items, [2]*ast.Term{c.str(k), t})
		delete(doc, k)
	}
	return ast.NewObject(items...), nil
}

// move converts m entry by entry, deleting each once converted.
func (c *converter) move(m map[string]any) (*ast.Term, error) {
	items := make([][2]*ast.Term, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		t, err := c.toTerm(m[k])
		if err != nil {
			return nil, err
		}
		items = append(items, [2]*ast.Term{c.str(k), t})
		delete(m, k)
	}
	return ast.NewTerm(ast.NewObject(items...)), nil
}

// converter holds the terms shared by one conversion.
type converter struct {
	strings map[string]*ast.Term
	ints    map[int]*ast.Term
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
