package snapshot

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/stacklint/stacklint/internal/parallel"

	"github.com/stacklint/stacklint/internal/safefile"
)

// readAll reads every candidate through safefile, in parallel, then keeps
// the files read in their node (or Loose) and turns each failure into a
// problem, in walk order. A file is read once, at discovery: nothing can
// vanish between discovery and parsing.
//
// The candidates are read folder by folder (byFolder), each folder opened
// once as an os.Root below the snapshot's, and the folders of one node
// tree in a batch on one worker (batches), which keeps the folders above
// the one it reads open for the next (opener): a node's files lie in a
// few folders of one tree (etc, etc/nova, etc/neutron/plugins/ml2), and
// resolving every file's path from the snapshot folder again cost about a
// dozen system calls more per file.
//
// Files of identical content share one slice (contents): a fleet's
// /etc/hosts copied to ten thousand nodes is held once, not ten thousand
// times.
func (w *walker) readAll() {
	r := reading{
		data: make([][]byte, len(w.cands)), sums: make([]*[32]byte, len(w.cands)), errs: make([]error, len(w.cands)),
		shared: contents{m: map[[32]byte][]byte{}},
	}
	batches := batches(w.byFolder(r.errs))
	parallel.For(len(batches), runtime.GOMAXPROCS(0), func(i int) {
		o := opener{top: w.root}
		defer o.close()
		for _, f := range batches[i] {
			w.readFolder(f, &o, &r)
		}
	})
	for i, c := range w.cands {
		c.file.sum = r.sums[i]
		w.keep(c, r.data[i], r.errs[i])
	}
	w.cands = nil
}

// reading is what readAll collects, by candidate index; each index is
// written by one worker only.
type reading struct {
	data   [][]byte
	sums   []*[32]byte
	errs   []error
	shared contents
}

// folder is one folder of the snapshot (relative to Root, '/'-separated)
// and the candidates read from it: their indexes and file names.
type folder struct {
	dir   string
	idx   []int
	names []string
}

// byFolder groups the candidates by the folder they are read from, in the
// order each folder first appears; a candidate whose path leads outside
// the snapshot gets its error in errs instead.
func (w *walker) byFolder(errs []error) []folder {
	var out []folder
	at := map[string]int{}
	for i, c := range w.cands {
		rel, err := w.rel(c.file.Abs)
		if err != nil {
			errs[i] = err
			continue
		}
		dir, name := path.Split(rel)
		dir = strings.TrimSuffix(dir, "/")
		j, ok := at[dir]
		if !ok {
			j = len(out)
			at[dir] = j
			out = append(out, folder{dir: dir})
		}
		out[j].idx = append(out[j].idx, i)
		out[j].names = append(out[j].names, name)
	}
	return out
}

// batchFolders bounds the folders of one batch, so that one large node
// is still read by every worker.
const batchFolders = 256

// batches splits folders into runs of consecutive folders below the same
// folder of the snapshot's top level (a node's, in walk order), of at
// most batchFolders each.
func batches(folders []folder) [][]folder {
	var out [][]folder
	top := func(dir string) string { t, _, _ := strings.Cut(dir, "/"); return t }
	for i, f := range folders {
		if n := len(out); n > 0 && len(out[n-1]) < batchFolders && top(f.dir) == top(folders[i-1].dir) {
			out[n-1] = append(out[n-1], f)
			continue
		}
		out = append(out, []folder{f})
	}
	return out
}

// readFolder reads the candidates of one folder, opened once through the
// snapshot folder's os.Root (so no element of its path can lead outside
// the snapshot, even when the tree changes while it is read); a folder
// that cannot be opened is the error of each of its files.
func (w *walker) readFolder(f folder, o *opener, r *reading) {
	sub, owned, err := o.open(f.dir)
	for k, i := range f.idx {
		if err != nil {
			r.errs[i] = err
			continue
		}
		r.data[i], r.errs[i] = safefile.ReadIn(sub, f.names[k], w.limit)
		if r.errs[i] == nil {
			r.data[i], r.sums[i] = r.shared.intern(r.data[i])
		}
	}
	if owned {
		_ = sub.Close() // read only: nothing to lose
	}
}

// contents holds one copy of each distinct file content read, by digest.
type contents struct {
	mu sync.Mutex
	m  map[[32]byte][]byte
}

