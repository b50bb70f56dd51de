package snapshot

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/stacklint/stacklint/internal/safefile"
)

// readExtraDirs reads, after the first reading, the *.conf files of the
// folders a node's units and default files name with --config-dir that
// Classify does not know (extraConfigDirs): one level, as oslo.config's
// --config-dir globs <dir>/*.conf, through the node's chroot; each gets
// the config-dir kind of the unit's project. The files become candidates
// of a second readAll; the first walk listed them as ignored.
func (w *walker) readExtraDirs(trees []*tree) {
	for _, t := range trees {
		if t.node == nil {
			continue
		}
		for dir, kind := range extraConfigDirs(t.node) {
			t.extraDir(dir, kind)
		}
	}
	w.merge(trees)
	if len(w.cands) == 0 {
		return
	}
	read := map[string]bool{}
	for _, c := range w.cands {
		read[c.file.Path] = true
	}
	kept := w.s.Ignored[:0]
	for _, p := range w.s.Ignored {
		if !read[p] {
			kept = append(kept, p)
		}
	}
	w.s.Ignored = kept
	w.readAll()
}

// extraDir makes candidates of the *.conf files of one config-dir (a node
// path without trailing "/"), each of the given kind.
func (t *tree) extraDir(dir, kind string) {
	shown, ok := t.shown(dir)
	if !ok {
		return
	}
	tg, err := t.root.resolve(dir)
	if err != nil || tg.info == nil || !tg.info.IsDir() {
		return // a --config-dir that does not exist: oslo.config stops the service (SL rules may say so)
	}
	entries, _, err := safefile.ReadDir(tg.real)
	if err != nil {
		t.out.problem(shown, ProblemUnreadable, "folder cannot be read: "+errText(err))
		return
	}
	for _, e := range entries {
		name := e.Name()
		np := dir + "/" + name
		if !strings.HasSuffix(name, ".conf") || strings.HasPrefix(name, ".") || Classify(np) != "" {
			continue
		}
		rel := join(shown, name)
		real := filepath.Join(tg.real, name)
		if !e.Type().IsRegular() {
			ftg, err := t.root.resolve(np)
			if err != nil || ftg.info == nil {
				t.out.problem(linkProblem(rel, real, ftg, err))
				continue
			}
			real = ftg.real
		}
		f := &File{Path: rel, NodePath: np, Abs: real, Kind: kind, Node: t.node.Name}
		t.out.cands = append(t.out.cands, &candidate{file: f, node: t.node})
	}
}

// shown is the shown path of a node path (the inverse of nodePath), false
// when the layout cannot reach it (PATH is an /etc: nothing outside etc/).
func (t *tree) shown(nodePath string) (string, bool) {
	p := nodePath
	if t.mount != "" {
		rest, ok := strings.CutPrefix(p, t.mount+"/")
		if !ok {
			return "", false
		}
		p = rest
	}
	return path.Clean(join(t.base(), p)), true
}
