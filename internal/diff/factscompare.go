package diff

import (
	"sort"
)

// FactChange is one change outside the options in effect: a policy rule
// in force (Scope the service, Name the policy), an rc file's variable
// (Scope the rc file, Name the variable), a file a process loads (Scope
// the process, Name the path below the node; no values) or a secret of a
// key or Ceph file (Scope the file, Name the key, "" for a whole key
// file). Node is "" for an rc file loose in the snapshot's top. Secrets
// are fingerprints only. Note says more: "same as the default", "now the
// default: rule".
type FactChange struct {
	Node   string `json:"node"`
	Scope  string `json:"scope"`
	Name   string `json:"name"`
	Kind   string `json:"kind"` // Added, Removed, Changed
	Old    *Value `json:"old,omitempty"`
	New    *Value `json:"new,omitempty"`
	Secret bool   `json:"secret,omitempty"`
	Note   string `json:"note,omitempty"`
}

// compareFacts adds the policy, rc, loaded-file and secret changes of
// the nodes of both sides (and of the rc files loose in the top).
func (d *Diff) compareFacts(old, new *Input) {
	d.Policies, d.RC, d.Loads, d.Secrets = []FactChange{}, []FactChange{}, []FactChange{}, []FactChange{}
	if old.Facts == nil || new.Facts == nil {
		return
	}
	o, n := old.Facts, new.Facts
	nodes := common(old.Nodes, new.Nodes)
	both := map[string]bool{}
	for _, x := range nodes {
		both[x] = true
	}
	for _, node := range nodes {
		for _, svc := range union(sortedKeys(o.Policies[node]), sortedKeys(n.Policies[node])) {
			for _, c := range compareFactMaps(o.Policies[node][svc], n.Policies[node][svc]) {
				c.Node, c.Scope = node, svc
				c.Note = policyNote(c, o, n)
				d.Policies = append(d.Policies, c)
			}
		}
		d.Loads = append(d.Loads, compareLoads(node, o.Loads[node], n.Loads[node])...)
	}
	d.RC = comparePlaces(o.RC, n.RC, both, true)
	d.Secrets = comparePlaces(o.Secrets, n.Secrets, both, false)
	for _, l := range [][]FactChange{d.Policies, d.RC, d.Loads, d.Secrets} {
		sortFacts(l)
	}
}

// compareLoads is the files each process of a node of both sides loads
// on one side only.
func compareLoads(node string, old, new map[string][]string) []FactChange {
	var out []FactChange
	for _, proc := range common(sortedKeys(old), sortedKeys(new)) {
		added, removed := setDiff(old[proc], new[proc])
		for _, p := range added {
			out = append(out, FactChange{Node: node, Scope: proc, Name: p, Kind: Added})
		}
		for _, p := range removed {
			out = append(out, FactChange{Node: node, Scope: proc, Name: p, Kind: Removed})
		}
	}
	return out
}

// comparePlaces compares facts keyed by place ("node:path below the
// node"; loose: a path without a node, kept when loose is true) on the
// nodes of both sides.
func comparePlaces(old, new map[string]map[string]Fact, both map[string]bool, loose bool) []FactChange {
	out := []FactChange{}
	for _, place := range union(sortedKeys(old), sortedKeys(new)) {
		node, scope := splitPlace(place)
		if !both[node] && (node != "" || !loose) {
			continue // a node added or removed says so itself
		}
		for _, c := range compareFactMaps(old[place], new[place]) {
			c.Node, c.Scope = node, scope
			out = append(out, c)
		}
	}
	return out
}

// compareFactMaps is every name of old or new whose value changes, by
// name (Node and Scope left to the caller). A value written at another
// line or in another file is no change.
func compareFactMaps(old, new map[string]Fact) []FactChange {
	var out []FactChange
	for _, name := range union(sortedKeys(old), sortedKeys(new)) {
		o, inOld := old[name]
		n, inNew := new[name]
		c := FactChange{Name: name, Secret: o.Secret || n.Secret}
		switch {
		case !inOld:
			c.Kind = Added
		case !inNew:
			c.Kind = Removed
		case o.Value != n.Value:
			c.Kind = Changed
		default:
			continue
		}
		if inOld {
			c.Old = &Value{Value: o.Value, File: o.File, Line: o.Line}
		}
		if inNew {
			c.New = &Value{Value: n.Value, File: n.File, Line: n.Line}
		}
		out = append(out, c)
	}
	return out
}

// policyNote says how a policy change stands to the registered default:
// a rule added or changed that repeats it, a rule removed (the default is
// then in force).
func policyNote(c FactChange, o, n *Facts) string {
	switch c.Kind {
	case Removed:
		if def, ok := o.Defaults[c.Node][c.Scope][c.Name]; ok {
			return "now the default: " + def
		}
		return "now the default"
	default:
		if n.Same[c.New.File+"\x00"+c.Name] {
			return "same as the default"
		}
	}
	if c.Kind == Changed && o.Same[c.Old.File+"\x00"+c.Name] {
		return "was the default"
	}
	return ""
}

// splitPlace splits "node:path below the node" (a path without a node:
// node "").
func splitPlace(place string) (node, rest string) {
	for i := 0; i < len(place); i++ {
		switch place[i] {
		case ':':
			return place[:i], place[i+1:]
		case '/':
			return "", place
		}
	}
	return "", place
}

// union is the names of either list, sorted, once each.
func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range append(append([]string{}, a...), b...) {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

func sortFacts(l []FactChange) {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Node != b.Node {
			return a.Node < b.Node
		}
		if a.Scope != b.Scope {
			return a.Scope < b.Scope
		}
		return a.Name < b.Name
	})
}
