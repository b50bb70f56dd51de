package snapshot

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/stacklint/stacklint/internal/parallel"

	"github.com/stacklint/stacklint/internal/safefile"
)

// walker collects the nodes, the files to read and the problems of one
// discovery.
type walker struct {
	s        *Snapshot
	root     *os.Root // the snapshot folder: every file is opened through it
	limit    int64
	cands    []*candidate
	reported map[Problem]bool // path and kind: each problem is reported once
	archives []string         // archives at the top of PATH, read in place (archive.go)
}

// found is what one tree's walk found, in walk order: files to read,
// problems (each path and kind once), ignored files and leftovers. The
// trees are walked in parallel, each into its own found, and merged in
// tree order (merge), so the result is the one a walk of tree after tree
// gives.
type found struct {
	cands     []*candidate
	problems  []Problem
	reported  map[Problem]bool
	ignored   []string
	leftovers []Leftover
}

func (f *found) problem(rel, kind, msg string) {
	key := Problem{Path: rel, Kind: kind}
	if f.reported[key] {
		return
	}
	f.reported[key] = true
	f.problems = append(f.problems, Problem{Path: rel, Msg: msg, Kind: kind})
}

// candidate is a file to read: a classified file, or a *.sh/*.rc file that
// is an rc file only if it sets OS_AUTH_URL.
type candidate struct {
	file    *File
	node    *Node // nil outside nodes
	rcCheck bool
}

// tree is one walk with its own root: a node, or the area outside nodes.
// Each directory is walked once (by device and inode; see rereads for the
// exception), real directories before directories reached through links,
// so a file is seen by its own path when it has one; the walk is linear in
// the number of entries.
type tree struct {
	out     *found
	node    *Node // nil outside nodes
	root    chroot
	real    string          // the real directory the walk starts at
	mount   string          // "etc" when PATH is an /etc: prefixed to paths to get node paths
	skip    map[string]bool // entries of the starting directory not walked (node folders)
	visited map[safefile.ID]bool
	pending []dirLink
	lands   *landings // the node's container layout; nil for packages
}

// dirLink is a symbolic link to a directory, walked after the real tree.
type dirLink struct {
	rel, target, parent string // shown path; real target; real folder holding the link
	depth               int
}

// newWalker starts a walk of s; the snapshot folder is opened as an
// os.Root for reading (the caller closes w.root).
func newWalker(s *Snapshot, o Options) *walker {
	w := &walker{s: s, limit: o.MaxFileSize, reported: map[Problem]bool{}}
	w.root, _ = os.OpenRoot(s.Root) // nil: every read fails, naming the folder
	return w
}

func (w *walker) newTree(n *Node, root chroot, real, mount string) *tree {
	return &tree{node: n, root: root, real: real, mount: mount, skip: map[string]bool{}, visited: map[safefile.ID]bool{}}
}

// walk walks every tree, GOMAXPROCS trees at a time (each tree on its own:
// a node's walk touches only that node), then merges what they found in
// tree order; nodes become the snapshot's nodes.
func (w *walker) walk(trees []*tree) {
	for _, t := range trees {
		if t.node != nil {
			w.s.Nodes = append(w.s.Nodes, t.node)
		}
	}
	parallel.For(len(trees), runtime.GOMAXPROCS(0), func(i int) {
		t := trees[i]
		t.out = newFound()
		t.detectContainers(w)
		t.dir(t.real, t.base(), 0)
		for len(t.pending) > 0 {
			l := t.pending[0]
			t.pending = t.pending[1:]
			t.followDir(l)
		}
	})
	w.merge(trees)
}

func newFound() *found { return &found{reported: map[Problem]bool{}} }

// merge adds what each tree found, tree after tree, to the walker and the
// snapshot; a problem reported by an earlier tree is not repeated.
func (w *walker) merge(trees []*tree) {
	for _, t := range trees {
		for _, p := range t.out.problems {
			w.problem(p.Path, p.Kind, p.Msg)
		}
		w.cands = append(w.cands, t.out.cands...)
		w.s.Ignored = append(w.s.Ignored, t.out.ignored...)
		w.s.Leftovers = append(w.s.Leftovers, t.out.leftovers...)
		t.out = newFound()
	}
}

// base is the shown path of the tree's starting directory.
func (t *tree) base() string {
	if t.node == nil {
		return ""
	}
	return t.node.Dir
}

// nodePath is the path of a shown path inside the node ("etc/nova/nova.conf").
func (t *tree) nodePath(rel string) string {
	p := rel
	if b := t.base(); b != "" {
		p = strings.TrimPrefix(strings.TrimPrefix(rel, b), "/")
	}
	if t.mount != "" {
		p = path.Join(t.mount, p)
	}
	return p
}

// dir walks a directory at depth levels below the tree's root.
func (t *tree) dir(real, rel string, depth int) {
	if depth > 0 && t.sosSkips(rel) {
		return // a sos report's logs and other command outputs: nothing read there
	}
	if depth > MaxDepth {
		t.out.problem(rel, ProblemTooDeep, fmt.Sprintf("folder more than %d levels deep, not read", MaxDepth))
		return
	}
	entries, id, err := safefile.ReadDir(real)
	if err != nil {
		t.out.problem(rel, ProblemUnreadable, "folder cannot be read: "+errText(err))
		return
	}
	if t.visited[id] && !t.rereads(rel) {
		return
	}
	t.visited[id] = true
	for _, e := range entries {
		if depth == 0 && t.skip[e.Name()] {
			continue
		}
		t.entry(e, filepath.Join(real, e.Name()), join(rel, e.Name()), depth+1)
	}
}

