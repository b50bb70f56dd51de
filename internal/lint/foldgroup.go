package lint

import (
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
)

// foldGroup is findings that fold into one (members: indices, in input
// order) and their message template (fleetPrint).
type foldGroup struct {
	members  []int
	template string
}

// partition splits findings of one coarse key (idx, in input order) into
// the groups that fold, by position: a message is cut at the node names
// it holds; two messages fold when they have the same text around the
// names and, at each place, either the same name or each its own node's
// name. So a node's name that is also a word of the message elsewhere
// ("true", a node called like a value) is compared as that word there.
// A node whose name is written in a value at the finding's locations
// (debug = true on a node called "true", host = compute1 on compute1)
// may be named as that value: its name is never set aside, so it folds
// only with messages that name it the same way. Groups come in the order
// of their first member; two findings of one node never fold together.
func partition(findings []finding.Finding, idx []int, facts fleetFacts) []foldGroup {
	nodes := make([]string, len(idx))
	var clear []string
	for j, i := range idx {
		nodes[j] = findings[i].Locations[0].Node
		if !ambiguous(findings[i], facts.written) {
			clear = append(clear, nodes[j])
		}
	}
	ns := newNameSet(clear)
	shapes := make([]shape, len(idx))
	byText := map[string][]int{} // blurred text -> positions in idx
	var texts []string
	for j, i := range idx {
		shapes[j] = shapeOf(findings[i].Message, ns)
		b := shapes[j].blurred()
		if _, seen := byText[b]; !seen {
			texts = append(texts, b)
		}
		byText[b] = append(byText[b], j)
	}
	var out []foldGroup
	for _, b := range texts {
		js := byText[b]
		shs, nds := make([]shape, len(js)), make([]string, len(js))
		for n, j := range js {
			shs[n], nds[n] = shapes[j], nodes[j]
		}
		slot := slots(shs, nds)
		out = append(out, byTemplate(idx, js, shs, nds, slot)...)
	}
	sortGroups(out)
	return out
}

// byTemplate groups the members js (positions in idx, with their shapes
// and nodes) by template; a node's second finding in a group goes alone.
func byTemplate(idx, js []int, shs []shape, nds []string, slot []bool) []foldGroup {
	var out []foldGroup
	at := map[string]int{} // template -> index in out
	seen := map[[2]string]bool{}
	for n, j := range js {
		t := shs[n].template(slot)
		g, ok := at[t]
		if !ok || seen[[2]string{t, nds[n]}] {
			out = append(out, foldGroup{template: t})
			g = len(out) - 1
			if !ok {
				at[t] = g
			}
		}
		seen[[2]string{t, nds[n]}] = true
		out[g].members = append(out[g].members, idx[j])
	}
	return out
}

// sortGroups orders groups by their first member.
func sortGroups(gs []foldGroup) {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].members[0] < gs[j].members[0] })
}

// ambiguous: the finding's node name is written (as a word, in any case)
// in a value at one of its locations, so the message may name the value.
// A message that names the node once names the node (packstack's
// vncserver_proxyclient_address = stack1.orbit8.com on stack1.orbit8.com:
// "... on stack1.orbit8.com is a deprecated name ..."): only a second
// place can be the value.
func ambiguous(f finding.Finding, written func(finding.Location) []string) bool {
	if written == nil {
		return false
	}
	name := newNameSet([]string{strings.ToLower(f.Locations[0].Node)})
	if len(name.find(strings.ToLower(f.Message))) < 2 {
		return false
	}
	for _, l := range f.Locations {
		for _, v := range written(l) {
			if len(name.find(strings.ToLower(v))) > 0 {
				return true
			}
		}
	}
	return false
}
