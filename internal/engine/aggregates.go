package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// records are the aggregate sets of one node-pass evaluation (the query's
// y: {"<category>.<name>": set}), by package; nil when there is none.
func records(y any) map[string][]*ast.Term {
	t, ok := y.(*ast.Term)
	if !ok {
		return nil
	}
	o, ok := t.Value.(ast.Object)
	if !ok {
		return nil
	}
	out := map[string][]*ast.Term{}
	o.Foreach(func(k, v *ast.Term) {
		pkg, _ := k.Value.(ast.String)
		if s, ok := v.Value.(ast.Set); ok {
			out[string(pkg)] = append(out[string(pkg)], s.Slice()...)
		}
	})
	return out
}

// aggregateInput is what the fleet pass evaluates the aggregate-scoped
// rules' reports over: the document's fleet-wide facts (release, params,
// defaults, owners, hosts, rc and policy files, ...) with no nodes and an
// empty index, and "aggregates": {"<category>.<name>": the union of the
// records every part gave} for each aggregate package of node (an empty
// set when no part gave any, so that the report is still evaluated).
// Records are deduplicated as a set does. nil when doc or node is nil.
func aggregateInput(doc ast.Object, node *shard, results []shardResult) ast.Value {
	if doc == nil || node == nil || len(node.aggs) == 0 {
		return doc
	}
	bySet := map[string]ast.Set{}
	for _, p := range node.aggs {
		bySet[p] = ast.NewSet()
	}
	for _, r := range results {
		for pkg, recs := range r.records {
			if s, ok := bySet[pkg]; ok {
				for _, t := range recs {
					s.Add(t)
				}
			}
		}
	}
	aggs := make([][2]*ast.Term, 0, len(bySet))
	for _, p := range node.aggs {
		aggs = append(aggs, [2]*ast.Term{ast.StringTerm(p), ast.NewTerm(bySet[p])})
	}
	items := make([][2]*ast.Term, 0, doc.Len()+1)
	doc.Foreach(func(k, v *ast.Term) {
		switch k.Value.(ast.String) {
		case "nodes", "index":
			v = ast.ObjectTerm()
		case "aggregates":
			return
		}
		items = append(items, [2]*ast.Term{k, v})
	})
	items = append(items, [2]*ast.Term{ast.StringTerm("aggregates"), ast.ObjectTerm(aggs...)})
	return ast.NewObject(items...)
}
