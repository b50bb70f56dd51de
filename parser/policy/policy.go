// Package policy parses oslo.policy rule strings exactly as oslo.policy's
// _parser does: whitespace tokens with parentheses peeled off their ends,
// and/or/not keywords in any case, a greedy shift-reduce parse in which
// "not" binds to the next check and "and" tighter than "or", base checks
// split at the first ':' (rule:, role:, http:, https:, anything else a
// generic check), and the legacy list-of-lists syntax. What oslo.policy
// does with bad input is kept too: a rule that does not parse becomes "!"
// (deny all) as a whole, an atom that does not parse becomes "!" alone.
package policy

import (
	"fmt"
	"strings"
	"unicode"
)

// Node is one node of a check tree.
type Node struct {
	Op       string  // "check", "true" (@), "false" (!), "not", "and", "or", "string"
	Class    string  // for checks: RuleCheck, RoleCheck, HttpCheck, HttpsCheck, GenericCheck
	Kind     string  // for checks: the part before the first ':'
	Match    string  // for checks: the rest; for "string": the text
	Children []*Node // not: one; and/or: two or more
	// Offset is the byte offset in the rule string where the node starts
	// (its first token); -1 for the legacy list syntax and whole-rule nodes.
	Offset int
}

// String renders the tree as oslo.policy's str() does, in time linear in
// its length.
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

// write renders n into b; it recurses once per level, which Parse bounds
// by MaxDepth.
func (n *Node) write(b *strings.Builder) {
	switch n.Op {
	case "true":
		b.WriteString("@")
	case "false":
		b.WriteString("!")
	case "check":
		b.WriteString(n.Kind)
		b.WriteString(":")
		b.WriteString(n.Match)
	case "string":
		b.WriteString(n.Match)
	case "not":
		b.WriteString("not ")
		n.Children[0].write(b)
	default:
		b.WriteString("(")
		for i, c := range n.Children {
			if i > 0 {
				b.WriteString(" " + n.Op + " ")
			}
			c.write(b)
		}
		b.WriteString(")")
	}
}

// MaxDepth is the deepest check tree Parse returns: Python's default
// recursion limit. oslo.policy recurses once per level when it evaluates a
// rule (and its parser once per "not" in a row: about 990 of them raise
// RecursionError in a bare script, 498 when policy_check.py prints the
// tree), so a deeper rule fails in the service too; Parse reports it as an
// Exception without a tree, and everything that walks trees recursively
// stays within this depth.
const MaxDepth = 1000

// depth is the number of levels of the tree under n, counted without
// recursion.
func depth(n *Node) int {
	type item struct {
		n *Node
		d int
	}
	deepest := 0
	stack := []item{{n, 1}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		deepest = max(deepest, it.d)
		for _, c := range it.n.Children {
			stack = append(stack, item{c, it.d + 1})
		}
	}
	return deepest
}

// Status says how a rule fared.
type Status string

// Statuses, as ../shared/upstream/policy_check.py names them.
const (
	OK          Status = "ok"
	SyntaxError Status = "syntax_error" // the whole rule did not parse: it denies everyone
	CheckError  Status = "check_error"  // an atom did not parse: it alone denies
	Exception   Status = "exception"    // a value oslo.policy cannot load (true, 1)
)

// Result is a parsed rule.
type Result struct {
	Tree     *Node
	Status   Status
	Messages []string // what oslo.policy logs ("Failed to understand rule X")
}

