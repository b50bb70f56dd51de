package snapshot

import (
	"archive/tar"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"syscall"
	"time"

	securejoin "github.com/cyphar/filepath-securejoin"
)

// archiveRoot is one node's folder inside an archive as a chroot: the
// paths its links name resolve among the archive's members with the
// node's folder as "/" (securejoin.SecureJoinVFS through this VFS), so no
// link leads out of its node, nor out of the archive.
type archiveRoot struct {
	a      *archive
	prefix string // the node's folder in the archive ("" for the archive's top)
}

// key is the member name of a path of the node.
func (r archiveRoot) key(name string) string {
	p := strings.TrimPrefix(path.Clean("/"+name), "/")
	switch {
	case p == "":
		return r.prefix
	case r.prefix == "":
		return p
	}
	return r.prefix + "/" + p
}

// member is the member at a path of the node, nil when there is none.
func (r archiveRoot) member(name string) *member {
	k := r.key(name)
	if k == "" {
		return &member{typ: tar.TypeDir}
	}
	return r.a.members[k]
}

// Lstat implements securejoin.VFS.
func (r archiveRoot) Lstat(name string) (os.FileInfo, error) {
	m := r.member(name)
	if m == nil {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: syscall.ENOENT}
	}
	return memberInfo{name: path.Base(name), m: m}, nil
}

// Readlink implements securejoin.VFS.
func (r archiveRoot) Readlink(name string) (string, error) {
	m := r.member(name)
	if m == nil || m.typ != tar.TypeSymlink {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: syscall.EINVAL}
	}
	return m.link, nil
}

// resolve follows the links on a path of the node: the member it leads
// to (nil when the archive has none) and its path in the node.
func (r archiveRoot) resolve(nodePath string) (*member, string, error) {
	v, err := securejoin.SecureJoinVFS("/", nodePath, r)
	if err != nil {
		return nil, "", err
	}
	return r.member(v), v, nil
}

// isNode reports whether the folder is a node: a sos report, an etc/, or
// TripleO's rendered configuration.
func (r archiveRoot) isNode() bool {
	return r.isDir(sosMarker) || r.isDir("etc") || r.isDir(tripleoDir)
}

// isDir reports whether a path of the node leads to a folder.
func (r archiveRoot) isDir(nodePath string) bool {
	m, _, err := r.resolve(nodePath)
	return err == nil && m != nil && m.typ == tar.TypeDir
}

// memberInfo is an os.FileInfo of a member.
type memberInfo struct {
	name string
	m    *member
}

func (i memberInfo) Name() string       { return i.name }
func (i memberInfo) Size() int64        { return i.m.size }
func (i memberInfo) ModTime() time.Time { return time.Time{} }
func (i memberInfo) IsDir() bool        { return i.m.typ == tar.TypeDir }
func (i memberInfo) Sys() any           { return nil }
func (i memberInfo) Mode() fs.FileMode  { return memberMode(i.m.typ) }

// memberMode is the file mode of a member type.
func memberMode(typ byte) fs.FileMode {
	switch typ {
	case tar.TypeReg:
		return 0o644
	case tar.TypeDir:
		return fs.ModeDir | 0o755
	case tar.TypeSymlink:
		return fs.ModeSymlink | 0o777
	case tar.TypeChar:
		return fs.ModeDevice | fs.ModeCharDevice
	case tar.TypeBlock:
		return fs.ModeDevice
	case tar.TypeFifo:
		return fs.ModeNamedPipe
	}
	return fs.ModeIrregular
}

// archiveNodes are the nodes of an archive: the archive itself when its
// top holds sos_commands/ (or etc/), else each top folder that does (a
// sos archive's sosreport-<host>-<date>/).
func (a *archive) nodes() []archiveRoot {
	top := archiveRoot{a: a}
	if top.isNode() {
		return []archiveRoot{top}
	}
	var out []archiveRoot
	for name, m := range a.members {
		if m.typ != tar.TypeDir || strings.Contains(name, "/") {
			continue
		}
		r := archiveRoot{a: a, prefix: name}
		if r.isNode() {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].prefix < out[j].prefix })
	return out
}

// node builds the Node of one node folder of the archive: its name, its
// files (every member it reads, links followed inside the node), the
// units it enables and the problems of what it does not read.
func (r archiveRoot) node(fallback string, shared *contents) (*Node, []Leftover) {
	n := &Node{Dir: join(r.a.shown, r.prefix)}
	if r.isDir(sosMarker) {
		n.Layout = LayoutSos
		n.Name = sosNameBy(r.readFile)
	}
	if n.Name == "" {
		if b, ok := r.readFile("etc/hostname"); ok && validHostname(firstLine(b)) {
			n.Name = firstLine(b)
		}
	}
	if n.Name == "" {
		n.Name = fallback
	}
	layout, lands := detectLayout(r, n)
	if n.Layout == "" { // a sos report stays one; its containers are listed
		n.Layout = layout
	}
	var left []Leftover
	for _, name := range r.names() {
		nodePath := strings.TrimPrefix(name, r.prefix+"/")
		if r.prefix == "" {
			nodePath = name
		}
		if of := leftoverOf(nodePath); of != "" {
			left = append(left, Leftover{Path: join(r.a.shown, name), Node: n.Name, Of: of})
		}
		r.entry(n, lands, name, nodePath, shared)
	}
	return n, left
}

