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

// part is one node's share of the model document: the input a node-scoped
// rule is evaluated on.
type part struct {
	name  string // the node's name; "" for the entries of no node
	input ast.Value
}

// nodeParts splits the model document (ToValue's object) into one input per
// node, shaped as the whole document: "nodes" holds that node alone, the
// "index" entries and the entries of nodeLists are that node's (an entry
// without "node" is in every part), every other entry (release, params,
// defaults, owners, hosts, ...) is the whole document's, the same terms
// shared by every part. One more part holds the list entries of no node
// (loose rc files), with no node. Parts are in node name order, the part
// of no node last. A document without "nodes" gives no part.
func nodeParts(doc ast.Object) []part {
	nodes, ok := objectAt(doc, "nodes")
	if !ok {
		return nil
	}
	names := map[string]bool{}
	for _, k := range nodes.Keys() {
		if s, ok := k.Value.(ast.String); ok {
			names[string(s)] = true
		}
	}
	lists := splitLists(doc, names)
	index := splitIndex(doc)
	var out []part
	for _, k := range nodes.Keys() { // sorted
		name := string(k.Value.(ast.String))
		out = append(out, part{name: name, input: partOf(doc, ast.NewObject([2]*ast.Term{k, nodes.Get(k)}), lists[name], index[name])})
	}
	out = append(out, part{input: partOf(doc, ast.NewObject(), lists[""], nil)})
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

// splitLists groups the entries of nodeLists by the node they name: by
// node name, then list. Entries naming no node of the document ("" for
// loose files) go to "", entries without "node" to every node and "".
func splitLists(doc ast.Object, names map[string]bool) map[string]map[string][]*ast.Term {
	out := map[string]map[string][]*ast.Term{}
	add := func(node, list string, e *ast.Term) {
		if out[node] == nil {
			out[node] = map[string][]*ast.Term{}
		}
		out[node][list] = append(out[node][list], e)
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
			switch {
			case !named:
				for n := range names {
					add(n, list, e)
				}
				add("", list, e)
			case names[node]:
				add(node, list, e)
			default:
				add("", list, e)
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
// ...]) by node: node, part, key, entries. A node's part of the index
// holds only the keys it has entries for (the rules iterate the entries:
// a missing key reads as an empty list).
func splitIndex(doc ast.Object) map[string]map[string]map[string][]*ast.Term {
	out := map[string]map[string]map[string][]*ast.Term{}
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
				if out[string(node)] == nil {
					out[string(node)] = map[string]map[string][]*ast.Term{}
				}
				if out[string(node)][pn] == nil {
					out[string(node)][pn] = map[string][]*ast.Term{}
				}
				out[string(node)][pn][kn] = append(out[string(node)][pn][kn], e)
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
