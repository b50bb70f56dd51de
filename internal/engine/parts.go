package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// nodeLists are the model document's top-level lists whose entries name
// the node they belong to ("node"): rc files, policy files, hosts
// conflicts, package leftovers and reading problems (internal/model
// build.go).
func nodeLists() []string {
	return []string{"rc", "policies", "hosts_conflicts", "leftovers", "problems"}
}

// partsPerPass is how many parts splitDoc makes of a large fleet: enough
// to keep up to maxWorkers workers busy, few enough that evaluating a
// part's fixed cost (every rule's views over the document's shared facts,
// about a millisecond) stays small against its nodes'.
const partsPerPass = 16

// maxNodesPerPart bounds a part: a part's evaluation holds its nodes' OPA
// terms and what the rules compute over them (plugged values, cached
// function results) until it ends, on each of the workers at once. At
// 10,000 nodes, 16 parts of 625 peaked at 4.6 GiB RSS and parts of 64 at
// 4.0 GiB (make bench's per-node generator, same findings), while a part's
// fixed cost (about a millisecond) stays small against 64 nodes'.
const maxNodesPerPart = 64

// nodesPerPart is how many nodes a part of a fleet of n nodes holds when
// size (the engine's NodesPerPart option) is 0: n / partsPerPass rounded
// up, at most maxNodesPerPart. It does not depend on the number of
// processors.
func nodesPerPart(n, size int) int {
	if size > 0 {
		return size
	}
	return min(maxNodesPerPart, max(1, (n+partsPerPass-1)/partsPerPass))
}

func isNodeList(key string) bool {
	for _, l := range nodeLists() {
		if l == key {
			return true
		}
	}
	return false
}

// splitLists groups the entries of nodeLists by part (of: node name ->
// part; count parts of nodes, then the part of no node), then list, in
// the document's order. Entries naming no node of the document ("" for
// loose files) go to the last part, entries without "node" to every part.
func splitLists(doc ast.Object, of map[string]int, count int) []map[string][]*ast.Term {
	out := make([]map[string][]*ast.Term, count+1)
	for i := range out {
		out[i] = map[string][]*ast.Term{}
	}
	for _, list := range nodeLists() {
		t := doc.Get(ast.InternedTerm(list))
		if t == nil {
			continue
		}
		a, ok := t.Value.(*ast.Array)
		if !ok {
			continue
		}
		a.Foreach(func(e *ast.Term) {
			node, named := entryNode(e)
			i, known := of[node]
			switch {
			case !named:
				for i := range out {
					out[i][list] = append(out[i][list], e)
				}
			case known:
				out[i][list] = append(out[i][list], e)
			default:
				out[count][list] = append(out[count][list], e)
			}
		})
	}
	return out
}

// entryNode is an entry's "node" string; named is false when it has none.
func entryNode(e *ast.Term) (node string, named bool) {
	o, ok := e.Value.(ast.Object)
	if !ok {
		return "", false
	}
	t := o.Get(ast.InternedTerm("node"))
	if t == nil {
		return "", false
	}
	if _, null := t.Value.(ast.Null); null {
		return "", false
	}
	s, _ := t.Value.(ast.String)
	return string(s), true
}
