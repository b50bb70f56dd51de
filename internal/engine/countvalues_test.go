package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

func TestCountValues(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`[{"v": "a"}, {"v": "b"}, {"v": "a"}, {"w": 1}, 3]`, `{"a": 2, "b": 1}`},
		{`{{"v": 1, "p": 1}, {"v": 1, "p": 2}, {"v": 1.0, "p": 3}, {"v": [1]}}`, `{1: 3, [1]: 1}`},
		{`[]`, `{}`},
	} {
		got := countValues(ast.MustParseTerm(c.in))
		if got == nil || !got.Equal(ast.MustParseTerm(c.want)) {
			t.Errorf("count_values(%s) = %v, want %s", c.in, got, c.want)
		}
	}
	if got := countValues(ast.MustParseTerm(`"copies"`)); got != nil {
		t.Errorf("count_values of a string = %v, want undefined", got)
	}
}
