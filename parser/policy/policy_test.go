package policy

import (
	"fmt"
	"strings"
	"testing"
)

// TestParse: the behaviours of ../shared/research/openstack-oracles.md §4.
func TestParse(t *testing.T) {
	cases := []struct {
		in     any
		tree   string
		status Status
	}{
		{"", "@", OK},
		{nil, "@", OK},
		{[]any{}, "@", OK},
		{"@", "@", OK},
		{"!", "!", OK},
		{"role:admin", "role:admin", OK},
		{"role:a or role:b and role:c", "(role:a or (role:b and role:c))", OK},
		{"role:a or role:b and role:c and role:d", "(role:a or (role:b and role:c and role:d))", OK},
		{"not role:a and role:b", "(not role:a and role:b)", OK},
		{"(role:a OR role:b) AND not rule:x", "((role:a or role:b) and not rule:x)", OK},
		{"role:admin and", "!", SyntaxError},
		{"or role:admin", "!", SyntaxError},
		{"(role:admin", "!", SyntaxError},
		{"role:admin)", "!", SyntaxError},
		{"rule:a rule:b", "!", SyntaxError},
		{"role: admin", "!", SyntaxError},
		{"role or role:admin", "(! or role:admin)", CheckError},
		{"rloe:admin", "rloe:admin", OK},
		{"http://h/x", "http://h/x", OK},
		{"'p1':%(project_id)s", "'p1':%(project_id)s", OK},
		{`"quoted"`, "quoted", OK},
		{[]any{[]any{"role:a", "role:b"}, []any{"role:c"}}, "((role:a and role:b) or role:c)", OK},
		{[]any{[]any{}}, "!", OK},
		{true, "", Exception},
		{"Or", "Or", OK}, // a lone keyword is returned as a bare string
		{")", ")", OK},
	}
	for _, c := range cases {
		r := Parse(c.in)
		got := ""
		if r.Tree != nil {
			got = r.Tree.String()
		}
		if got != c.tree || r.Status != c.status {
			t.Errorf("Parse(%#v) = %q %s, want %q %s", c.in, got, r.Status, c.tree, c.status)
		}
	}
}

// TestClasses: base checks get oslo.policy's classes.
func TestClasses(t *testing.T) {
	r := Parse("rule:x or role:y or https://h or user_id:%(user_id)s")
	want := []string{"RuleCheck", "RoleCheck", "HttpsCheck", "GenericCheck"}
	for i, c := range r.Tree.Children {
		if c.Class != want[i] {
			t.Errorf("child %d: %s, want %s", i, c.Class, want[i])
		}
	}
}

// TestOffsets: every check knows where it starts in the rule string.
func TestOffsets(t *testing.T) {
	rule := "(role:a or  not rule:b) and rloe:c"
	r := Parse(rule)
	var got []string
	var walk func(n *Node)
	walk = func(n *Node) {
		if n.Op == "check" {
			got = append(got, rule[n.Offset:n.Offset+len(n.Kind)+1+len(n.Match)])
		}
		if n.Op == "not" && rule[n.Offset:n.Offset+3] != "not" {
			t.Errorf("not at %d", n.Offset)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(r.Tree)
	want := []string{"role:a", "rule:b", "rloe:c"}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("checks at offsets: %q, want %q", got, want)
	}
	if r.Tree.Offset != 1 {
		t.Errorf("and-expression at %d, want 1", r.Tree.Offset)
	}
}

// chain joins n numbered role checks with op.
func chain(n int, op string) string {
	terms := make([]string, n)
	for i := range terms {
		terms[i] = fmt.Sprintf("role:r%d", i)
	}
	return strings.Join(terms, " "+op+" ")
}

// TestLongAndDeepRules: long chains parse flat; trees deeper than
// MaxDepth are an Exception without a tree (oslo.policy raises
// RecursionError on them), however they nest; parentheses around a single
// check nest nothing.
func TestLongAndDeepRules(t *testing.T) {
	deepOr := strings.Repeat("(role:a or ", 40_000) + "role:b" + strings.Repeat(")", 40_000)
	cases := []struct {
		name     string
		rule     string
		status   Status
		children int
	}{
		{"or chain", chain(40_000, "or"), OK, 40_000},
		{"and chain", chain(40_000, "AND"), OK, 40_000},
		{"mixed chain", strings.Repeat("role:a and not role:b or ", 20_000) + "role:c", OK, 20_001},
		{"parentheses around one check", strings.Repeat("(", 40_000) + "role:a" + strings.Repeat(")", 40_000), OK, 0},
		{"not x999", strings.Repeat("not ", MaxDepth-1) + "role:a", OK, 1},
		{"not x1000", strings.Repeat("not ", MaxDepth) + "role:a", Exception, 0},
		{"not x40000", strings.Repeat("not ", 40_000) + "role:a", Exception, 0},
		{"nested or x40000", deepOr, Exception, 0},
		{"nested and x40000", strings.ReplaceAll(deepOr, " or ", " and "), Exception, 0},
		{"nested or x40000, broken", deepOr + ")", SyntaxError, 0},
	}
	for _, c := range cases {
		r := Parse(c.rule)
		if r.Status != c.status {
			t.Errorf("%s: status %s %v, want %s", c.name, r.Status, r.Messages, c.status)
			continue
		}
		if c.status == Exception {
			if r.Tree != nil || len(r.Messages) != 1 || !strings.HasPrefix(r.Messages[0], "RecursionError: ") {
				t.Errorf("%s: tree %v, messages %q", c.name, r.Tree != nil, r.Messages)
			}
			continue
		}
		if len(r.Tree.Children) != c.children {
			t.Errorf("%s: %d children, want %d", c.name, len(r.Tree.Children), c.children)
		}
	}
	if s := Parse(chain(40_000, "or")).Tree.String(); s != "("+chain(40_000, "or")+")" {
		t.Errorf("or chain renders as %.80q...", s)
	}
}

// BenchmarkOrChain: one rule of 40,000 'or'-ed checks (issue 14), parsed
// and rendered.
func BenchmarkOrChain(b *testing.B) { benchRule(b, chain(40_000, "or")) }

// BenchmarkAndNotChain: 40,000 checks joined by "and not".
func BenchmarkAndNotChain(b *testing.B) { benchRule(b, chain(40_000, "and not")) }

// BenchmarkDeepNesting: 40,000 nested parenthesised or-expressions.
func BenchmarkDeepNesting(b *testing.B) {
	benchRule(b, strings.Repeat("(role:a or ", 40_000)+"role:b"+strings.Repeat(")", 40_000))
}

func benchRule(b *testing.B, rule string) {
	b.SetBytes(int64(len(rule)))
	for b.Loop() {
		if r := Parse(rule); r.Tree != nil {
			_ = r.Tree.String()
		}
	}
}
