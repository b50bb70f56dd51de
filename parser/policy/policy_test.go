package policy

import "testing"

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
