package lint

import (
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
)

// optionDefaults is the document's "defaults": for every release some
// service is checked against, the default of every option a rule lists in
// custom.defaults, as the release's service reads it when no file sets it:
// defaults.<release>.<kind>.<group>.<option> = {"text": the default as a
// sample config writes it, after $-substitution ("127.0.0.1"), "host":
// true when it is computed on the host at start-up (text then holds a
// placeholder such as "<host_ipv4>")}. Options a release does not register,
// or whose default the data lacks, are absent. From Schema.DefaultOf.
func optionDefaults(rules []finding.Rule, picked *model.Releases) map[string]any {
	out := map[string]any{}
	if picked == nil {
		return out
	}
	schemas := map[string]*schema.Schema{}
	for _, p := range picked.Picks {
		schemas[p.Name] = p.Schema
	}
	if p := picked.Fallback; p != nil {
		schemas[p.Name] = p.Schema
	}
	for name, sch := range schemas {
		if sch == nil {
			continue
		}
		rel := map[string]any{}
		for _, r := range rules {
			for _, t := range r.Defaults {
				addDefault(rel, sch, t)
			}
		}
		out[name] = rel
	}
	return out
}

// addDefault sets one option's default in a release's map.
func addDefault(rel map[string]any, sch *schema.Schema, t [3]string) {
	d := sch.DefaultOf(t[0], t[1], t[2], "")
	if !d.Known {
		return
	}
	kind, _ := rel[t[0]].(map[string]any)
	if kind == nil {
		kind = map[string]any{}
		rel[t[0]] = kind
	}
	group, _ := kind[t[1]].(map[string]any)
	if group == nil {
		group = map[string]any{}
		kind[t[1]] = group
	}
	group[t[2]] = map[string]any{"text": d.Text, "host": d.Host}
}
