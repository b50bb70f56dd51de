package model

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/directive"
)

// httpdRoots are the main configuration files of Apache httpd as the
// distributions ship it, with the ServerRoot relative paths are read
// against (RDO: /etc/httpd/conf/httpd.conf; Debian and Ubuntu:
// /etc/apache2/apache2.conf).
var httpdRoots = [][2]string{
	{"etc/httpd/conf/httpd.conf", "etc/httpd"},
	{"etc/apache2/apache2.conf", "etc/apache2"},
}

// maxIncludeDepth bounds nested Include directives (Apache stops at 128;
// a snapshot needs far fewer, and a cycle stops at once).
const maxIncludeDepth = 16

// resolveHTTPD reads each node's httpd files as Apache loads them. With
// the main configuration file in the snapshot, a file counts only when an
// Include or IncludeOptional reaches it (globs and folders against the
// ServerRoot, in the order written); a file included inside sections
// (<VirtualHost *:5000> Include ...) has its directives placed in them. A
// file nothing includes is not loaded: its directives are dropped (kept
// for inspect, read by no rule). Without the main file, Debian's
// sites-available files are not loaded when the node has sites-enabled
// files (a2ensite links them there); the rest count as written.
func resolveHTTPD(files []*Loaded) {
	byNode := map[string][]*Loaded{}
	for _, f := range files {
		if f != nil && f.Kind == snapshot.KindHTTPD {
			byNode[f.Node] = append(byNode[f.Node], f)
		}
	}
	for _, fs := range byNode {
		resolveNodeHTTPD(fs)
	}
}

func resolveNodeHTTPD(fs []*Loaded) {
	for _, r := range httpdRoots {
		i := slices.IndexFunc(fs, func(f *Loaded) bool { return f.NodePath == r[0] })
		if i < 0 {
			continue
		}
		w := &includeWalk{files: fs, root: serverRoot(fs[i], r[1]), loaded: map[*Loaded]bool{}, nested: map[*Loaded][]directive.Directive{}}
		w.visit(fs[i], nil, false, 0)
		for _, f := range fs {
			switch {
			case !w.loaded[f]:
				f.Directives, f.Hidden = nil, directive.Hidden{}
			case w.nested[f] != nil:
				f.Directives = w.nested[f]
			}
		}
		return
	}
	enabled := slices.ContainsFunc(fs, func(f *Loaded) bool { return strings.HasPrefix(f.NodePath, "etc/apache2/sites-enabled/") })
	for _, f := range fs {
		if enabled && strings.HasPrefix(f.NodePath, "etc/apache2/sites-available/") {
			f.Directives, f.Hidden = nil, directive.Hidden{}
		}
	}
}

// serverRoot is the ServerRoot the main file sets (node-relative), else
// the packaged one.
func serverRoot(main *Loaded, packaged string) string {
	for _, d := range main.Directives {
		if d.Name == "ServerRoot" && len(d.Args) == 1 && d.Block == "" && strings.HasPrefix(d.Args[0], "/") {
			return strings.TrimPrefix(path.Clean(d.Args[0]), "/")
		}
	}
	return packaged
}

// includeWalk follows Include directives from the main file.
type includeWalk struct {
	files  []*Loaded
	root   string
	loaded map[*Loaded]bool
	nested map[*Loaded][]directive.Directive // files included inside sections
}

// visit loads f inside blocks (off: the Include was in a section httpd
// skips) and follows its own Includes. A file is loaded once, at its
// first Include.
func (w *includeWalk) visit(f *Loaded, blocks []string, off bool, depth int) {
	if w.loaded[f] || depth > maxIncludeDepth {
		return
	}
	w.loaded[f] = true
	ds := f.Directives
	if len(blocks) > 0 || off {
		var hidden directive.Hidden
		ds, hidden = directive.Nest(ds, blocks, off)
		w.nested[f] = ds
		f.Hidden.Add(hidden)
	}
	for _, d := range ds {
		if (d.Name != "Include" && d.Name != "IncludeOptional") || len(d.Args) != 1 || d.Off {
			continue
		}
		for _, g := range w.matching(d.Args[0]) {
			w.visit(g, slices.Clone(d.Blocks), d.Off, depth+1)
		}
	}
}

// matching lists the node's httpd files an Include argument names, in
// path order: a glob or a file against the ServerRoot (or absolute), or a
// folder and every file below it.
func (w *includeWalk) matching(arg string) []*Loaded {
	p := arg
	if strings.HasPrefix(p, "/") {
		p = strings.TrimPrefix(path.Clean(p), "/")
	} else {
		p = path.Join(w.root, p)
	}
	var out []*Loaded
	for _, f := range w.files {
		if ok, _ := path.Match(p, f.NodePath); ok || strings.HasPrefix(f.NodePath, p+"/") {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b *Loaded) int { return strings.Compare(a.NodePath, b.NodePath) })
	return out
}

// hiddenProblems are the parts of httpd files left out as nested too deep
// (directive.MaxSectionDepth), as snapshot problems of kind "too-deep"
// (SL-SNAP-004: the snapshot holds them, stacklint did not check them),
// each naming its file and first line; a file nothing loads has none.
func hiddenProblems(files []*Loaded) []any {
	var out []any
	for _, f := range files {
		if f == nil || f.Hidden.Directives == 0 {
			continue
		}
		what := "1 directive"
		if n := f.Hidden.Directives; n > 1 {
			what = fmt.Sprintf("%d directives", n)
		}
		out = append(out, map[string]any{"path": f.Path, "kind": snapshot.ProblemTooDeep,
			"message": fmt.Sprintf("line %d: %s in httpd sections nested more than %d levels deep not checked (httpd applies them)",
				f.Hidden.Line, what, directive.MaxSectionDepth)})
	}
	return out
}
