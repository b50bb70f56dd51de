package snapshot

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/stacklint/stacklint/internal/safefile"
)

// readAll reads every candidate through safefile, in parallel, then keeps
// the files read in their node (or Loose) and turns each failure into a
// problem, in walk order. A file is read once, at discovery: nothing can
// vanish between discovery and parsing.
//
// Files of identical content share one slice (contents): a fleet's
// /etc/hosts copied to ten thousand nodes is held once, not ten thousand
// times.
func (w *walker) readAll() {
	data := make([][]byte, len(w.cands))
	sums := make([]*[32]byte, len(w.cands))
	errs := make([]error, len(w.cands))
	shared := contents{m: map[[32]byte][]byte{}}
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				data[i], errs[i] = w.read(w.cands[i].file.Abs)
				if errs[i] == nil {
					data[i], sums[i] = shared.intern(data[i])
				}
			}
		})
	}
	for i := range w.cands {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, c := range w.cands {
		c.file.sum = sums[i]
		w.keep(c, data[i], errs[i])
	}
	w.cands = nil
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
	rel, err := filepath.Rel(w.s.Root, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, &fs.PathError{Op: "open", Path: abs, Err: errors.New("outside the snapshot")}
	}
	if w.root == nil {
		return nil, &fs.PathError{Op: "open", Path: w.s.Root, Err: errors.New("snapshot folder not open")}
	}
	return safefile.ReadIn(w.root, filepath.ToSlash(rel), w.limit)
}
