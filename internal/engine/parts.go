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

// part is a share of the model document holding some nodes: the input
// node-scoped rules are evaluated on.
type part struct {
	nodes []string // the nodes of the part, by name; none for the entries of no node
	input ast.Value
}

// partsPerPass is how many parts nodeParts makes of a large fleet: enough
// to keep up to maxWorkers workers busy, few enough that evaluating a
// part's fixed cost (every rule's views over the document's shared facts,
// about a millisecond) stays small against its nodes'.
const partsPerPass = 16

// nodesPerPart is how many nodes a part of a fleet of n nodes holds when
// size (the engine's NodesPerPart option) is 0: n / partsPerPass rounded
// up. It does not depend on the number of processors.
func nodesPerPart(n, size int) int {
	if size > 0 {
		return size
	}
	return max(1, (n+partsPerPass-1)/partsPerPass)
}

// nodeParts splits the model document (ToValue's object) into inputs of
// size nodes each (the last may hold fewer), shaped as the whole document:
// "nodes" holds the part's nodes, the "index" entries and the entries of
// nodeLists are theirs (an entry without "node" is in every part), every
// other entry (release, params, defaults, owners, hosts, ...) is the
// whole document's, the same terms shared by every part. One more part
// holds the list entries of no node (loose rc files), with no node. Nodes
// are taken in name order, entries in the document's order; the part of no
// node is last. A document without "nodes" gives no part.
func nodeParts(doc ast.Object, size int) []part {
	nodes, ok := objectAt(doc, "nodes")
	if !ok {
		return nil
	}
	keys := nodes.Keys() // sorted
	size = nodesPerPart(len(keys), size)
	count := (len(keys) + size - 1) / size
	of := map[string]int{} // node name -> its part
	out := make([]part, count+1)
	for i, k := range keys {
		name := string(k.Value.(ast.String))
		of[name] = i / size
		out[i/size].nodes = append(out[i/size].nodes, name)
	}
	lists := splitLists(doc, of, count)
	index := splitIndex(doc, of, count)
	for i := range out {
		items := make([][2]*ast.Term, 0, len(out[i].nodes))
		for _, n := range out[i].nodes {
			k := ast.StringTerm(n)
			items = append(items, [2]*ast.Term{k, nodes.Get(k)})
		}
		out[i].input = partOf(doc, ast.NewObject(items...), lists[i], index[i])
	}
	return out
}

// partOf is doc with nodes, the lists and the index replaced.
func partOf(doc, nodes ast.Object, lists map[string][]*ast.Term, index map[string]map[string][]*ast.Term) ast.Object {
	items := make([][2]*ast.Term, 0, doc.Len())
	doc.Foreach(func(k, v *ast.Term) {
		key, _ := k.Value.(ast.String)
		switch {
		case key == "nodes":
			v = ast.NewTerm(nodes)
		case key == "index":
			v = indexTerm(doc, index)
		case isNodeList(string(key)):
			v = ast.ArrayTerm(lists[string(key)]...)
		}
		items = append(items, [2]*ast.Term{k, v})
	})
	return ast.NewObject(items...)
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

// splitIndex groups the model's index (index.<part>.<key>: [[node, ...],
// ...]) by part of the document (of: node name -> part; count parts of
// nodes, then the part of no node, which has no entry): part, index part,
// key, entries in the index's order. A part's index holds only the keys it
// has entries for (the rules iterate the entries: a missing key reads as
// an empty list).
func splitIndex(doc ast.Object, of map[string]int, count int) []map[string]map[string][]*ast.Term {
	out := make([]map[string]map[string][]*ast.Term, count+1)
	for i := range out {
		out[i] = map[string]map[string][]*ast.Term{}
	}
	index, ok := objectAt(doc, "index")
	if !ok {
		return out
	}
	index.Foreach(func(p, keys *ast.Term) {
		ko, ok := keys.Value.(ast.Object)
		if !ok {
			return
		}
		pn := string(p.Value.(ast.String))
		ko.Foreach(func(k, entries *ast.Term) {
			a, ok := entries.Value.(*ast.Array)
			if !ok {
				return
			}
			kn := string(k.Value.(ast.String))
			a.Foreach(func(e *ast.Term) {
				ea, ok := e.Value.(*ast.Array)
				if !ok || ea.Len() == 0 {
					return
				}
				node, _ := ea.Elem(0).Value.(ast.String)
				i, known := of[string(node)]
				if !known {
					return
				}
				if out[i][pn] == nil {
					out[i][pn] = map[string][]*ast.Term{}
				}
				out[i][pn][kn] = append(out[i][pn][kn], e)
			})
		})
	})
	return out
}

// indexTerm is a node's index: every part of doc's index, with the node's
// keys.
func indexTerm(doc ast.Object, mine map[string]map[string][]*ast.Term) *ast.Term {
	index, _ := objectAt(doc, "index")
	items := [][2]*ast.Term{}
	if index != nil {
		index.Foreach(func(p, _ *ast.Term) {
			keys := [][2]*ast.Term{}
			for k, entries := range mine[string(p.Value.(ast.String))] {
				keys = append(keys, [2]*ast.Term{ast.StringTerm(k), ast.ArrayTerm(entries...)})
			}
			items = append(items, [2]*ast.Term{p, ast.NewTerm(ast.NewObject(keys...))})
		})
	}
	return ast.NewTerm(ast.NewObject(items...))
}

// objectAt is doc[key] when it is an object.
func objectAt(doc ast.Object, key string) (ast.Object, bool) {
	t := doc.Get(ast.InternedTerm(key))
	if t == nil {
		return nil, false
	}
	o, ok := t.Value.(ast.Object)
	return o, ok
}
