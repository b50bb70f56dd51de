package engine

import (
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ToValue converts the model document (maps, slices, strings, ints, bools)
// straight into an ast.Value, without a JSON round trip.
func ToValue(v any) (ast.Value, error) {
	t, err := toTerm(v)
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

func toTerm(v any) (*ast.Term, error) {
	switch v := v.(type) {
	case nil:
		return ast.NullTerm(), nil
	case string:
		return ast.StringTerm(v), nil
	case bool:
		return ast.BooleanTerm(v), nil
	case int:
		return ast.IntNumberTerm(v), nil
	case []any:
		terms := make([]*ast.Term, len(v))
		for i, x := range v {
			t, err := toTerm(x)
			if err != nil {
				return nil, err
			}
			terms[i] = t
		}
		return ast.ArrayTerm(terms...), nil
	case map[string]any:
		items := make([][2]*ast.Term, 0, len(v))
		for k, x := range v {
			t, err := toTerm(x)
			if err != nil {
				return nil, err
			}
			items = append(items, [2]*ast.Term{ast.StringTerm(k), t})
		}
		return ast.NewTerm(ast.NewObject(items...)), nil
	}
	return nil, fmt.Errorf("model: unsupported value of type %T", v)
}
