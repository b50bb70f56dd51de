// Package snapshot finds the nodes of a deployment snapshot, classifies
// their files by kind and reads the files stacklint reads, treating the
// tree as hostile input: symbolic links resolve inside their node as in a
// chroot (links.go), the walk visits each directory once and stops at
// MaxDepth (walk.go), and every file is read through internal/safefile
// (regular files only, at most the size limit, never blocking; read.go).
// Anything it cannot read is a Problem, never a failure of the run.
package snapshot

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/stacklint/stacklint/internal/safefile"
)

// Snapshot is the result of discovery.
type Snapshot struct {
	Root     string  // absolute path of PATH, its symbolic links resolved
	Nodes    []*Node // sorted by name
	Loose    []*File // rc files outside any node (e.g. at the repository root)
	Problems []Problem
	Ignored  []string // relative paths of files that are not OpenStack input
	// Leftovers are package-manager copies of known files (nova.conf.rpmnew,
	// ml2_conf.ini.dpkg-dist): not read, but worth reporting.
	Leftovers []Leftover
	// Notes say what discovery decided that the user should know (two sos
	// reports of one host renamed apart), sorted.
	Notes []string
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
	// Enabled are the units the node's init system starts at boot, by
	// unit name, sorted (see EnabledUnit); one entry per unit.
	Enabled []Enabled
	// Masked are units masked on the node (etc/systemd/system/<unit>.service
	// linked to /dev/null): none of them runs, whatever wants it.
	Masked []string
	// Layout is how the node's services are deployed (Layout*): decided by
	// discovery from the node's folders; the sos report reader sets
	// LayoutSos itself.
	Layout string
	// Containers are the node's containers in the container layouts (kolla-
	// ansible, TripleO), sorted by name; nil for packages.
	Containers []Container
}

// Enabled is an init system's mark that a unit starts at boot.
type Enabled struct {
	Unit string // "neutron-server", "openstack-nova-api", "devstack@n-cpu"
	Path string // shown path of the mark (a link, usually leading out of the snapshot)
}

// File is one classified input file, read at discovery.
type File struct {
	Path     string // relative to Root, '/'-separated: the path shown to users
	NodePath string // relative to the node root, e.g. "etc/nova/nova.conf"
	Abs      string // absolute path it was read from (the link target for a followed link)
	Kind     string
	Node     string
	// Dest is where the file lands inside its container (kolla's
	// config.json dest, "/etc/nova/nova.conf"); "" for a host file. Kind is
	// then the kind of that path.
	Dest string
	// Fault is what discovery found wrong in the file itself (a kolla
	// config file that is not JSON or names a missing source); nil if none.
	Fault *Fault
	data  []byte
	sum   *[32]byte
}

// Data is the file's content as read at discovery (at most the size limit).
// Files of identical content share one slice: it must not be changed.
func (f *File) Data() []byte { return f.data }

// Sum is the SHA-256 digest of Data, computed once when the file was read
// at discovery (and on first use for a File built otherwise).
func (f *File) Sum() [32]byte {
	if f.sum == nil {
		s := sha256.Sum256(f.data)
		f.sum = &s
	}
	return *f.sum
}

// Problem is something wrong with the snapshot tree itself: a part of it
// stacklint did not read, and why.
type Problem struct {
	Path string // relative to Root, '/'-separated
	Msg  string // what is wrong, without the path
	Kind string // one of the Problem* kinds: which rule reports it
}

// Problem kinds (the model document's problems[].kind; rules/input/snapshot_*).
const (
	ProblemLink       = "link"        // a symbolic link whose target is not in the snapshot
	ProblemLoop       = "loop"        // a symbolic link loop, or a link to an enclosing folder
	ProblemNotRegular = "not-regular" // a named pipe, device, socket or directory where a file is read
	ProblemTooLarge   = "too-large"   // a file over the size limit
	ProblemUnreadable = "unreadable"  // a file or folder that cannot be read (permission, vanished, I/O)
	ProblemTooDeep    = "too-deep"    // a folder nested deeper than MaxDepth
)

// MaxDepth is how many folder levels below a node root (or below PATH,
// outside nodes) are walked; deeper folders are a ProblemTooDeep.
const MaxDepth = 32

// Options adjust discovery.
type Options struct {
	// MaxFileSize is the size limit of a file in bytes (0: the default,
	// safefile.DefaultLimit); a larger file is a ProblemTooLarge.
	MaxFileSize int64
	// ArchiveBytes and ArchiveMembers bound what one archive read in place
	// may decompress and hold (0: DefaultArchiveBytes, DefaultArchiveMembers).
	ArchiveBytes   int64
	ArchiveMembers int
}

// Discover is DiscoverWith with the default options.
func Discover(root string) (*Snapshot, error) {
	return DiscoverWith(root, Options{})
}

// DiscoverWith walks root, finds its nodes and reads the files stacklint
// reads. It fails only when root itself cannot be read; per-file trouble is
// recorded in Problems.
func DiscoverWith(root string, o Options) (*Snapshot, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = safefile.DefaultLimit
	}
	if !st.IsDir() && IsArchive(abs) {
		return discoverArchive(abs, o), nil
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", root)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	s := &Snapshot{Root: abs}
	w := newWalker(s, o)
	if w.root == nil {
		return nil, fmt.Errorf("%s cannot be opened", root)
	}
	defer func() { _ = w.root.Close() }() // read only: nothing to lose
	trees, err := w.layout()
	if err != nil {
		return nil, err
	}
	w.walk(trees)
	w.readAll()
	w.readExtraDirs(trees)
	for _, name := range w.archives {
		s.addArchive(filepath.Join(abs, name), name, o, false, newContents())
	}
	s.distinctNames()
	s.sort()
	return s, nil
}

// discoverArchive is the snapshot of an archive named as PATH: its nodes
// (a sos report's top folder), read in place.
func discoverArchive(abs string, o Options) *Snapshot {
	s := &Snapshot{Root: abs}
	s.addArchive(abs, "", o, true, newContents())
	s.distinctNames()
	s.sort()
	return s
}

func (s *Snapshot) sort() {
	for _, n := range s.Nodes {
		sort.Slice(n.Files, func(i, j int) bool { return n.Files[i].Path < n.Files[j].Path })
		sortEnabled(n)
	}
	sort.Slice(s.Loose, func(i, j int) bool { return s.Loose[i].Path < s.Loose[j].Path })
	sort.Slice(s.Nodes, func(i, j int) bool { return s.Nodes[i].Name < s.Nodes[j].Name })
	sort.Strings(s.Ignored)
	sort.Strings(s.Notes)
	sort.Slice(s.Leftovers, func(i, j int) bool { return s.Leftovers[i].Path < s.Leftovers[j].Path })
	sort.Slice(s.Problems, func(i, j int) bool {
		a, b := s.Problems[i], s.Problems[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Kind < b.Kind
	})
}

// ProblemDocs is the model document's "problems": path, message and kind
// of every problem, sorted by path.
func (s *Snapshot) ProblemDocs() []any {
	out := make([]any, 0, len(s.Problems))
	for _, p := range s.Problems {
		out = append(out, map[string]any{"path": p.Path, "message": p.Msg, "kind": p.Kind})
	}
	return out
}
