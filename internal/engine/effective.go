package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// effective implements stacklint.effective as lib.effective's Rego body
// reads (rules/lib/lib.rego): the last [file, occurrence] setting
// section/key among node's files of kinds (in kinds order, each kind's
// layers in order, files in node-path order), counting only the files the
// node's processes that load a file of every held kind read, when there
// are such processes. nil when none sets it (undefined in Rego).
func effective(node, kinds, section, key, layers *ast.Term) *ast.Term {
	n, ok1 := node.Value.(ast.Object)
	ks, ok2 := kinds.Value.(*ast.Array)
	lay, ok3 := layers.Value.(ast.Object)
	if !ok1 || !ok2 || !ok3 {
		return nil
	}
	setters := settersOf(n, section, key)
	var candidates []*ast.Term // files, with their last occurrence below
	var occs []*ast.Term
	ks.Foreach(func(kind *ast.Term) {
		for _, layer := range layersOf(lay, kind) {
			for _, f := range setters {
				if last := lastIf(f, layer, section, key); last != nil {
					candidates, occs = append(candidates, f), append(occs, last)
				}
			}
		}
	})
	if len(candidates) == 0 {
		return nil
	}
	loaded := loadedWith(n, ks)
	for i := len(candidates) - 1; i >= 0; i-- {
		if len(loaded) == 0 || loaded[pathOf(candidates[i])] {
			return ast.ArrayTerm(candidates[i], occs[i])
		}
	}
	return nil
}

// layersOf is layers[kind], else [kind].
func layersOf(layers ast.Object, kind *ast.Term) []*ast.Term {
	if l := layers.Get(kind); l != nil {
		if a, ok := l.Value.(*ast.Array); ok {
			out := make([]*ast.Term, 0, a.Len())
			a.Foreach(func(t *ast.Term) { out = append(out, t) })
			return out
		}
	}
	return []*ast.Term{kind}
}

// lastIf is file f's last occurrence of section/key when f is of kind
// layer and sets it, else nil.
func lastIf(f, layer, section, key *ast.Term) *ast.Term {
	fo, ok := f.Value.(ast.Object)
	if !ok {
		return nil
	}
	if k := fo.Get(ast.StringTerm("kind")); k == nil || !k.Equal(layer) {
		return nil
	}
	a, ok := get(fo, ast.StringTerm("sections"), section, key).(*ast.Array)
	if !ok || a.Len() == 0 {
		return nil
	}
	return a.Elem(a.Len() - 1)
}

// get follows keys through nested objects; nil when one is missing.
func get(o ast.Object, keys ...*ast.Term) ast.Value {
	var v ast.Value = o
	for _, k := range keys {
		obj, ok := v.(ast.Object)
		if !ok {
			return nil
		}
		t := obj.Get(k)
		if t == nil {
			return nil
		}
		v = t.Value
	}
	return v
}

// settersOf are the node's files that set section/key, in node-path order:
// through nodes.<n>.by_option, else (hand-built inputs) by scanning.
func settersOf(n ast.Object, section, key *ast.Term) []*ast.Term {
	files, _ := get(n, ast.StringTerm("files")).(ast.Object)
	if files == nil {
		return nil
	}
	var out []*ast.Term
	if byOption := n.Get(ast.StringTerm("by_option")); byOption != nil {
		paths, _ := get(n, ast.StringTerm("by_option"), section, key).(*ast.Array)
		if paths == nil {
			return nil
		}
		paths.Foreach(func(p *ast.Term) {
			if f := files.Get(p); f != nil {
				out = append(out, f)
			}
		})
		return out
	}
	for _, k := range files.Keys() { // sorted, as Rego iterates an object
		f := files.Get(k)
		if fo, ok := f.Value.(ast.Object); ok {
			if a, ok := get(fo, ast.StringTerm("sections"), section, key).(*ast.Array); ok && a.Len() > 0 {
				out = append(out, f)
			}
		}
	}
	return out
}

// loadedWith is lib._loaded_with: the shown paths read by the node's
// processes that load a file of every kind of kinds the node holds (empty:
// no such process, or the node holds none of kinds).
func loadedWith(n ast.Object, kinds *ast.Array) map[string]bool {
	files, _ := get(n, ast.StringTerm("files")).(ast.Object)
	var held []*ast.Term
	kinds.Foreach(func(k *ast.Term) {
		if holds(n, files, k) {
			held = append(held, k)
		}
	})
	loaded := map[string]bool{}
	procs, _ := get(n, ast.StringTerm("processes")).(ast.Object)
	if len(held) == 0 || procs == nil {
		return loaded
	}
	procs.Foreach(func(_, proc *ast.Term) {
		po, ok := proc.Value.(ast.Object)
		if !ok || !loadsAll(po, files, held) {
			return
		}
		if a, ok := get(po, ast.StringTerm("files")).(*ast.Array); ok {
			a.Foreach(func(p *ast.Term) {
				if s, ok := p.Value.(ast.String); ok {
					loaded[string(s)] = true
				}
			})
		}
	})
	return loaded
}

// holds: the node has a file of kind k (nodes.<n>.by_kind, else a scan).
func holds(n, files ast.Object, k *ast.Term) bool {
	if byKind := n.Get(ast.StringTerm("by_kind")); byKind != nil {
		a, ok := get(n, ast.StringTerm("by_kind"), k).(*ast.Array)
		return ok && a.Len() > 0
	}
	found := false
	if files != nil {
		files.Foreach(func(_, f *ast.Term) {
			if fo, ok := f.Value.(ast.Object); ok {
				if fk := fo.Get(ast.StringTerm("kind")); fk != nil && fk.Equal(k) {
					found = true
				}
			}
		})
	}
	return found
}

// loadsAll: the process loads a file of every kind of held (its "kinds",
// else the kinds of the node's files at its paths).
func loadsAll(proc, files ast.Object, held []*ast.Term) bool {
	kinds := map[string]bool{}
	if a, ok := get(proc, ast.StringTerm("kinds")).(*ast.Array); ok {
		a.Foreach(func(k *ast.Term) { kinds[k.String()] = true })
	} else if paths, ok := get(proc, ast.StringTerm("files")).(*ast.Array); ok && files != nil {
		paths.Foreach(func(p *ast.Term) {
			files.Foreach(func(_, f *ast.Term) {
				if fo, ok := f.Value.(ast.Object); ok {
					if fp := fo.Get(ast.StringTerm("path")); fp != nil && fp.Equal(p) {
						if fk := fo.Get(ast.StringTerm("kind")); fk != nil {
							kinds[fk.String()] = true
						}
					}
				}
			})
		})
	}
	for _, k := range held {
		if !kinds[k.String()] {
			return false
		}
	}
	return true
}

// pathOf is a file's shown path.
func pathOf(f *ast.Term) string {
	if fo, ok := f.Value.(ast.Object); ok {
		if s, ok := get(fo, ast.StringTerm("path")).(ast.String); ok {
			return string(s)
		}
	}
	return ""
}
