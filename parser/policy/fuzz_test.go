package policy

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzParse checks, for any rule string:
//   - parsing is deterministic and always gives a tree;
//   - the status agrees with the messages (ok: none; a syntax error: the
//     whole rule became "!");
//   - every node with an offset points at its text in the rule: a check at
//     "kind:match", a quoted string at its quote, "not" at the keyword, an
//     and/or at its first child, "@" and "!" at themselves or at the atom
//     that failed;
//   - round trip: String() (oslo.policy's str()) parses back to the same
//     tree, except where oslo.policy's str() itself is lossy: a bare string
//     (a lone keyword or quoted string renders without quotes) and a check
//     whose text is a quoted string of its own (('a:b') renders as 'a:b',
//     which reads back as a string).
func FuzzParse(f *testing.F) {
	f.Add("(role:admin or is_admin:True) and not rule:deny")
	f.Fuzz(func(t *testing.T, rule string) {
		r := Parse(rule)
		if again := Parse(rule); !reflect.DeepEqual(r, again) {
			t.Fatalf("not deterministic: %v then %v", r.Tree, again.Tree)
		}
		if r.Tree == nil {
			t.Fatalf("no tree, status %s", r.Status)
		}
		if (r.Status == OK) != (len(r.Messages) == 0) || r.Status == SyntaxError && r.Tree.Op != "false" {
			t.Fatalf("status %s with messages %q and tree %s", r.Status, r.Messages, r.Tree)
		}
		walk(r.Tree, func(n *Node) { checkOffset(t, rule, n) })
		if lossy(r.Tree) {
			return
		}
		back := Parse(r.Tree.String())
		if shape(back.Tree) != shape(r.Tree) {
			t.Fatalf("round trip of %q:\n got %s\nwant %s", r.Tree.String(), shape(back.Tree), shape(r.Tree))
		}
	})
}

func walk(n *Node, fn func(*Node)) {
	fn(n)
	for _, c := range n.Children {
		walk(c, fn)
	}
}

func checkOffset(t *testing.T, rule string, n *Node) {
	t.Helper()
	if n.Offset < 0 {
		return
	}
	if n.Offset >= len(rule) {
		t.Fatalf("%s at offset %d of a %d-byte rule", n, n.Offset, len(rule))
	}
	at := rule[n.Offset:]
	var ok bool
	switch n.Op {
	case "check":
		ok = strings.HasPrefix(at, n.Kind+":"+n.Match)
	case "string":
		ok = strings.HasPrefix(at, n.Match) || len(at) > 1 && strings.HasPrefix(at[1:], n.Match+at[:1])
	case "not":
		ok = strings.EqualFold(at[:min(3, len(at))], "not")
	case "and", "or":
		ok = n.Offset == n.Children[0].Offset
	case "true", "false": // "@", "!", or an atom oslo.policy failed to understand
		word := strings.TrimRight(strings.FieldsFunc(at, isSpace)[0], ")")
		ok = word == n.String() || n.Op == "false" && !strings.Contains(word, ":")
	}
	if !ok {
		t.Fatalf("%s (%s) is not at offset %d: %q", n, n.Op, n.Offset, at)
	}
}

// lossy reports a tree oslo.policy's str() cannot render faithfully.
func lossy(n *Node) bool {
	if n.Op == "string" {
		return true
	}
	found := false
	walk(n, func(c *Node) {
		if c.Op == "check" {
			text := c.Kind + ":" + c.Match
			found = found || text[0] == text[len(text)-1] && (text[0] == '"' || text[0] == '\'')
		}
	})
	return found
}

// shape renders a tree without offsets, with each check's class.
func shape(n *Node) string {
	var b strings.Builder
	b.WriteString(n.Op + "[" + n.Class + "|" + n.Kind + "|" + n.Match)
	for _, c := range n.Children {
		b.WriteString(" " + shape(c))
	}
	b.WriteString("]")
	return b.String()
}