// Parse parses a rule value as loaded from JSON or YAML: a string, a
// legacy list of lists, null (allow all), or anything else.
func Parse(v any) Result {
	p := &parser{}
	var tree *Node
	switch x := v.(type) {
	case string:
		tree = p.text(x)
	case nil:
		tree = &Node{Op: "true", Offset: -1}
	case []any:
		tree = p.list(x)
	case map[string]any:
		keys := make([]any, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		tree = p.list(keys)
	default:
		return Result{Status: Exception, Messages: []string{fmt.Sprintf("TypeError: '%T' object is not iterable", v)}}
	}
	if d := depth(tree); d > MaxDepth {
		return Result{Status: Exception, Messages: []string{fmt.Sprintf(
			"RecursionError: the rule nests %d levels deep; oslo.policy recurses once per level and Python stops at %d", d, MaxDepth)}}
	}
	r := Result{Tree: tree, Messages: p.msgs, Status: OK}
	if len(p.msgs) > 0 {
		r.Status = CheckError
		if s, ok := v.(string); ok && tree.Op == "false" && s != "!" {
			r.Status = SyntaxError
		}
		if _, ok := v.(string); !ok && tree.Op == "false" {
			r.Status = SyntaxError
		}
	}
	return r
}

type parser struct {
	msgs []string
}

func (p *parser) fail(rule string) *Node {
	p.msgs = append(p.msgs, "Failed to understand rule "+rule)
	return &Node{Op: "false", Offset: -1}
}

// check parses one base check (oslo.policy's _parse_check).
func (p *parser) check(rule string) *Node {
	switch rule {
	case "!":
		return &Node{Op: "false", Offset: -1}
	case "@":
		return &Node{Op: "true", Offset: -1}
	}
	kind, match, ok := strings.Cut(rule, ":")
	if !ok {
		return p.fail(rule)
	}
	class := "GenericCheck"
	switch kind {
	case "rule":
		class = "RuleCheck"
	case "role":
		class = "RoleCheck"
	case "http":
		class = "HttpCheck"
	case "https":
		class = "HttpsCheck"
	}
	return &Node{Op: "check", Class: class, Kind: kind, Match: match, Offset: -1}
}

// list parses the legacy list-of-lists syntax: the outer list is joined
// by "or", each inner list by "and"; a bare string is a one-item list.
func (p *parser) list(rule []any) *Node {
	if len(rule) == 0 {
		return &Node{Op: "true", Offset: -1}
	}
	var or []*Node
	for _, inner := range rule {
		items, ok := inner.([]any)
		if s, isStr := inner.(string); isStr {
			items, ok = []any{s}, true
		}
		if !ok || len(items) == 0 {
			continue // oslo.policy skips empty inner lists
		}
		and := make([]*Node, len(items))
		for i, it := range items {
			if s, ok := it.(string); ok {
				and[i] = p.check(s)
			} else {
				and[i] = p.fail(fmt.Sprint(it))
			}
		}
		if len(and) == 1 {
			or = append(or, and[0])
		} else {
			or = append(or, &Node{Op: "and", Children: and, Offset: -1})
		}
	}
	switch len(or) {
	case 0:
		return &Node{Op: "false", Offset: -1}
	case 1:
		return or[0]
	}
	return &Node{Op: "or", Children: or, Offset: -1}
}

// isSpace is Python's \s for str patterns (unicode.IsSpace plus the
// information separators U+001C..U+001F).
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

type token struct {
	tok  string // "(", ")", "and", "or", "not", "check", "string", and after reduction "and_expr", "or_expr"
	node *Node
	raw  string // a keyword or parenthesis as written
	off  int    // byte offset in the rule string
}

// fields splits s at Python's whitespace, with the byte offset of each field.
func fields(s string) (out []string, offs []int) {
	start := -1
	for i, r := range s {
		switch {
		case isSpace(r) && start >= 0:
			out, offs = append(out, s[start:i]), append(offs, start)
			start = -1
		case !isSpace(r) && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out, offs = append(out, s[start:]), append(offs, start)
	}
	return out, offs
}

// tokens splits a rule as oslo.policy's _parse_tokenize does.
func (p *parser) tokens(rule string) []token {
	var out []token
	words, offs := fields(rule)
	for w, tok := range words {
		off := offs[w]
		clean := strings.TrimLeft(tok, "(")
		for i := 0; i < len(tok)-len(clean); i++ {
			out = append(out, token{tok: "(", raw: "(", off: off + i})
		}
		if clean == "" {
			continue
		}
		off += len(tok) - len(clean)
		tok = clean
		clean = strings.TrimRight(tok, ")")
		trail := len(tok) - len(clean)
		out = append(out, p.word(tok, clean, off)...)
		for i := 0; i < trail; i++ {
			out = append(out, token{tok: ")", raw: ")", off: off + len(clean) + i})
		}
	}
	return out
}

// word is one token without its leading parentheses (tok) and without its
// trailing ones (clean): a keyword, a quoted string or a check.
func (p *parser) word(tok, clean string, off int) []token {
	lowered := strings.ToLower(clean)
	switch {
	case lowered == "and" || lowered == "or" || lowered == "not":
		return []token{{tok: lowered, raw: clean, off: off}}
	case clean == "":
		return nil
	case len(tok) >= 2 && (tok[0] == '"' && tok[len(tok)-1] == '"' || tok[0] == '\'' && tok[len(tok)-1] == '\''):
		return []token{{tok: "string", node: &Node{Op: "string", Match: tok[1 : len(tok)-1], Offset: off}, off: off}}
	}
	n := p.check(clean)
	n.Offset = off
	return []token{{tok: "check", node: n, off: off}}
}

// text parses the policy language (oslo.policy's _parse_text_rule).
func (p *parser) text(rule string) *Node {
	if rule == "" {
		return &Node{Op: "true", Offset: -1}
	}
	var st []token
	for _, t := range p.tokens(rule) {
		st = append(st, t)
		st = reduce(st)
	}
	if len(st) != 1 {
		return p.fail(rule)
	}
	if st[0].node == nil { // a lone keyword or parenthesis: oslo.policy returns the bare string
		return &Node{Op: "string", Match: st[0].raw, Offset: st[0].off}
	}
	return st[0].node
}