// entry handles one directory entry; depth is its own depth.
func (t *tree) entry(e os.DirEntry, real, rel string, depth int) {
	if t.node != nil && !e.IsDir() {
		masked := e.Type()&os.ModeSymlink != 0 && linksToDevNull(real)
		if u := EnabledUnit(t.nodePath(rel)); u != "" && !masked {
			t.node.Enabled = append(t.node.Enabled, Enabled{Unit: u, Path: rel})
		}
		if u := MaskedUnit(t.nodePath(rel)); u != "" && masked {
			t.node.Masked = append(t.node.Masked, u)
		}
	}
	switch {
	case e.IsDir():
		t.notAFile(rel)
		t.dir(real, rel, depth)
	case e.Type()&os.ModeSymlink != 0:
		t.link(real, rel, depth)
	default:
		t.file(real, rel)
	}
}

// link follows a symbolic link inside the node.
func (t *tree) link(real, rel string, depth int) {
	root, np := t.linkRoot(t.nodePath(rel))
	tg, err := root.resolve(np)
	switch {
	case err != nil || tg.info == nil:
		if t.wouldRead(rel) {
			t.out.problem(linkProblem(rel, real, tg, err))
		}
	case tg.info.IsDir():
		t.notAFile(rel)
		t.pending = append(t.pending, dirLink{rel: rel, target: tg.real, parent: filepath.Dir(real), depth: depth})
	default:
		t.file(tg.real, rel)
	}
}

// followDir walks a directory reached through a link, unless it encloses
// the link (a loop) or was walked already by its own path.
func (t *tree) followDir(l dirLink) {
	if l.parent == l.target || strings.HasPrefix(l.parent, l.target+string(filepath.Separator)) {
		if t.wouldRead(l.rel) {
			t.out.problem(l.rel, ProblemLoop, "symbolic link to an enclosing folder (a loop), not followed")
		}
		return
	}
	t.dir(l.target, l.rel, l.depth)
}

// file records a file: a candidate to read when stacklint reads it. Its
// type (named pipe, device, ...) is decided when it is opened (read.go).
func (t *tree) file(real, rel string) {
	f := &File{Path: rel, NodePath: t.nodePath(rel), Abs: real}
	rcCheck := false
	if t.node != nil {
		f.Node = t.node.Name
		f.Kind, f.Dest = t.classify(f.NodePath)
		if t.lands != nil {
			f.Fault = t.lands.faults[f.NodePath]
		}
	}
	if f.Kind == "" {
		switch rcName(path.Base(rel)) {
		case rcByName:
			f.Kind = KindRC
		case rcByContent:
			rcCheck = true
		}
	}
	if f.Kind == "" && !rcCheck {
		if of := leftoverOf(f.NodePath); of != "" && t.node != nil {
			t.out.leftovers = append(t.out.leftovers, Leftover{Path: rel, Node: t.node.Name, Of: of})
		}
		t.out.ignored = append(t.out.ignored, rel)
		return
	}
	t.out.cands = append(t.out.cands, &candidate{file: f, node: t.node, rcCheck: rcCheck})
}

// notAFile reports a directory where stacklint reads a file of a kind
// (etc/nova/nova.conf/): the service cannot read it either.
func (t *tree) notAFile(rel string) {
	if t.node == nil {
		return
	}
	if kind, _ := t.classify(t.nodePath(rel)); kind != "" {
		t.out.problem(rel, ProblemNotRegular, "is a directory, not a regular file; not read as "+kind)
	}
}

// rereads reports whether a directory walked already by another path is
// walked again at rel: when stacklint reads files below rel, the path
// decides their kind (etc/neutron/plugins -> /srv/ml2 makes
// /srv/ml2/ml2_conf.ini the node's ml2_conf.ini). Such paths are few and
// short (ReadsBelow), each is walked once, and links to an enclosing
// folder are never followed, so this stays linear.
func (t *tree) rereads(rel string) bool {
	return t.node != nil && ReadsBelow(t.nodePath(rel))
}

// wouldRead reports whether stacklint reads the path, or files below it,
// when it exists: only then is a link that leads nowhere worth a problem
// (a Debian /etc holds hundreds of links into /usr that no check needs).
func (t *tree) wouldRead(rel string) bool {
	if rcName(path.Base(rel)) != rcNot {
		return true
	}
	if t.node == nil {
		return false // outside nodes only rc files are read
	}
	np := t.nodePath(rel)
	kind, _ := t.classify(np)
	return kind != "" || ReadsBelow(np)
}

// linkProblem is the path, kind and message of a link that cannot be
// followed: a loop, a target that cannot be examined, or one the snapshot
// does not hold.
func linkProblem(rel, real string, tg target, err error) (at, kind, msg string) {
	switch {
	case isLoop(err):
		return rel, ProblemLoop, "symbolic link loop (too many levels of symbolic links), not followed"
	case err != nil:
		return rel, ProblemUnreadable, "symbolic link cannot be followed: " + errText(err)
	}
	to, _ := os.Readlink(real)
	msg = fmt.Sprintf("symbolic link to %q: not in the snapshot, not followed", to)
	if tg.node != "" && tg.node != path.Clean(to) {
		msg = fmt.Sprintf("symbolic link to %q (%s inside the node): not in the snapshot, not followed", to, tg.node)
	}
	return rel, ProblemLink, msg
}

func (w *walker) problem(rel, kind, msg string) {
	key := Problem{Path: rel, Kind: kind}
	if w.reported[key] {
		return
	}
	w.reported[key] = true
	w.s.Problems = append(w.s.Problems, Problem{Path: rel, Msg: msg, Kind: kind})
}

func join(rel, name string) string {
	if rel == "" {
		return name
	}
	return rel + "/" + name
}

// errText is an error without the path it names (the problem names it).
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
