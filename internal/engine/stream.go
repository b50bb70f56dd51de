package engine

import (
	"context"
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/stacklint/stacklint/internal/finding"
)

// EvalDoc evaluates every rule over the model document (internal/model's
// map of maps, slices, strings, ints and bools), which it empties while
// converting it for OPA part by part: the node pass converts each part's
// nodes in its worker and evaluates the part at once. The whole document is
// assembled from the parts' terms only when fleet-scoped rules need it;
// when every cross-node rule is aggregate-scoped, no input holds every node
// at once and each part's terms are dropped once evaluated. doc may be
// lazy (splitDoc): its nodes' documents are then built by the part's
// worker too. Findings are
// sorted (finding.Sort) and the same as Eval's.
func (e *Engine) EvalDoc(ctx context.Context, doc map[string]any) ([]finding.Finding, error) {
	if err := e.Ready(); err != nil {
		return nil, err
	}
	s, err := splitDoc(doc, e.nodesPerPart)
	if err != nil {
		return nil, err
	}
	needWhole := e.wantsWholeDocument()
	var results []shardResult
	var converted []partTerms
	if e.node != nil || needWhole {
		results = make([]shardResult, len(s.parts))
		converted = make([]partTerms, len(s.parts))
		errs := make([]error, len(s.parts))
		inParallel(len(s.parts), func(i int) {
			in, terms, err := s.convert(i)
			if err != nil {
				errs[i] = err
				return
			}
			if needWhole {
				converted[i] = terms
			}
			if e.node != nil {
				results[i] = e.evalShard(ctx, e.node, in)
			}
		})
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, err := range errs {
			if err != nil {
				return nil, err
			}
		}
	}
	var whole ast.Object
	if needWhole {
		whole = s.whole(converted)
	}
	fleet, err := e.fleetPass(ctx, whole, aggregateInput(s.fleetFacts(), e.node, results))
	if err != nil {
		return nil, err
	}
	out, err := mergeResults(append(results, fleet...))
	out = e.yield(out)
	finding.Sort(out)
	return out, err
}

