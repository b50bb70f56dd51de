package snapshot

import (
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/stacklint/stacklint/internal/safefile"
)

// Layouts describes, for messages, the snapshot layouts Discover knows.
const Layouts = "PATH/NODE/etc/... (one folder per node; a NODE holding only rc files in root/ or home/USER/ counts), PATH/etc/... (one node), an /etc itself (PATH/nova, PATH/neutron, ...), a sos report (sos_commands/ beside etc/) or a folder of them, or sos report archives (.tar.xz, .tar.gz, .tgz, .tar) as PATH or at its top"

// Limits of the search for snapshots below a folder that is none.
const (
	rootsDepth   = 4      // folders below PATH
	rootsVisited = 10_000 // folders read at most
)

// SnapshotsBelow lists the folders below root (relative to it, at most
// rootsDepth levels down, sorted) that hold a snapshot's nodes: a folder
// with a sub-folder whose etc/ holds a service folder (nova, neutron,
// keystone, glance, placement), or whose root/ or home/<user>/ holds rc
// files (holdsRC), or a sos report's sos_commands/, or an etc/ of its own. Links are not
// followed, and at most rootsVisited folders are read: it only suggests
// where the user may have meant.
func SnapshotsBelow(root string) []string {
	found := map[string]bool{}
	visited := 0
	var walk func(rel string, depth int)
	walk = func(rel string, depth int) {
		if depth > rootsDepth || visited >= rootsVisited {
			return
		}
		visited++
		entries, _, err := safefile.ReadDir(filepath.Join(root, rel))
		if err != nil {
			return
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			if rel != "." && marksNode(root, rel, e.Name()) {
				found[filepath.Dir(rel)] = true // rel is a node: its parent a snapshot
				continue
			}
			walk(filepath.Join(rel, e.Name()), depth+1)
		}
	}
	walk(".", 0)
	out := make([]string, 0, len(found))
	for p := range found {
		out = append(out, p)
	}
	sort.Strings(out)
	return slices.DeleteFunc(out, func(p string) bool { return p == "." })
}

// marksNode reports whether the folder name below the folder rel (of
// root) makes rel a node: an etc/ holding a service folder, a sos report's
// sos_commands/, or a root/ or home/ with rc files (holdsRC).
func marksNode(root, rel, name string) bool {
	switch name {
	case "etc":
		return isEtc(filepath.Join(root, rel, name))
	case sosMarker:
		return true
	case "root", "home":
		return holdsRC(filepath.Join(root, rel))
	}
	return false
}

// isEtc: the folder holds one of the service folders stacklint reads.
func isEtc(dir string) bool {
	entries, _, err := safefile.ReadDir(dir)
	if err != nil {
		return false
	}
	return slices.ContainsFunc(entries, func(e os.DirEntry) bool {
		return e.IsDir() && slices.Contains(serviceDirs, e.Name())
	})
}
