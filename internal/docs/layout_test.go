package docs

import (
	"go/build"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLayering holds docs/architecture.md's package sketch: the reporters
// read a run's result (internal/result) and the finding vocabulary
// (internal/finding), so neither internal/report nor anything it imports
// reaches internal/lint or internal/engine (issue 18: it used to be
// report → lint → snapshot), and internal/finding imports no other
// stacklint package. Imports are read from the source (go/build: build
// constraints applied, test files left out, no go command run), following
// the module's own packages transitively.
func TestLayering(t *testing.T) {
	root := filepath.Join("..", "..")
	mod := modulePath(t, root)
	for _, c := range []struct {
		pkg    string
		banned []string // "" bans every package of the module
	}{
		{"internal/report", []string{"internal/lint", "internal/engine"}},
		{"internal/result", []string{"internal/lint", "internal/engine"}},
		{"internal/finding", []string{""}},
	} {
		deps := moduleDeps(t, root, mod, c.pkg)
		for _, dep := range slices.Sorted(maps.Keys(deps)) {
			chain := deps[dep]
			for _, b := range c.banned {
				if b == "" || dep == b {
					t.Errorf("%s imports %s (%s): see docs/architecture.md, Packages", c.pkg, dep, strings.Join(chain, " → "))
				}
			}
		}
	}
}

// modulePath is the module line of root's go.mod.
func modulePath(t *testing.T, root string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(b)) {
		if name, ok := strings.CutPrefix(line, "module "); ok {
			return strings.TrimSpace(name)
		}
	}
	t.Fatal("go.mod has no module line")
	return ""
}

// moduleDeps maps every package of module mod that pkg imports, directly
// or through other packages of the module, to the import chain from pkg
// to it (package paths relative to the module, '/'-separated).
func moduleDeps(t *testing.T, root, mod, pkg string) map[string][]string {
	t.Helper()
	chains := map[string][]string{pkg: {pkg}}
	queue := []string{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		bp, err := build.ImportDir(filepath.Join(root, filepath.FromSlash(p)), 0)
		if err != nil {
			t.Fatalf("reading the imports of %s: %v", p, err)
		}
		for _, imp := range bp.Imports {
			rel, ok := strings.CutPrefix(imp, mod+"/")
			if !ok || chains[rel] != nil {
				continue
			}
			chains[rel] = append(slices.Clone(chains[p]), rel)
			queue = append(queue, rel)
		}
	}
	delete(chains, pkg)
	return chains
}
