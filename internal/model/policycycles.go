package model

import "sort"

// policyCycles finds, per service, the policies in force on a node that
// refer to each other in a cycle (strongly connected components of the
// rule: reference graph, oslo.policy's "part of a cyclical reference"):
// a list of {service, members} with members sorted.
func policyCycles(docs []any, inForce map[string]any) []any {
	graphs := map[string]map[string][]string{} // service → name → referenced names defined in the files
	for _, d := range docs {
		pd := d.(map[string]any)
		svc, _ := pd["service"].(string)
		inf, _ := inForce[svc].(map[string]any)
		for name, r := range pd["rules"].(map[string]any) {
			at, ok := inf[name].(map[string]any)
			if !ok || at["path"] != pd["path"] || at["line"] != r.(map[string]any)["line"] {
				continue // not the definition in force
			}
			if graphs[svc] == nil {
				graphs[svc] = map[string][]string{}
			}
			for _, ref := range r.(map[string]any)["refs"].([]any) {
				if rf := ref.(map[string]any); rf["defined"] == "file" {
					graphs[svc][name] = append(graphs[svc][name], rf["name"].(string))
				}
			}
		}
	}
	var out []any
	for _, svc := range sortedKeys(graphs) {
		for _, c := range cycles(graphs[svc]) {
			out = append(out, map[string]any{"service": svc, "members": toAny(c)})
		}
	}
	return out
}

// cycles returns the cycles of a graph (Tarjan's strongly connected
// components of more than one node, or one node with a self-edge), each
// sorted, in order of their first member.
func cycles(g map[string][]string) [][]string {
	t := &tarjan{g: g, index: map[string]int{}, low: map[string]int{}, on: map[string]bool{}}
	names := make([]string, 0, len(g))
	for n := range g {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, seen := t.index[n]; !seen {
			t.visit(n)
		}
	}
	sort.Slice(t.out, func(i, j int) bool { return t.out[i][0] < t.out[j][0] })
	return t.out
}

type tarjan struct {
	g     map[string][]string
	index map[string]int
	low   map[string]int
	on    map[string]bool
	stack []string
	next  int
	out   [][]string
}

func (t *tarjan) visit(v string) {
	t.index[v], t.low[v] = t.next, t.next
	t.next++
	t.stack = append(t.stack, v)
	t.on[v] = true
	self := false
	for _, w := range t.g[v] {
		if w == v {
			self = true
		}
		if _, seen := t.index[w]; !seen {
			t.visit(w)
			t.low[v] = min(t.low[v], t.low[w])
		} else if t.on[w] {
			t.low[v] = min(t.low[v], t.index[w])
		}
	}
	if t.low[v] != t.index[v] {
		return
	}
	var comp []string
	for {
		w := t.stack[len(t.stack)-1]
		t.stack = t.stack[:len(t.stack)-1]
		t.on[w] = false
		comp = append(comp, w)
		if w == v {
			break
		}
	}
	if len(comp) > 1 || self {
		sort.Strings(comp)
		t.out = append(t.out, comp)
	}
}