// intern is data, or the copy of the same content read before, with its
// digest.
func (c *contents) intern(data []byte) ([]byte, *[32]byte) {
	sum := sha256.Sum256(data)
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.m[sum]; ok {
		return prev, &sum
	}
	c.m[sum] = data
	return data, &sum
}

// keep files a candidate that was read, or reports why it was not.
func (w *walker) keep(c *candidate, data []byte, err error) {
	f := c.file
	if err != nil {
		kind, msg := readProblem(err)
		w.problem(f.Path, kind, msg)
		return
	}
	if f.Kind == KindHostname && !hostnameFile(data) {
		// etc/hostname -> /etc/shadow: a file whose first line is no host
		// name is not the node's name, and its text must not become one.
		w.s.Ignored = append(w.s.Ignored, f.Path)
		return
	}
	if c.rcCheck {
		if !setsAuthURL(data) {
			w.s.Ignored = append(w.s.Ignored, f.Path)
			return
		}
		f.Kind = KindRC
	}
	f.data = data
	if c.node == nil {
		w.s.Loose = append(w.s.Loose, f)
		return
	}
	c.node.Files = append(c.node.Files, f)
}

// Forget drops the bytes of every file once the model has parsed them, so
// they do not stay in memory for the rest of a run (Data is nil after).
func (s *Snapshot) Forget() {
	for _, n := range s.Nodes {
		for _, f := range n.Files {
			f.data = nil
		}
	}
	for _, f := range s.Loose {
		f.data = nil
	}
}

// readProblem words a reading error: never as a parse error, since the
// service on the node may read the file fine; only this copy could not be
// read.
func readProblem(err error) (kind, msg string) {
	var nr *safefile.NotRegularError
	var tl *safefile.TooLargeError
	switch {
	case errors.As(err, &nr):
		return ProblemNotRegular, fmt.Sprintf("is a %s, not a regular file; not read", nr.Type)
	case errors.As(err, &tl):
		return ProblemTooLarge, fmt.Sprintf("is %s, over the size limit of %s (--max-file-size, max_file_size in .stacklint.yaml); not read",
			safefile.HumanSize(tl.Size), safefile.FormatSize(tl.Limit))
	case errors.Is(err, fs.ErrNotExist):
		return ProblemUnreadable, "vanished while the snapshot was being read; not read"
	}
	return ProblemUnreadable, "cannot be read: " + errText(err) + "; not read"
}

// ReadLone reads a lone file named on the command line (stacklint inspect
// FILE), following a link it is, and classifies it by its last path
// elements and, for rc files, its content; a file of no known kind is read
// as oslo.config INI. The error says why it was not read (a named pipe,
// over the limit, ...).
func ReadLone(path string, limit int64) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = safefile.DefaultLimit
	}
	data, err := safefile.Follow(abs, limit)
	if err != nil {
		return nil, err
	}
	base := filepath.Base(abs)
	return &File{Path: base, NodePath: base, Abs: abs, Kind: classifyLone(abs, data), data: data}, nil
}

// ClassifyFile is the kind ReadLone gives the file at abs; a file that
// cannot be read is classified by its name alone.
func ClassifyFile(abs string) string {
	if f, err := ReadLone(abs, 0); err == nil {
		return f.Kind
	}
	return classifyLone(abs, nil)
}

// read reads a file the walk resolved to abs (inside the snapshot) through
// the snapshot folder's os.Root: a path that a concurrent change turned
// into a way out of the snapshot is refused, not followed.
func (w *walker) read(abs string) ([]byte, error) {
	rel, err := w.rel(abs)
	if err != nil {
		return nil, err
	}
	if w.root == nil {
		return nil, &fs.PathError{Op: "open", Path: w.s.Root, Err: errors.New("snapshot folder not open")}
	}
	return safefile.ReadIn(w.root, rel, w.limit)
}

// rel is the '/'-separated path of abs relative to Root; an error when abs
// is not inside the snapshot.
func (w *walker) rel(abs string) (string, error) {
	rel, err := filepath.Rel(w.s.Root, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return "", &fs.PathError{Op: "open", Path: abs, Err: errors.New("outside the snapshot")}
	}
	return filepath.ToSlash(rel), nil
}
