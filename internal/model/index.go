package model

// index lets rules reach the files and occurrences they need without
// scanning every file: "kinds" maps a file kind to [node, file] pairs,
// "keys" maps an option name to [node, file, section]
// triples, and "facts" lists [node, file, section, key] for the last
// occurrences that carry a derived fact: placeholders, an empty secret,
// an empty URL password, a host the node cannot resolve. A file read
// through a link to another file read (link_of) is listed by kind, but
// neither its keys nor its facts are: they are the other file's.
func index(nodes map[string]any) map[string]any {
	keys, kinds := map[string][]any{}, map[string][]any{}
	facts := map[string][]any{"placeholders": {}, "empty_secret": {}, "secret_template": {}, "empty_url_password": {}, "unresolved": {}, "repeated": {}, "inline_comment": {}, "continuation_option": {},
		"schema_unknown": {}, "schema_deprecated": {}, "schema_invalid": {}, "schema_removal": {}}
	for _, n := range sortedKeys(nodes) {
		files := nodes[n].(map[string]any)["files"].(map[string]any)
		for _, fk := range sortedKeys(files) {
			kind := files[fk].(map[string]any)["kind"].(string)
			kinds[kind] = append(kinds[kind], []any{n, fk})
			if _, link := files[fk].(map[string]any)["link_of"]; link {
				continue // its text's facts are the linked file's (linkedFiles)
			}
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

// boolFacts are occurrence fields indexed under their own fact name when set.
var boolFacts = []struct{ fact, field string }{
	{"inline_comment", "inline_comment"}, {"secret_template", "template"}, {"weak_secret", "weak"},
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
	for _, b := range boolFacts {
		if o[b.field] == true {
			out = append(out, b.fact)
		}
	}
	for _, fact := range []string{"look_alike", "key_look_alike"} {
		if _, ok := o[fact]; ok {
			out = append(out, fact)
		}
	}
	if _, ok := o["continuation_option"]; ok {
		out = append(out, "continuation_option")
	}
	out = append(out, schemaIndexFacts(o)...)
	return append(out, hostFacts(o)...)
}

// hostFacts: an empty URL password, a host the node cannot resolve.
func hostFacts(o map[string]any) []string {
	var hosts []any
	if u, ok := o["url"].(map[string]any); ok {
		hosts = append(hosts, u["hosts"].([]any)...)
	}
	if r, ok := o["host_refs"].([]any); ok {
		hosts = append(hosts, r...)
	}
	emptyPW, weakPW, unresolved := false, false, false
	for _, h := range hosts {
		hm := h.(map[string]any)
		emptyPW = emptyPW || hm["password_empty"] == true
		weakPW = weakPW || hm["password_weak"] == true
		if r, ok := hm["resolved"].([]any); ok && len(r) == 0 {
			unresolved = true
		}
	}
	var out []string
	if emptyPW {
		out = append(out, "empty_url_password")
	}
	if weakPW {
		out = append(out, "weak_secret")
	}
	if unresolved {
		out = append(out, "unresolved")
	}
	return out
}

// schemaIndexFacts: the option schema's verdict on the occurrence.
func schemaIndexFacts(o map[string]any) []string {
	f, ok := o["schema"].(map[string]any)
	if !ok {
		return nil
	}
	var out []string
	switch f["status"] {
	case "unknown":
		out = append(out, "schema_unknown")
	case "deprecated":
		out = append(out, "schema_deprecated")
	case "invalid":
		out = append(out, "schema_invalid")
		if f["deprecated"] == true {
			out = append(out, "schema_deprecated")
		}
	}
	if f["removal"] == true {
		out = append(out, "schema_removal")
	}
	return out
}
