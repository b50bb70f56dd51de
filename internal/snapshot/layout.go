package snapshot

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"

	"github.com/stacklint/stacklint/internal/safefile"
)

// serviceDirs mark a directory that is itself an /etc.
var serviceDirs = []string{"nova", "neutron", "keystone", "glance", "placement"}

// layout applies the three layouts: PATH/etc/... (one node, PATH is its
// root), PATH being an /etc itself, and PATH/<node>/etc/... with the area
// outside the nodes walked for rc files. A folder holding rc files in
// root/ or home/<user>/ is a node too (holdsRC), and so is PATH itself
// when it holds them and no folder below it is a node. Every path is resolved inside
// PATH as in a chroot, so PATH/etc -> /etc is not the machine's /etc.
func (w *walker) layout() ([]*tree, error) {
	root := w.s.Root
	top := chroot{dir: root}
	if top.isSos() { // PATH is one sos report
		return []*tree{w.newTree(w.sosNode(top, "", filepath.Base(root)), top, root, "")}, nil
	}
	if top.isDir("etc") || top.isDir(tripleoDir) {
		n := &Node{Name: w.nodeName(top)}
		return []*tree{w.newTree(n, top, root, "")}, nil
	}
	etc := chroot{dir: root, etc: true}
	for _, d := range serviceDirs {
		if etc.isDir("etc/" + d) {
			n := &Node{Name: w.nodeName(etc)}
			return []*tree{w.newTree(n, etc, root, "etc")}, nil
		}
	}
	entries, _, err := safefile.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var trees []*tree
	loose := w.newTree(nil, top, root, "")
	for _, e := range entries {
		if e.Type().IsRegular() && IsArchive(e.Name()) {
			w.archives = append(w.archives, e.Name()) // read in place after the walk
			loose.skip[e.Name()] = true
			continue
		}
		if t := w.nodeTree(top, e); t != nil {
			trees = append(trees, t)
			loose.skip[e.Name()] = true
			if id, err := safefile.IDOf(t.real); err == nil {
				loose.visited[id] = true // reached through a link outside nodes: walked already
			}
		}
	}
	if len(trees) == 0 && holdsRC(root) { // PATH is a node holding rc files only
		n := &Node{Name: w.nodeName(top)}
		return []*tree{w.newTree(n, top, root, "")}, nil
	}
	return append(trees, loose), nil
}

// nodeTree returns the tree of PATH's entry e when it is a node: a folder
// (or a link to a folder inside PATH) holding etc/, or rc files in its
// root/ or home/<user>/ (holdsRC). Links at the top of
// PATH that lead nowhere in PATH are problems: each could have been a node.
func (w *walker) nodeTree(top chroot, e os.DirEntry) *tree {
	name := e.Name()
	link := e.Type()&os.ModeSymlink != 0
	if !link && !e.IsDir() {
		return nil
	}
	t, err := top.resolve(name)
	switch {
	case link && (err != nil || t.info == nil):
		w.problem(linkProblem(name, filepath.Join(w.s.Root, name), t, err))
		return nil
	case err != nil || !t.info.IsDir():
		return nil
	case t.real == w.s.Root:
		w.problem(name, ProblemLoop, "symbolic link to the snapshot folder itself, not followed")
		return nil
	}
	node := chroot{dir: t.real}
	if node.isSos() {
		return w.newTree(w.sosNode(node, name, name), node, t.real, "")
	}
	if !node.isDir("etc") && !node.isDir(tripleoDir) && !holdsRC(t.real) {
		return nil
	}
	return w.newTree(&Node{Name: name, Dir: name}, node, t.real, "")
}

// nodeName names the only node of the single-node layouts: its
// etc/hostname (resolved inside the node) when its first line is a valid
// host name, else the name of PATH.
func (w *walker) nodeName(c chroot) string {
	if t, err := c.resolve("etc/hostname"); err == nil && t.info != nil && t.info.Mode().IsRegular() {
		if b, err := w.read(t.real); err == nil {
			if h := firstLine(b); validHostname(h) {
				return h
			}
		}
	}
	return filepath.Base(w.s.Root)
}

// firstLine is the first line of a file, trimmed.
func firstLine(b []byte) string {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return string(bytes.TrimSpace(line))
}

// hostnameFile reports whether an etc/hostname holds a host name, or
// nothing, on its first line.
func hostnameFile(b []byte) bool {
	h := firstLine(b)
	return h == "" || validHostname(h)
}

// validHostname: RFC 1123 labels (letters, digits, hyphens; underscores
// are tolerated), at most 253 characters. Anything else in etc/hostname is
// not a name stacklint prints as one.
func validHostname(h string) bool {
	return len(h) <= 253 && hostnameRE.MatchString(h)
}

// hostnameLabel is one RFC 1123 label of a host name (underscores tolerated).
const hostnameLabel = `[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?`

// hostnameRE is a host name of dot-separated labels (validHostname),
// compiled once: a fleet has an etc/hostname on every node.
var hostnameRE = regexp.MustCompile(`^` + hostnameLabel + `(?:\.` + hostnameLabel + `)*$`)