// names are the member names below the node's folder, sorted.
func (r archiveRoot) names() []string {
	var out []string
	for name, m := range r.a.members {
		if m.typ == tar.TypeDir {
			continue
		}
		if r.prefix == "" || strings.HasPrefix(name, r.prefix+"/") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// entry handles one member of the node: an enabled or masked unit, a file
// read, or a problem with a file it would read.
func (r archiveRoot) entry(n *Node, lands *landings, name, nodePath string, shared *contents) {
	m := r.a.members[name]
	shown := join(r.a.shown, name)
	if m.typ == tar.TypeSymlink {
		if u := EnabledUnit(nodePath); u != "" && path.Clean(m.link) != "/dev/null" {
			n.Enabled = append(n.Enabled, Enabled{Unit: u, Path: shown})
		}
		if u := MaskedUnit(nodePath); u != "" && path.Clean(m.link) == "/dev/null" {
			n.Masked = append(n.Masked, u)
		}
	}
	kind, dest := lands.classify(nodePath)
	rc := rcName(path.Base(nodePath))
	if kind == "" && rc == rcNot {
		return
	}
	root, at := r.linkRoot(lands, nodePath)
	data, ok := root.content(shown, at, m)
	if !ok {
		return
	}
	if kind == "" {
		if rc == rcByContent && !setsAuthURL(data) {
			return
		}
		kind = KindRC
	}
	if kind == KindHostname && !hostnameFile(data) {
		return
	}
	data, sum := shared.intern(data)
	f := &File{Path: shown, NodePath: nodePath, Abs: r.a.abs + "!/" + name, Kind: kind, Dest: dest, Node: n.Name, data: data, sum: sum}
	if lands != nil {
		f.Fault = lands.faults[nodePath]
	}
	n.Files = append(n.Files, f)
}

// content is the bytes of the file a member is (a link followed inside the
// node); ok is false, with the problem recorded, when it is not read.
func (r archiveRoot) content(shown, nodePath string, m *member) ([]byte, bool) {
	if m.typ == tar.TypeSymlink {
		t, at, err := r.resolve(nodePath)
		switch {
		case isLoop(err):
			r.a.problem(r.rel(shown), ProblemLoop, "symbolic link loop (too many levels of symbolic links), not followed")
			return nil, false
		case err != nil || t == nil:
			r.a.problem(r.rel(shown), ProblemLink, fmt.Sprintf("symbolic link to %q: not in the archive, not followed", m.link))
			return nil, false
		case t.typ == tar.TypeReg && !t.kept && t.size <= r.a.limit:
			r.a.problem(r.rel(shown), ProblemLink, fmt.Sprintf("symbolic link to %q (%s inside the node): a file stacklint does not read at its own path, not followed", m.link, at))
			return nil, false
		}
		m = t
	}
	switch {
	case m.typ == tar.TypeReg && m.kept:
		return m.data, true
	case m.typ == tar.TypeReg:
		r.a.problem(r.rel(shown), ProblemTooLarge, fmt.Sprintf("is %d bytes, over the size limit of %d bytes (--max-file-size, max_file_size in .stacklint.yaml); not read", m.size, r.a.limit))
	default:
		r.a.problem(r.rel(shown), ProblemNotRegular, fmt.Sprintf("is a %s, not a regular file; not read", describeMember(m.typ)))
	}
	return nil, false
}

// rel is a shown path relative to the archive (problem adds the archive).
func (r archiveRoot) rel(shown string) string {
	if r.a.shown == "" {
		return shown
	}
	return strings.TrimPrefix(shown, r.a.shown+"/")
}

// describeMember names a member type in a problem.
func describeMember(typ byte) string {
	switch typ {
	case tar.TypeDir:
		return "directory"
	case tar.TypeChar:
		return "character device"
	case tar.TypeBlock:
		return "block device"
	case tar.TypeFifo:
		return "named pipe"
	}
	return "member of an unknown type"
}

// readFile is the bytes of a regular file (links followed) at a path of
// the node, when kept.
func (r archiveRoot) readFile(nodePath string) ([]byte, bool) {
	m, _, err := r.resolve(nodePath)
	if err != nil || m == nil || m.typ != tar.TypeReg || !m.kept {
		return nil, false
	}
	return m.data, true
}

// archiveNodeName is the name of an archive without its suffix: the
// fallback name of a node at its top.
func archiveNodeName(name string) string {
	base := path.Base(name)
	lower := strings.ToLower(base)
	for _, s := range archiveSuffixes {
		if strings.HasSuffix(lower, s.suffix) {
			return base[:len(base)-len(s.suffix)]
		}
	}
	return base
}

// addArchive reads the archive at abs (shown as shown, relative to Root;
// "" when it is PATH) and adds its nodes, files, leftovers and problems to
// the snapshot.
func (s *Snapshot) addArchive(abs, shown string, o Options, follow bool, shared *contents) {
	s.addNodesOf(readArchive(abs, shown, o, follow), abs, shown, shared)
}

// addNodesOf adds the nodes, leftovers and problems of an archive read.
func (s *Snapshot) addNodesOf(a *archive, abs, shown string, shared *contents) {
	for _, r := range a.nodes() {
		fallback := archiveNodeName(abs)
		if r.prefix != "" {
			fallback = r.prefix
		}
		n, left := r.node(fallback, shared)
		s.Nodes = append(s.Nodes, n)
		s.Leftovers = append(s.Leftovers, left...)
	}
	if a.dropped > 0 {
		a.problems = append(a.problems, Problem{Path: shown, Kind: ProblemUnreadable,
			Msg: fmt.Sprintf("%d more problems in this archive, not listed", a.dropped)})
	}
	s.Problems = append(s.Problems, a.problems...)
}

// newContents is an empty table of distinct contents.
func newContents() *contents {
	return &contents{m: map[[32]byte][]byte{}}
}
