package snapshot

import (
	"archive/tar"
	"path"
	"strings"

	"github.com/stacklint/stacklint/internal/safefile"
)

// archiveRoot gives nodeFiles, so an archived node's containers and
// landings are decided by detectLayout as a folder's are.

func (r archiveRoot) exists(np string) bool {
	m, _, err := r.resolve(np)
	return err == nil && m != nil
}

func (r archiveRoot) entries(np string) []string {
	m, at, err := r.resolve(np)
	if err != nil || m == nil || m.typ != tar.TypeDir {
		return nil
	}
	return r.a.childrenOf(r.key(at))
}

func (r archiveRoot) readConfig(np string) ([]byte, bool, error) {
	m, at, err := r.resolve(np)
	switch {
	case err != nil || m == nil || m.typ != tar.TypeReg:
		return nil, false, nil
	case m.size > maxContainerConfig:
		return nil, true, &safefile.TooLargeError{Path: r.key(at), Size: m.size, Limit: maxContainerConfig}
	case !m.kept:
		return nil, true, errNotKept
	}
	return m.data, true, nil
}

func (r archiveRoot) shown(np string) string {
	return join(r.a.shown, r.key(np))
}

// childrenOf lists the names of the members directly below the member
// name dir ("" for the archive's top); the index is built on first use,
// once per archive (linear in its members).
func (a *archive) childrenOf(dir string) []string {
	if a.children == nil {
		a.children = map[string][]string{}
		for name := range a.members {
			parent := path.Dir(name)
			if parent == "." {
				parent = ""
			}
			a.children[parent] = append(a.children[parent], path.Base(name))
		}
	}
	return a.children[dir]
}

// containerMember reports whether the member at node path np is one that
// container detection or a container's landings may read, kept before
// the kolla config files say where each file lands: a kolla config file,
// any file of a kolla-ansible container folder (its config.json decides
// where it lands), and a file of a TripleO service folder that lands
// where stacklint reads (it lands at its path below the folder).
func containerMember(np string) bool {
	if rest, ok := strings.CutPrefix(np, kollaDir+"/"); ok {
		return strings.Contains(rest, "/")
	}
	if rest, ok := strings.CutPrefix(np, tripleoJSON+"/"); ok {
		return !strings.Contains(rest, "/") && strings.HasSuffix(rest, ".json")
	}
	if rest, ok := strings.CutPrefix(np, tripleoDir+"/"); ok {
		_, in, ok := strings.Cut(rest, "/")
		return ok && Classify(in) != ""
	}
	return false
}

// linkRoot is the root a link at node path np of the archived node
// resolves against, and np there: as tree.linkRoot, a TripleO service
// folder's own (resolved inside the node first), else the node's.
func (r archiveRoot) linkRoot(l *landings, np string) (archiveRoot, string) {
	if l == nil || !l.tripleo {
		return r, np
	}
	rest, ok := strings.CutPrefix(np, tripleoDir+"/")
	svc, in, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		return r, np
	}
	m, at, err := r.resolve(tripleoDir + "/" + svc)
	if err != nil || m == nil || m.typ != tar.TypeDir {
		return r, np
	}
	return archiveRoot{a: r.a, prefix: r.key(at)}, in
}
