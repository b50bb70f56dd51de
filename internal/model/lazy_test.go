package model

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// TestBuildKeepsNoNodeDocument: after Build the deployment holds no node's
// document (each is a function building it, the index a function of the
// documents), a node's document comes out the same however often it is
// built, and Plain, EachNode and Roles agree with the built documents.
func TestBuildKeepsNoNodeDocument(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "deployments", "*"))
	if len(dirs) == 0 {
		t.Fatal("no deployments")
	}
	for _, dir := range dirs {
		s, err := snapshot.Discover(dir)
		if err != nil {
			t.Fatal(err)
		}
		d := Build(s)
		nodes := d.Doc["nodes"].(map[string]any)
		for name, n := range nodes {
			if _, ok := n.(func() map[string]any); !ok {
				t.Fatalf("%s: node %s is a %T after Build, want a function building it", dir, name, n)
			}
		}
		if _, ok := d.Doc["index"].(func(map[string]any) map[string]any); !ok {
			t.Fatalf("%s: the index is a %T after Build, want a function", dir, d.Doc["index"])
		}
		plain := d.Plain()["nodes"].(map[string]any)
		seen := 0
		d.EachNode(func(name string, doc map[string]any) {
			seen++
			again := nodes[name].(func() map[string]any)()
			if !reflect.DeepEqual(doc, again) || !reflect.DeepEqual(doc, plain[name]) {
				t.Errorf("%s: node %s's document differs between builds", dir, name)
			}
			var roles []string
			for _, r := range doc["roles"].([]any) {
				roles = append(roles, r.(string))
			}
			sort.Strings(roles)
			if got := d.Roles()[name]; got != strings.Join(roles, "+") {
				t.Errorf("%s: Roles()[%s] = %q, document's %v", dir, name, got, roles)
			}
		})
		if seen != len(nodes) {
			t.Errorf("%s: EachNode saw %d nodes of %d", dir, seen, len(nodes))
		}
	}
}
