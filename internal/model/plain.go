package model

import (
	"maps"
	"runtime"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/parallel"
)

// Plain is the model document with every node's document built and the
// index computed over them: the whole Rego input as maps, slices, strings,
// ints and bools (engine.Eval, ToValue). It builds every node's document
// at once (on GOMAXPROCS goroutines): for small snapshots and tests; Doc
// is left as it is. Nil once lint.Run has taken Doc.
func (d *Deployment) Plain() map[string]any {
	if d.Doc == nil {
		return nil
	}
	out := maps.Clone(d.Doc)
	lazy, _ := d.Doc["nodes"].(map[string]any)
	names := sortedKeys(lazy)
	docs := make([]map[string]any, len(names))
	parallel.For(len(names), runtime.GOMAXPROCS(0), func(i int) {
		docs[i] = lazy[names[i]].(func() map[string]any)()
	})
	nodes := make(map[string]any, len(names))
	for i, n := range names {
		nodes[n] = docs[i]
	}
	out["nodes"] = nodes
	out["index"] = index(nodes)
	return out
}

// EachNode calls do with each node's name and document, built one after
// the other in snapshot order and dropped after the call. Not to be called
// while Doc is being evaluated.
func (d *Deployment) EachNode(do func(name string, doc map[string]any)) {
	for _, b := range d.builders {
		do(b.name, b.lazyDoc(d.Keys, d.knownOwners)())
	}
}

// Roles is each node's roles joined with "+" in name order (as the
// document's nodes.<n>.roles): the services found running or configured
// (nodeProcesses, with the roles set in .stacklint.yaml), without building
// any node's document.
func (d *Deployment) Roles() map[string]string {
	out := map[string]string{}
	for _, b := range d.builders {
		roles := rolesOf(servicesOf(b.procs))
		sort.Strings(roles)
		out[b.name] = strings.Join(roles, "+")
	}
	return out
}
