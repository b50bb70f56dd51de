package model

// index lets rules reach the files and occurrences they need without
// scanning every file: "kinds" maps a file kind to [node, file] pairs,
// "keys" maps an option name to [node, file, section]
// triples, and "facts" lists [node, file, section, key] for the last
// occurrences that carry a derived fact: placeholders, an empty secret,
// an empty URL password, a host the node cannot resolve.
func index(nodes map[string]any) map[string]any {
	keys, kinds := map[string][]any{}, map[string][]any{}
	facts := map[string][]any{"placeholders": {}, "empty_secret": {}, "secret_template": {}, "empty_url_password": {}, "unresolved": {}, "repeated": {}, "inline_comment": {}, "continuation_option": {}}
	for _, n := range sortedKeys(nodes) {
		files := nodes[n].(map[string]any)["files"].(map[string]any)
		for _, fk := range sortedKeys(files) {
			kind := files[fk].(map[string]any)["kind"].(string)
			kinds[kind] = append(kinds[kind], []any{n, fk})
			secs, _ := files[fk].(map[string]any)["sections"].(map[string]any)
			for _, s := range sortedKeys(secs) {
				ks := secs[s].(map[string]any)
				for _, k := range sortedKeys(ks) {
					keys[k] = append(keys[k], []any{n, fk, s})
					occs := ks[k].([]any)
					last := occs[len(occs)-1].(map[string]any)
					if len(occs) > 1 {
						facts["repeated"] = append(facts["repeated"], []any{n, fk, s, k})
					}
					for _, fact := range occFacts(last) {
						facts[fact] = append(facts[fact], []any{n, fk, s, k})
					}
				}
			}
		}
	}
	kd := make(map[string]any, len(keys))
	for k, v := range keys {
		kd[k] = v
	}
	fd := make(map[string]any, len(facts))
	for k, v := range facts {
		fd[k] = v
	}
	kk := make(map[string]any, len(kinds))
	for k, v := range kinds {
		kk[k] = v
	}
	return map[string]any{"keys": kd, "facts": fd, "kinds": kk}
}

// occFacts names the indexed facts one occurrence carries.
func occFacts(o map[string]any) []string {
	var out []string
	if p, ok := o["placeholders"].([]any); ok && len(p) > 0 {
		out = append(out, "placeholders")
	}
	if o["secret"] == true && o["empty"] == true {
		out = append(out, "empty_secret")
	}
	if o["inline_comment"] == true {
		out = append(out, "inline_comment")
	}
	if _, ok := o["continuation_option"]; ok {
		out = append(out, "continuation_option")
	}
	if o["template"] == true {
		out = append(out, "secret_template")
	}
	hostsOf := func() []any {
		var hs []any
		if u, ok := o["url"].(map[string]any); ok {
			hs = append(hs, u["hosts"].([]any)...)
		}
		if r, ok := o["host_refs"].([]any); ok {
			hs = append(hs, r...)
		}
		return hs
	}
	emptyPW, unresolved := false, false
	for _, h := range hostsOf() {
		hm := h.(map[string]any)
		if hm["password_empty"] == true {
			emptyPW = true
		}
		if r, ok := hm["resolved"].([]any); ok && len(r) == 0 {
			unresolved = true
		}
	}
	if emptyPW {
		out = append(out, "empty_url_password")
	}
	if unresolved {
		out = append(out, "unresolved")
	}
	return out
}
