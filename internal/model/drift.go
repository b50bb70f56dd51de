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
// nodes maps a node name to its document (nodeBuilder.fullDoc).
func roleDrift(nodes map[string]any) []any {
	var files []driftFile
	for _, n := range sortedKeys(nodes) {
		files = append(files, driftOf(n, nodes[n].(map[string]any))...)
	}
	return driftOfFiles(files)
}

// driftOfFiles is roleDrift over the compact projections of every node's
// files (driftOf), given node by node in name order.
func driftOfFiles(all []driftFile) []any {
	groups := map[[2]string][]driftFile{}
	for _, f := range all {
		groups[f.group] = append(groups[f.group], f)
	}
	out := []any{}
	for _, g := range sortedGroups(groups) {
		if files := groups[g]; len(files) >= 3 {
			out = append(out, groupDrift(g, files)...)
		}
	}
	return out
}

// driftOf projects a node's document (name n) onto what roleDrift
// compares: for each file with sections and no error, in path order, the
// last occurrence of each option. A node running no service has none.
func driftOf(n string, node map[string]any) []driftFile {
	services := anyStrings(node["services"])
	if len(services) == 0 {
		return nil
	}
	slices.Sort(services)
	files := node["files"].(map[string]any)
	own := ownWords(node)
	var out []driftFile
	for _, fk := range sortedKeys(files) {
		fd := files[fk].(map[string]any)
		secs, ok := fd["sections"].(map[string]any)
		if !ok || fd["error"] != nil {
			continue
		}
		out = append(out, driftFile{node: n, key: fk, group: [2]string{fd["kind"].(string), strings.Join(services, ",")},
			opts: lastOccurrences(secs), own: own})
	}
	return out
}

// driftFile is one file of a node as roleDrift sees it.
type driftFile struct {
	node, key string
	group     [2]string              // file kind, the node's services joined with ","
	opts      map[[2]string]driftOcc // [section, key] -> its last occurrence
	own       []string               // the node's name and addresses
}

// driftOcc is the last occurrence of an option: its value and whether it
// is a secret or holds a URL or host names; set is false for an option
// written with no occurrence (and for one the file leaves unset).
type driftOcc struct {
	set, secret, address bool
	value                string
	masked               bool // the value, or a password in it, was masked (sos report)
}

// maskedOcc reports whether an occurrence's value, or a URL password in
// it, was masked by a collection tool.
func maskedOcc(o map[string]any) bool {
	if o["masked"] == true {
		return true
	}
	u, _ := o["url"].(map[string]any)
	for _, h := range anySlice(u["hosts"]) {
		if hm, _ := h.(map[string]any); hm["password_masked"] == true {
			return true
		}
	}
	return false
}

// lastOccurrences is the last occurrence of each option of a file's
// sections (sectionsDoc).
func lastOccurrences(secs map[string]any) map[[2]string]driftOcc {
	out := map[[2]string]driftOcc{}
	for s, sec := range secs {
		for k, v := range sec.(map[string]any) {
			var d driftOcc
			if occs, _ := v.([]any); len(occs) > 0 {
				o := occs[len(occs)-1].(map[string]any)
				d = driftOcc{set: true, value: o["value"].(string), secret: o["secret"] == true,
					address: o["url"] != nil || len(anySlice(o["host_refs"])) > 0, masked: maskedOcc(o)}
			}
			out[[2]string{s, k}] = d
		}
	}
	return out
}

// groupOptions lists every [section, key] any file of the group sets,
// sorted, with the last occurrence of it in each file (by file index;
// unset where the file leaves it unset): each file's options are read
// once, not looked up once per option of the group.
func groupOptions(files []driftFile) ([][2]string, map[[2]string][]driftOcc) {
	occs := map[[2]string][]driftOcc{}
	for i, f := range files {
		for sk, o := range f.opts {
			col, ok := occs[sk]
			if !ok {
				col = make([]driftOcc, len(files))
				occs[sk] = col
			}
			col[i] = o
		}
	}
	keys := make([][2]string, 0, len(occs))
	for sk := range occs {
		keys = append(keys, sk)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) })
	return keys, occs
}

// groupDrift lists, for each option of a group's files, the files that
// set it otherwise than the majority does (or leave it unset).
func groupDrift(g [2]string, files []driftFile) []any {
	var out []any
	keys, occs := groupOptions(files)
	for _, sk := range keys {
		values := make([]string, len(files))
		counts := map[string]int{}
		isSecret, isAddress := false, false
		if slices.ContainsFunc(occs[sk], func(o driftOcc) bool { return o.masked }) {
			continue // a masked copy is unknown: no majority can be told
		}
		for i, o := range occs[sk] {
			v := unset
			if o.set {
				v = o.value
				isSecret = isSecret || o.secret
				isAddress = isAddress || o.address
			}
			values[i] = v
			counts[v]++
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
				"secret": isSecret, "address": isAddress, "names_node": namesNode(values[i], f.own),
			})
		}
	}
	return out
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
