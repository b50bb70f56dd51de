package engine

import (
	"maps"
	"slices"
)

// addIndex appends a node's index entries (of the node's own documents,
// given node by node in name order) to the part's, by index part and key;
// keys with no entry are left out, as splitIndex leaves them out.
func (p *docPart) addIndex(idx map[string]any) {
	for _, pn := range slices.Sorted(maps.Keys(idx)) {
		keys, _ := idx[pn].(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			entries, _ := keys[k].([]any)
			if len(entries) == 0 {
				continue
			}
			if p.index == nil {
				p.index = map[string]map[string][]any{}
			}
			if p.index[pn] == nil {
				p.index[pn] = map[string][]any{}
			}
			p.index[pn][k] = append(p.index[pn][k], entries...)
		}
	}
}