// fleetPass evaluates the fleet shards: the built-in ones in parallel,
// over the whole document or the aggregates' input, then the custom rules'
// one at a time under their limits (evalUser). A custom rule past its
// limit is the error.
func (e *Engine) fleetPass(ctx context.Context, whole ast.Object, aggInput ast.Value) ([]shardResult, error) {
	fleet := make([]shardResult, len(e.shards))
	inParallel(len(e.shards), func(i int) {
		if e.shards[i].user {
			return // below, one at a time
		}
		in := ast.Value(whole)
		if e.shards[i].withAggregates {
			in = aggInput
		}
		fleet[i] = e.evalShard(ctx, &e.shards[i], in)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	e.evalUser(ctx, whole, fleet)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return fleet, timedOut(fleet)
}

// wantsWholeDocument: some fleet shard evaluates over the whole document.
func (e *Engine) wantsWholeDocument() bool {
	for _, s := range e.shards {
		if !s.withAggregates {
			return true
		}
	}
	return false
}

// docSplit is the model document cut for the node pass: the fleet-wide
// facts converted once, the per-node lists converted whole and grouped by
// part, and each part's nodes and index entries still Go values, converted
// by the worker that evaluates the part.
type docSplit struct {
	facts [][2]*ast.Term // top-level entries other than nodes, index and nodeLists
	lists ast.Object     // nodeLists, whole
	index map[string]any // the whole index (Go): its parts' names
	// nodeIndex computes the index of some nodes (name -> document) when
	// the document's index is that function (a lazy document: each part's
	// index entries come from its own nodes' documents); nil otherwise.
	nodeIndex func(nodes map[string]any) map[string]any
	parts     []docPart
	count     int // parts of nodes (the last part, of no node, is parts[count])
}

// docPart is one part: its nodes (name, Go document or a function
// building it), its list entries (terms of lists) and its index entries
// (Go), by index part and key.
type docPart struct {
	names []string
	nodes []any
	lists map[string][]*ast.Term
	index map[string]map[string][]any
}

// splitDoc cuts doc (emptying it) into parts of size nodes (nodesPerPart).
// doc may be lazy (internal/model's Deployment.Doc): each node a
// func() map[string]any building its document, and "index" a
// func(nodes map[string]any) map[string]any computing the index of the
// nodes given (name -> document; part -> key -> entries, node by node in
// name order); then convert builds each of the part's nodes, adds its
// index entries and drops it, so that at most a few parts' node documents
// are alive at once.
func splitDoc(doc map[string]any, size int) (*docSplit, error) {
	c := newConverter()
	s := &docSplit{}
	nodes, _ := doc["nodes"].(map[string]any)
	names := slices.Sorted(maps.Keys(nodes))
	size = nodesPerPart(len(names), size)
	s.count = (len(names) + size - 1) / size
	s.parts = make([]docPart, s.count+1)
	of := map[string]int{}
	for i, n := range names {
		p := &s.parts[i/size]
		of[n] = i / size
		p.names = append(p.names, n)
		p.nodes = append(p.nodes, nodes[n])
		delete(nodes, n)
	}
	switch idx := doc["index"].(type) {
	case func(map[string]any) map[string]any:
		s.nodeIndex = idx
		s.index = idx(map[string]any{})
	case map[string]any:
		s.index = idx
		s.splitIndex(of)
	}
	var listItems [][2]*ast.Term
	for _, k := range slices.Sorted(maps.Keys(doc)) {
		if k == "nodes" || k == "index" {
			continue
		}
		t, err := c.toTerm(doc[k])
		if err != nil {
			return nil, err
		}
		if isNodeList(k) {
			listItems = append(listItems, [2]*ast.Term{c.str(k), t})
		} else {
			s.facts = append(s.facts, [2]*ast.Term{c.str(k), t})
		}
		delete(doc, k)
	}
	delete(doc, "nodes")
	delete(doc, "index")
	s.lists = ast.NewObject(listItems...)
	byPart := splitLists(s.lists, of, s.count)
	for i := range s.parts {
		s.parts[i].lists = byPart[i]
	}
	return s, nil
}

// splitIndex groups the Go index's entries ([node, ...]) by part, in the
// index's order; entries of no node of the document are left out.
func (s *docSplit) splitIndex(of map[string]int) {
	for _, pn := range slices.Sorted(maps.Keys(s.index)) {
		keys, _ := s.index[pn].(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			entries, _ := keys[k].([]any)
			for _, e := range entries {
				ea, _ := e.([]any)
				if len(ea) == 0 {
					continue
				}
				n, _ := ea[0].(string)
				i, ok := of[n]
				if !ok {
					continue
				}
				p := &s.parts[i]
				if p.index == nil {
					p.index = map[string]map[string][]any{}
				}
				if p.index[pn] == nil {
					p.index[pn] = map[string][]any{}
				}
				p.index[pn][k] = append(p.index[pn][k], e)
			}
		}
	}
}

// partTerms are a part's nodes and index as converted (whole joins them).
type partTerms struct {
	nodes [][2]*ast.Term
	index ast.Object
}

// convert builds part i's input (shaped as the whole document: the fleet
// facts, the part's nodes, index entries and list entries) and returns it
// with its nodes' and index's terms; the part's Go values are dropped.
func (s *docSplit) convert(i int) (ast.Value, partTerms, error) {
	c := newConverter()
	p := &s.parts[i]
	nodes := make([][2]*ast.Term, len(p.names))
	for j, n := range p.names {
		doc := p.nodes[j]
		if build, ok := doc.(func() map[string]any); ok {
			built := build()
			if s.nodeIndex != nil {
				p.addIndex(s.nodeIndex(map[string]any{n: built}))
			}
			doc = built
		}
		t, err := c.toTerm(doc)
		if err != nil {
			return nil, partTerms{}, err
		}
		nodes[j] = [2]*ast.Term{ast.StringTerm(n), t}
		p.nodes[j] = nil
	}
	index := make([][2]*ast.Term, 0, len(s.index))
	for _, pn := range slices.Sorted(maps.Keys(s.index)) {
		keys := make([][2]*ast.Term, 0, len(p.index[pn]))
		for k, entries := range p.index[pn] {
			t, err := c.toTerm(entries)
			if err != nil {
				return nil, partTerms{}, err
			}
			keys = append(keys, [2]*ast.Term{c.str(k), t})
		}
		index = append(index, [2]*ast.Term{c.str(pn), ast.ObjectTerm(keys...)})
	}
	p.index = nil
	idx := ast.NewObject(index...)
	items := slices.Clone(s.facts)
	items = append(items, [2]*ast.Term{ast.StringTerm("nodes"), ast.ObjectTerm(nodes...)}, [2]*ast.Term{ast.StringTerm("index"), ast.NewTerm(idx)})
	for _, l := range nodeLists() {
		if s.lists.Get(ast.StringTerm(l)) != nil {
			items = append(items, [2]*ast.Term{ast.StringTerm(l), ast.ArrayTerm(p.lists[l]...)})
		}
	}
	p.lists = nil
	return ast.NewObject(items...), partTerms{nodes: nodes, index: idx}, nil
}

// whole is the whole document from every part's terms: the nodes of the
// parts, and each index key's entries joined in part order (which is the
// index's order: the model lists them node by node, in name order).
func (s *docSplit) whole(parts []partTerms) ast.Object {
	var nodes [][2]*ast.Term
	entries := map[string]map[string][]*ast.Term{}
	for _, p := range parts {
		nodes = append(nodes, p.nodes...)
		if p.index == nil {
			continue
		}
		p.index.Foreach(func(pn, keys *ast.Term) {
			name := string(pn.Value.(ast.String))
			if entries[name] == nil {
				entries[name] = map[string][]*ast.Term{}
			}
			keys.Value.(ast.Object).Foreach(func(k, list *ast.Term) {
				list.Value.(*ast.Array).Foreach(func(e *ast.Term) {
					entries[name][string(k.Value.(ast.String))] = append(entries[name][string(k.Value.(ast.String))], e)
				})
			})
		})
	}
	index := make([][2]*ast.Term, 0, len(s.index))
	for _, pn := range slices.Sorted(maps.Keys(s.index)) {
		keys := make([][2]*ast.Term, 0, len(entries[pn]))
		for k, list := range entries[pn] {
			keys = append(keys, [2]*ast.Term{ast.StringTerm(k), ast.ArrayTerm(list...)})
		}
		index = append(index, [2]*ast.Term{ast.StringTerm(pn), ast.ObjectTerm(keys...)})
	}
	s.index = nil
	items := slices.Clone(s.facts)
	items = append(items, [2]*ast.Term{ast.StringTerm("nodes"), ast.ObjectTerm(nodes...)}, [2]*ast.Term{ast.StringTerm("index"), ast.ObjectTerm(index...)})
	s.lists.Foreach(func(k, v *ast.Term) { items = append(items, [2]*ast.Term{k, v}) })
	return ast.NewObject(items...)
}

// fleetFacts is the document without nodes, with the whole lists and an
// empty index (aggregateInput replaces nodes and index anyway).
func (s *docSplit) fleetFacts() ast.Object {
	items := slices.Clone(s.facts)
	items = append(items, [2]*ast.Term{ast.StringTerm("nodes"), ast.ObjectTerm()}, [2]*ast.Term{ast.StringTerm("index"), ast.ObjectTerm()})
	s.lists.Foreach(func(k, v *ast.Term) { items = append(items, [2]*ast.Term{k, v}) })
	return ast.NewObject(items...)
}
