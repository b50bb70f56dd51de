package snapshot

import (
	"errors"

	"github.com/stacklint/stacklint/internal/safefile"
)

// nodeFiles reads one node's files by node path ("etc/kolla/nova-api"),
// links followed inside the node: what container detection (detectLayout)
// needs. The folder walk (treeFiles) and the archive reader (archiveRoot)
// give it, so a node's containers and landings are decided the same way in
// a folder and in an archive.
type nodeFiles interface {
	isDir(np string) bool
	// exists: the node holds a file, folder or other entry at np.
	exists(np string) bool
	// entries are the names in the folder np, in no order; nil when np is
	// no folder.
	entries(np string) []string
	// readConfig is the content of the regular file at np, at most
	// maxContainerConfig bytes (past it a *safefile.TooLargeError); found
	// is false when np is no regular file.
	readConfig(np string) (data []byte, found bool, err error)
	// shown is the path of np shown to users (relative to Root).
	shown(np string) string
}

// treeFiles is nodeFiles of a node folder, read through the snapshot's
// os.Root.
type treeFiles struct {
	t *tree
	w *walker
}

func (f treeFiles) isDir(np string) bool { return f.t.root.isDir(np) }

func (f treeFiles) exists(np string) bool {
	tg, err := f.t.root.resolve(np)
	return err == nil && tg.info != nil
}

func (f treeFiles) entries(np string) []string {
	tg, err := f.t.root.resolve(np)
	if err != nil || tg.info == nil || !tg.info.IsDir() {
		return nil
	}
	es, _, err := safefile.ReadDir(tg.real)
	if err != nil {
		return nil
	}
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func (f treeFiles) readConfig(np string) ([]byte, bool, error) {
	tg, err := f.t.root.resolve(np)
	if err != nil || tg.info == nil || !tg.info.Mode().IsRegular() {
		return nil, false, nil
	}
	rel, err := f.w.rel(tg.real)
	if err != nil || f.w.root == nil {
		return nil, false, nil
	}
	data, err := safefile.ReadIn(f.w.root, rel, maxContainerConfig)
	return data, true, err
}

func (f treeFiles) shown(np string) string {
	s, _ := f.t.shown(np)
	return s
}

// errNotKept is the error of an archive member stacklint did not keep.
var errNotKept = errors.New("not kept from the archive")
