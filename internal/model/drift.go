package model

import (
	"slices"
	"strings"
)

// unset stands for an option a file of the group does not set.
const unset = "(unset)"

// roleDrift compares, among the nodes that run the same services, the
// files of each kind option by option: in a group of three or more, an
// option whose value most files share is listed with the files that set it
// otherwise (or leave it unset). Rules decide which options matter; each
// entry says whether any copy of the option was a secret or held a URL or
// host names, and whether the differing value names its own node. This
// is computed once here because in Rego it is quadratic in the group size.
func roleDrift(nodes map[string]any) []any {
	groups := map[[2]string][]driftFile{}
	for _, n := range sortedKeys(nodes) {
		node := nodes[n].(map[string]any)
		services := anyStrings(node["services"])
		if len(services) == 0 {
			continue
		}
		slices.Sort(services)
		files := node["files"].(map[string]any)
		for _, fk := range sortedKeys(files) {
			fd := files[fk].(map[string]any)
			secs, ok := fd["sections"].(map[string]any)
			if !ok || fd["error"] != nil {
				continue
			}
			g := [2]string{fd["kind"].(string), strings.Join(services, ",")}
			groups[g] = append(groups[g], driftFile{node: n, key: fk, secs: secs, own: ownWords(node)})
		}
	}
	out := []any{}
	for _, g := range sortedGroups(groups) {
		if files := groups[g]; len(files) >= 3 {
			out = append(out, groupDrift(g, files)...)
		}
	}
	return out
}

type driftFile struct {
	node, key string
	secs      map[string]any
	own       []string // the node's name and addresses
}

// value is the last value of an option in the file, else unset, with its
// occurrence.
func (f driftFile) value(s, k string) (string, map[string]any) {
	sec, _ := f.secs[s].(map[string]any)
	occs, _ := sec[k].([]any)
	if len(occs) == 0 {
		return unset, nil
	}
	o := occs[len(occs)-1].(map[string]any)
	return o["value"].(string), o
}

func groupDrift(g [2]string, files []driftFile) []any {
	var out []any
	keys := groupKeys(files)
	for _, sk := range keys {
		values := make([]string, len(files))
		counts := map[string]int{}
		flags := map[string]bool{}
		for i, f := range files {
			v, o := f.value(sk[0], sk[1])
			values[i] = v
			counts[v]++
			if o != nil {
				flags["secret"] = flags["secret"] || o["secret"] == true
				flags["address"] = flags["address"] || o["url"] != nil || len(anySlice(o["host_refs"])) > 0
			}
		}
		top, ok := majority(counts, len(files))
		if !ok {
			continue
		}
		for i, f := range files {
			if values[i] == top {
				continue
			}
			out = append(out, map[string]any{
				"kind": g[0], "services": g[1], "members": len(files), "keys": len(keys),
				"node": f.node, "file": f.key, "section": sk[0], "key": sk[1], "value": values[i], "majority": top,
				"secret": flags["secret"], "address": flags["address"], "names_node": namesNode(values[i], f.own),
			})
		}
	}
	return out
}

// groupKeys lists every [section, key] any file of the group sets, sorted.
func groupKeys(files []driftFile) [][2]string {
	seen := map[[2]string]bool{}
	for _, f := range files {
		for s, sec := range f.secs {
			for k := range sec.(map[string]any) {
				seen[[2]string{s, k}] = true
			}
		}
	}
	keys := make([][2]string, 0, len(seen))
	for sk := range seen {
		keys = append(keys, sk)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	return keys
}

// majority is the value more than half the files share, if any differ.
func majority(counts map[string]int, n int) (string, bool) {
	if len(counts) < 2 {
		return "", false
	}
	for v, c := range counts {
		if 2*c > n {
			return v, true
		}
	}
	return "", false
}

func namesNode(v string, own []string) bool {
	for _, w := range own {
		if w != "" && strings.Contains(v, w) {
			return true
		}
	}
	return false
}

func ownWords(node map[string]any) []string {
	out := []string{node["name"].(string)}
	out = append(out, anyStrings(node["addresses"])...)
	return append(out, anyStrings(node["known_addresses"])...)
}

func anySlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func anyStrings(v any) []string {
	var out []string
	for _, x := range anySlice(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func sortedGroups(m map[[2]string][]driftFile) [][2]string {
	out := make([][2]string, 0, len(m))
	for g := range m {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	return out
}
