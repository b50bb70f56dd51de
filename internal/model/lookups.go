package model

// fileLookups are a node's two lookups over its files document (keyed by
// node path): "by_kind" maps a file kind to the node paths of its files,
// sorted (the order in which Rego iterates the files object), and
// "by_path" maps a file's shown path to its node path. Rules reach a
// node's files of a kind, or the file a process loads, without scanning
// every file of the node (lib.files_of, lib.effective_in).
//
// "by_option" maps section and option to the node paths of the files
// that set it, sorted: an option no file of the node sets is answered by
// one lookup (lib.effective).
func fileLookups(files map[string]any) (byKind, byPath, byOption map[string]any) {
	kinds := map[string][]any{}
	byPath = make(map[string]any, len(files))
	byOption = map[string]any{}
	for _, np := range sortedKeys(files) {
		f := files[np].(map[string]any)
		addOptions(byOption, np, f)
		kind, _ := f["kind"].(string)
		kinds[kind] = append(kinds[kind], np)
		if p, ok := f["path"].(string); ok {
			byPath[p] = np
		}
	}
	byKind = make(map[string]any, len(kinds))
	for k, v := range kinds {
		byKind[k] = v
	}
	return byKind, byPath, byOption
}

// addOptions lists node path np under every section and option file f sets.
func addOptions(byOption map[string]any, np string, f map[string]any) {
	secs, _ := f["sections"].(map[string]any)
	for s, keys := range secs {
		m, ok := byOption[s].(map[string]any)
		if !ok {
			m = map[string]any{}
			byOption[s] = m
		}
		for k := range keys.(map[string]any) {
			prev, _ := m[k].([]any)
			m[k] = append(prev, np)
		}
	}
}
