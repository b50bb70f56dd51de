package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/types"
)

// effectiveName is the built-in behind lib.effective (rules/lib/lib.rego):
// stacklint.effective(node, kinds, section, key, layers) is [file,
// occurrence] of the value in effect, or undefined. It answers in Go what
// the rules ask tens of thousands of times on a large fleet; the Rego
// helper documents the semantics and keeps the layers table.
const effectiveName = "stacklint.effective"

// effectiveDecl declares the built-in: five values in, one value out.
var effectiveDecl = &ast.Builtin{
	Name: effectiveName,
	Decl: types.NewFunction(types.Args(types.A, types.A, types.A, types.A, types.A), types.A),
}

// builtins are the declarations stacklint adds to OPA's (Capabilities).
func builtins() []*ast.Builtin { return []*ast.Builtin{effectiveDecl, countValuesDecl} }

// withBuiltins is the rego option that implements stacklint's built-ins.
// Not memoized: OPA would key its memo by the whole node object (1.7x
// the CPU and twice the memory on a 1,000-node run).
func withBuiltins() func(*rego.Rego) {
	return func(r *rego.Rego) {
		rego.FunctionDyn(&rego.Function{Name: effectiveName, Decl: effectiveDecl.Decl},
			func(_ rego.BuiltinContext, args []*ast.Term) (*ast.Term, error) {
				return effective(args[0], args[1], args[2], args[3], args[4]), nil
			})(r)
		rego.FunctionDyn(&rego.Function{Name: countValuesName, Decl: countValuesDecl.Decl},
			func(_ rego.BuiltinContext, args []*ast.Term) (*ast.Term, error) {
				return countValues(args[0]), nil
			})(r)
	}
}
