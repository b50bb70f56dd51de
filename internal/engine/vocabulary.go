package engine

import (
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// vocabulary lists the words of every string literal of the rules (their
// message templates: "differs", "from", "Keystone", "401"): words a message
// holds whatever the snapshot, which therefore tell nothing about a
// secret. Redaction leaves them alone: a password equal to one of them
// would otherwise be revealed by the label appearing in its place.
func vocabulary(mods map[string]*ast.Module) []string {
	seen := map[string]bool{}
	for _, m := range mods {
		ast.WalkTerms(m, func(t *ast.Term) bool {
			if s, ok := t.Value.(ast.String); ok {
				for _, w := range strings.FieldsFunc(string(s), notWordRune) {
					seen[w] = true
				}
			}
			return false
		})
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

func notWordRune(r rune) bool {
	word := r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80
	return !word
}
