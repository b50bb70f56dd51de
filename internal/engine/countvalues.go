package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/types"
)

// countValuesName is the built-in behind lib.majority and its kin:
// stacklint.count_values(copies) is {v: how many copies carry v} for the
// copies (a set or array of objects) that carry a field "v". Counting in
// Rego took one pass over the copies per distinct value (quadratic when
// every node holds its own value).
const countValuesName = "stacklint.count_values"

var countValuesDecl = &ast.Builtin{
	Name: countValuesName,
	Decl: types.NewFunction(types.Args(types.A), types.A),
}

// countValues implements stacklint.count_values; nil (undefined) when
// copies is neither a set nor an array.
func countValues(copies *ast.Term) *ast.Term {
	index := ast.NewValueMap() // value -> its position in values
	var values []*ast.Term
	var counts []int
	add := func(c *ast.Term) {
		o, ok := c.Value.(ast.Object)
		if !ok {
			return
		}
		v := o.Get(ast.StringTerm("v"))
		if v == nil {
			return
		}
		if at, ok := index.Get(v.Value).(ast.Number); ok {
			i, _ := at.Int()
			counts[i]++
			return
		}
		index.Put(v.Value, ast.IntNumberTerm(len(values)).Value)
		values, counts = append(values, v), append(counts, 1)
	}
	switch cs := copies.Value.(type) {
	case ast.Set:
		cs.Foreach(add)
	case *ast.Array:
		cs.Foreach(add)
	default:
		return nil
	}
	items := make([][2]*ast.Term, len(values))
	for i, v := range values {
		items[i] = [2]*ast.Term{v, ast.IntNumberTerm(counts[i])}
	}
	return ast.NewTerm(ast.NewObject(items...))
}
