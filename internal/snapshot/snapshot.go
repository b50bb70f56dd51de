// Package snapshot finds the nodes of a deployment snapshot and classifies
// their files by kind. It reads no file contents except to decide whether a
// *.sh/*.rc file is an OpenStack rc file.
package snapshot

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Snapshot is the result of discovery.
type Snapshot struct {
	Root     string  // absolute path of PATH
	Nodes    []*Node // sorted by name
	Loose    []*File // rc files outside any node (e.g. at the repository root)
	Problems []Problem
	Ignored  []string // relative paths of files that are not OpenStack input
	// Leftovers are package-manager copies of known files (nova.conf.rpmnew,
	// ml2_conf.ini.dpkg-dist): not read, but worth reporting.
	Leftovers []Leftover
}

// Leftover is an unmerged package copy of a file stacklint reads.
type Leftover struct {
	Path, Node string
	Of         string // the kind of the file it is a copy of
}

// Node is one machine of the deployment.
type Node struct {
	Name  string
	Dir   string  // path of the node root relative to Root ("" for Root itself)
	Files []*File // sorted by path
}

// File is one classified input file.
type File struct {
	Path     string // relative to Root, '/'-separated: the path shown to users
	NodePath string // relative to the node root, e.g. "etc/nova/nova.conf"
	Abs      string // absolute path to read (the link target for a followed link)
	Kind     string
	Node     string
}

// Problem is something wrong with the snapshot tree itself.
type Problem struct {
	Path string
	Msg  string
}

// serviceDirs mark a directory that is itself an /etc.
var serviceDirs = []string{"nova", "neutron", "keystone", "glance", "placement"}

// Discover walks root and returns its nodes. It fails only when root itself
// cannot be read; per-file trouble is recorded in Problems.
func Discover(root string) (*Snapshot, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", root)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	s := &Snapshot{Root: abs}
	w := &walker{s: s, seen: map[string]bool{}}
	for _, n := range findNodes(abs) {
		w.node = n
		w.walk(filepath.Join(abs, filepath.FromSlash(n.Dir)), n.Dir, nil, w.file)
		sort.Slice(n.Files, func(i, j int) bool { return n.Files[i].Path < n.Files[j].Path })
		s.Nodes = append(s.Nodes, n)
	}
	w.node = nil
	w.walkLoose(abs)
	sort.Slice(s.Nodes, func(i, j int) bool { return s.Nodes[i].Name < s.Nodes[j].Name })
	sort.Strings(s.Ignored)
	sort.Slice(s.Problems, func(i, j int) bool { return s.Problems[i].Path < s.Problems[j].Path })
	return s, nil
}

// findNodes applies the three layouts: PATH/<node>/etc/..., PATH/etc/...,
// and PATH being an /etc itself.
func findNodes(root string) []*Node {
	if isDir(filepath.Join(root, "etc")) {
		return []*Node{{Name: singleName(root, filepath.Join(root, "etc")), Dir: ""}}
	}
	for _, d := range serviceDirs {
		if isDir(filepath.Join(root, d)) {
			return []*Node{{Name: singleName(root, root), Dir: ""}}
		}
	}
	var nodes []*Node
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		p := filepath.Join(root, e.Name())
		if isDir(p) && isDir(filepath.Join(p, "etc")) {
			nodes = append(nodes, &Node{Name: e.Name(), Dir: e.Name()})
		}
	}
	return nodes
}

// singleName names the only node: its etc/hostname, else the PATH's name.
func singleName(root, etc string) string {
	if b, err := os.ReadFile(filepath.Join(etc, "hostname")); err == nil {
		if h := strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]); h != "" {
			return h
		}
	}
	return filepath.Base(root)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

type walker struct {
	s    *Snapshot
	node *Node
	seen map[string]bool // real directories already walked (link loops)
}

// walk visits every file below dir (rel is its path relative to Root),
// following links that stay inside Root and each real directory once, and
// hands each file to visit. skip prunes entries by their relative path.
func (w *walker) walk(dir, rel string, skip func(rel string) bool, visit func(rel, abs string)) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || w.seen[real] {
		return
	}
	w.seen[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.problem(rel, "cannot read directory: "+errText(err))
		return
	}
	for _, e := range entries {
		childRel := join(rel, e.Name())
		if skip != nil && skip(childRel) {
			continue
		}
		target, ok := w.resolve(filepath.Join(dir, e.Name()), childRel, e)
		if !ok {
			continue
		}
		if isDir(target) {
			w.walk(target, childRel, skip, visit)
			continue
		}
		visit(childRel, target)
	}
}

// walkLoose looks for rc files outside every node directory.
func (w *walker) walkLoose(root string) {
	if len(w.s.Nodes) == 1 && w.s.Nodes[0].Dir == "" {
		return
	}
	for _, n := range w.s.Nodes {
		if real, err := filepath.EvalSymlinks(filepath.Join(root, n.Dir)); err == nil {
			w.seen[real] = true // node trees were walked already
		}
	}
	delete(w.seen, root)
	w.walk(root, "", w.isNode, func(rel, abs string) {
		if looksLikeRC(filepath.Base(rel), abs) {
			w.s.Loose = append(w.s.Loose, &File{Path: rel, NodePath: rel, Abs: abs, Kind: KindRC})
		} else {
			w.s.Ignored = append(w.s.Ignored, rel)
		}
	})
}

func (w *walker) isNode(name string) bool {
	for _, n := range w.s.Nodes {
		if n.Dir == name {
			return true
		}
	}
	return false
}

// resolve follows a symbolic link only when it stays inside Root.
func (w *walker) resolve(p, rel string, e os.DirEntry) (string, bool) {
	if e.Type()&os.ModeSymlink == 0 {
		return p, true
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		msg := "broken symbolic link, not followed"
		if strings.Contains(err.Error(), "too many links") {
			msg = "symbolic link loop, not followed"
		}
		w.problem(rel, msg)
		return "", false
	}
	if real != w.s.Root && !strings.HasPrefix(real, w.s.Root+string(filepath.Separator)) {
		w.problem(rel, "symbolic link leaves the snapshot, not followed")
		return "", false
	}
	return real, true
}

func (w *walker) file(rel, abs string) {
	nodePath := strings.TrimPrefix(rel, w.node.Dir+"/")
	if w.node.Dir == "" {
		nodePath = rel
		if !strings.HasPrefix(rel, "etc/") && hasServiceDir(w.s.Root) {
			nodePath = "etc/" + rel // PATH is itself an /etc
		}
	}
	kind := Classify(nodePath)
	if kind == "" && looksLikeRC(filepath.Base(rel), abs) {
		kind = KindRC
	}
	if kind == "" {
		if of := leftoverOf(nodePath); of != "" {
			w.s.Leftovers = append(w.s.Leftovers, Leftover{Path: rel, Node: w.node.Name, Of: of})
		}
		w.s.Ignored = append(w.s.Ignored, rel)
		return
	}
	w.node.Files = append(w.node.Files, &File{Path: rel, NodePath: nodePath, Abs: abs, Kind: kind, Node: w.node.Name})
}

func hasServiceDir(root string) bool {
	if isDir(filepath.Join(root, "etc")) {
		return false
	}
	for _, d := range serviceDirs {
		if isDir(filepath.Join(root, d)) {
			return true
		}
	}
	return false
}

func (w *walker) problem(rel, msg string) {
	w.s.Problems = append(w.s.Problems, Problem{Path: rel, Msg: msg})
}

func join(rel, name string) string {
	if rel == "" {
		return name
	}
	return rel + "/" + name
}

func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
