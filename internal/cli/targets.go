package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// target is one snapshot a run lints, and the files named on the command
// line inside it (absolute paths; none: report every finding).
type target struct {
	root  string
	named []string
	all   bool // a file named outside any node: report every finding
}

// targets turns the command line's arguments into the snapshots to lint.
// A folder is a snapshot. A file (what pre-commit passes with
// pass_filenames: the hook's "." and then the changed files) belongs to
// the snapshot of a folder also named that holds it, else to the one its
// own path shows: the folder above its node (.../<node>/etc/...), or the
// top of its git repository (or the current folder) for a node there or
// a file outside any node. Each snapshot is linted whole (cross-node
// rules need every node); with files named in it, only the findings with
// a location in one of them are reported (see reportNamed). No argument
// is the current folder.
func targets(args []string) ([]target, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	var out []target
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		switch {
		case err != nil:
			return nil, usageError("%s: no such file or folder", a)
		case st.IsDir() || snapshot.IsArchive(a): // a sos report's .tar.xz is a snapshot read in place
			if !slices.ContainsFunc(out, func(t target) bool { return sameDir(t.root, a) }) {
				out = append(out, target{root: a})
			}
		default:
			abs, err := filepath.Abs(a)
			if err != nil {
				return nil, usageError("%s: %v", a, err)
			}
			files = append(files, abs)
		}
	}
	for _, f := range files {
		i := slices.IndexFunc(out, func(t target) bool { return inside(f, t.root) })
		if i < 0 {
			root := rootOf(f)
			if below := snapshot.SnapshotsBelow(root); !isSnapshot(root) && len(below) > 0 {
				// a file outside any node (.stacklint.yaml, an rc file) at the
				// top of a repository whose snapshots lie deeper: they all
				// read it (the configuration applies below it), and all their
				// findings are reported
				out = addBelow(out, root, below)
				continue
			}
			out = append(out, target{root: root})
			i = len(out) - 1
		}
		out[i].named = append(out[i].named, f)
	}
	for i := range out {
		if out[i].all {
			out[i].named = nil
		}
	}
	return out, nil
}

// addBelow adds the snapshots below root as targets reporting every
// finding.
func addBelow(out []target, root string, below []string) []target {
	for _, b := range below {
		dir := filepath.Join(root, b)
		if i := slices.IndexFunc(out, func(t target) bool { return sameDir(t.root, dir) }); i >= 0 {
			out[i].all = true
			continue
		}
		out = append(out, target{root: dir, all: true})
	}
	return out
}

// isSnapshot: the folder has an etc/ of its own, or a sub-folder with one.
func isSnapshot(dir string) bool {
	if st, err := os.Stat(filepath.Join(dir, "etc")); err == nil && st.IsDir() {
		return true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(entries, func(e os.DirEntry) bool {
		st, err := os.Stat(filepath.Join(dir, e.Name(), "etc"))
		return e.IsDir() && err == nil && st.IsDir()
	})
}

func sameDir(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

// inside: file lies below folder dir.
func inside(file, dir string) bool {
	d, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(d, file)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// rootOf is the snapshot a named file belongs to: the folder above the
// node folder (the one holding etc/, else, for an rc file, the one
// holding root/ or home/: a node of rc files, snapshot.Layouts) when that
// is below the top (the git repository's top, else the current folder),
// else the top itself.
func rootOf(file string) string {
	top := repositoryTop()
	for _, marks := range [][]string{{"etc"}, {"root", "home"}} {
		for d := filepath.Dir(file); inside(d, top) && d != top; d = filepath.Dir(d) {
			if !slices.Contains(marks, filepath.Base(d)) {
				continue
			}
			node := filepath.Dir(d)
			if node == top {
				return top // a single node at the top
			}
			return filepath.Dir(node)
		}
	}
	return top
}

// repositoryTop is the top of the git repository holding the current
// folder, else the current folder.
func repositoryTop() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return wd
		}
	}
}

// reportNamed keeps the findings with a location in one of the named
// files (absolute paths), for a run given file names: a commit is judged
// by what touches the files it changes, the snapshot linted whole so that
// a change that breaks another node's agreement is still seen (its
// location in the changed file). It returns how many findings were left
// out.
func reportNamed(res *result.Result, root string, named []string) int {
	if len(named) == 0 {
		return 0
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return 0
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	want := map[string]bool{}
	for _, f := range named {
		if real, err := filepath.EvalSymlinks(f); err == nil {
			f = real
		}
		if rel, err := filepath.Rel(abs, f); err == nil {
			want[filepath.ToSlash(rel)] = true
		}
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if slices.ContainsFunc(f.Locations, func(l finding.Location) bool { return want[l.Path] }) {
			kept = append(kept, f)
		}
	}
	left := len(res.Findings) - len(kept)
	res.Findings = kept
	return left
}

// namedNote is the line a run given file names prints on standard error.
func namedNote(named []string, left int) string {
	return fmt.Sprintf("stacklint: %s named: %s left out (no location in the named files; run without file names for all)\n", plural(len(named), "file"), plural(left, "finding"))
}
