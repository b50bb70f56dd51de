package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// refusedCalls are the built-ins custom rules may not call, by name or
// name prefix (a trailing "."), with the reason shown: what is not pure
// and deterministic. Every other built-in OPA marks Nondeterministic is
// refused too (refusal).
var refusedCalls = [][2]string{
	{"http.send", "it reaches the network"},
	{"net.", "the net.* built-ins may reach the network"},
	{"opa.runtime", "it reads the environment"},
	{"time.", "it reads the clock"},
	{"rand.", "it is random"},
	{"uuid.", "it is random"},
	{"io.jwt.decode_verify", "it reads the clock"},
	{"crypto.x509.parse_and_verify_certificates", "it reads the clock"},
	{"trace", "it writes outside the report"},
	{"print", "it writes outside the report"},
}

// refusal says why a custom rule may not call the built-in name, or "".
func refusal(name string, nondeterministic map[string]bool) string {
	for _, r := range refusedCalls {
		if name == r[0] || (strings.HasSuffix(r[0], ".") && strings.HasPrefix(name, r[0])) ||
			strings.HasPrefix(name, r[0]+"_") || strings.HasPrefix(name, r[0]+".") {
			return r[1]
		}
	}
	if nondeterministic[name] {
		return "it is not deterministic"
	}
	return ""
}

// nondeterministicBuiltins are the built-ins OPA marks Nondeterministic.
func nondeterministicBuiltins() map[string]bool {
	out := map[string]bool{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if b.Nondeterministic {
			out[b.Name] = true
		}
	}
	return out
}

// Sandbox checks custom modules (rules, helpers and tests): a call to a
// built-in that is not pure is an error "FILE:LINE: custom rules may not
// call NAME (WHY); only pure built-ins are allowed", one per call, sorted.
// The built-in lib's helpers stay callable: only the given modules are
// walked.
func Sandbox(mods ...map[string]*ast.Module) []error {
	nondet := nondeterministicBuiltins()
	var errs []error
	for _, set := range mods {
		for _, file := range sortedKeys(set) {
			ast.NewGenericVisitor(func(x any) bool {
				name, loc, ok := calledName(x)
				if !ok {
					return false
				}
				if why := refusal(name, nondet); why != "" {
					line := 0
					if loc != nil {
						line = loc.Row
					}
					errs = append(errs, fmt.Errorf("%s:%d: custom rules may not call %s (%s); only pure built-ins are allowed", file, line, name, why))
				}
				return false
			}).Walk(set[file])
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errs
}

// calledName is the name of the function x calls and where: a call term
// (f(x), nested) or a call expression (an expression's operator); false
// otherwise.
func calledName(x any) (string, *ast.Location, bool) {
	switch x := x.(type) {
	case *ast.Expr:
		if x.IsCall() {
			return x.Operator().String(), x.Location, true
		}
	case *ast.Term:
		if call, ok := x.Value.(ast.Call); ok && len(call) > 0 {
			if ref, ok := call[0].Value.(ast.Ref); ok {
				return ref.String(), x.Location, true
			}
		}
	}
	return "", nil, false
}
