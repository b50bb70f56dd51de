package lint

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

// TestRuleScope is a planning aid for issue 18's per-node evaluation (it
// chose the rules' custom.scope), not a check: with NODESCOPE=<glob of snapshot dirs> it evaluates every rule
// on each whole snapshot and on each node's part alone (the node, the
// index entries, rc and policy files and hosts conflicts of that node; the
// fleet's small facts whole) and prints, per rule, whether the findings
// are the same (the rule could run per node) or on which snapshots they
// differ.
func TestRuleScope(t *testing.T) {
	glob := os.Getenv("NODESCOPE")
	if glob == "" {
		t.Skip("set NODESCOPE=<glob of snapshot dirs> to run")
	}
	dirs, _ := filepath.Glob(glob)
	eng, err := engine.New(context.Background(), rules.FS, engine.OnePass())
	if err != nil {
		t.Fatal(err)
	}
	differs := map[string][]string{}
	seen := map[string]bool{}
	for _, dir := range dirs {
		whole, parts := scopeFindings(t, eng, dir)
		for rule := range union(whole, parts) {
			seen[rule] = true
			if !sameFindings(whole[rule], parts[rule]) {
				differs[rule] = append(differs[rule], filepath.Base(dir))
			}
		}
	}
	var ids []string
	for _, r := range eng.Rules {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	for _, id := range ids {
		switch {
		case len(differs[id]) > 0:
			fmt.Printf("%s fleet %s\n", id, strings.Join(differs[id], ","))
		case seen[id]:
			fmt.Printf("%s node\n", id)
		default:
			fmt.Printf("%s unseen\n", id)
		}
	}
}

func union(a, b map[string][]string) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func sameFindings(a, b []string) bool {
	sort.Strings(a)
	sort.Strings(b)
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// scopeFindings are the findings by rule of the whole snapshot and of its
// nodes' parts, each finding as JSON.
func scopeFindings(t *testing.T, eng *engine.Engine, dir string) (whole, parts map[string][]string) {
	snap, err := snapshot.Discover(dir)
	if err != nil {
		t.Fatal(err)
	}
	choice, err := release.Select("", "", "")
	if err != nil {
		t.Fatal(err)
	}
	var picked *model.Releases
	d, err := model.BuildContext(context.Background(), snap, model.Options{Releases: func(files []*model.Loaded) *model.Releases {
		picked, _ = pickReleases(&choice, files)
		return picked
	}})
	if err != nil {
		t.Fatal(err)
	}
	doc := d.Plain()
	doc["release"] = choice.Doc()
	doc["params"] = params(eng.Rules, &config.Config{})
	doc["defaults"] = optionDefaults(eng.Rules, picked)
	whole, parts = map[string][]string{}, map[string][]string{}
	add(t, eng, doc, whole)
	for name := range doc["nodes"].(map[string]any) {
		add(t, eng, nodePart(doc, name), parts)
	}
	return whole, parts
}

func add(t *testing.T, eng *engine.Engine, doc map[string]any, into map[string][]string) {
	fs, err := eng.Eval(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		b, _ := json.Marshal(f)
		into[f.Rule] = append(into[f.Rule], string(b))
	}
}

// nodePart is doc with only node name's part of the per-node entries.
func nodePart(doc map[string]any, name string) map[string]any {
	out := map[string]any{}
	for k, v := range doc {
		out[k] = v
	}
	out["nodes"] = map[string]any{name: doc["nodes"].(map[string]any)[name]}
	idx := map[string]any{}
	for part, m := range doc["index"].(map[string]any) {
		kept := map[string]any{}
		for k, entries := range m.(map[string]any) {
			var mine []any
			for _, e := range entries.([]any) {
				if e.([]any)[0] == name {
					mine = append(mine, e)
				}
			}
			if mine != nil {
				kept[k] = mine
			} else {
				kept[k] = []any{}
			}
		}
		idx[part] = kept
	}
	out["index"] = idx
	for _, k := range []string{"rc", "policies", "hosts_conflicts", "leftovers", "problems"} {
		list, _ := doc[k].([]any)
		mine := []any{}
		for _, e := range list {
			if m, ok := e.(map[string]any); ok && (m["node"] == name || m["node"] == nil) {
				mine = append(mine, e)
			}
		}
		out[k] = mine
	}
	return out
}
