package policy

// reductions in the order oslo.policy's ParseState tries them (method
// definition order; a method's own patterns innermost decorator first).
var reductions = []struct {
	pattern []string
	apply   func(v []token) []token
}{
	{[]string{"(", "or_expr", ")"}, wrap},
	{[]string{"(", "and_expr", ")"}, wrap},
	{[]string{"(", "check", ")"}, wrap},
	{[]string{"check", "and", "check"}, func(v []token) []token {
		return []token{{tok: "and_expr", node: &Node{Op: "and", Children: []*Node{v[0].node, v[2].node}, Offset: v[0].node.Offset}}}
	}},
	{[]string{"or_expr", "and", "check"}, mixOrAnd},
	{[]string{"and_expr", "and", "check"}, func(v []token) []token {
		v[0].node.Children = append(v[0].node.Children, v[2].node)
		return []token{{tok: "and_expr", node: v[0].node}}
	}},
	{[]string{"and_expr", "or", "check"}, makeOr},
	{[]string{"check", "or", "check"}, makeOr},
	{[]string{"or_expr", "or", "check"}, func(v []token) []token {
		v[0].node.Children = append(v[0].node.Children, v[2].node)
		return []token{{tok: "or_expr", node: v[0].node}}
	}},
	{[]string{"not", "check"}, func(v []token) []token {
		return []token{{tok: "check", node: &Node{Op: "not", Children: []*Node{v[1].node}, Offset: v[0].off}}}
	}},
}

func wrap(v []token) []token { return []token{{tok: "check", node: v[1].node}} }

func makeOr(v []token) []token {
	return []token{{tok: "or_expr", node: &Node{Op: "or", Children: []*Node{v[0].node, v[2].node}, Offset: v[0].node.Offset}}}
}

// mixOrAnd handles "A or B and C": the last check of the or-expression is
// and-ed with C (extending it when it already is an and-check).
func mixOrAnd(v []token) []token {
	or := v[0].node
	last := or.Children[len(or.Children)-1]
	or.Children = or.Children[:len(or.Children)-1]
	and := last
	if last.Op == "and" {
		last.Children = append(last.Children, v[2].node)
	} else {
		and = &Node{Op: "and", Children: []*Node{last, v[2].node}, Offset: last.Offset}
	}
	or.Children = append(or.Children, and)
	return []token{{tok: "or_expr", node: or}}
}

// reduce applies the first matching reduction to the end of the stack,
// again and again (oslo.policy's greedy ParseState.reduce).
func reduce(st []token) []token {
	for {
		applied := false
		for _, r := range reductions {
			n := len(r.pattern)
			if len(st) < n || !tail(st, r.pattern) {
				continue
			}
			vals := append([]token(nil), st[len(st)-n:]...)
			st = append(st[:len(st)-n], r.apply(vals)...)
			applied = true
			break
		}
		if !applied {
			return st
		}
	}
}

func tail(st []token, pattern []string) bool {
	off := len(st) - len(pattern)
	for i, p := range pattern {
		if st[off+i].tok != p {
			return false
		}
	}
	return true
}
