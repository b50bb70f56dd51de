// Package inspect prints what the parsers saw, with INI sections, keys and
// values in file order (the order oslo.config keeps them in).
package inspect

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/oslo"
)

// Write prints {"files": [...]} for the loaded files. Unless showSecrets,
// secret values and URL passwords become fingerprints.
func Write(w io.Writer, files []*model.Loaded, showSecrets bool) error {
	return WriteNodes(w, nil, files, showSecrets)
}

// WriteNodes is Write with the snapshot's nodes first: {"nodes": [{name,
// dir (the node's folder below the snapshot), layout, containers: [{name, config, source}]}], "files": [...]}, each
// node's layout as discovery recognised it (snapshot.Layout*) and, in the
// container layouts, its containers (not their commands). nil nodes: no
// "nodes" (a lone file).
func WriteNodes(w io.Writer, nodes []*snapshot.Node, files []*model.Loaded, showSecrets bool) error {
	keys := secret.NewKeyring(model.Digest(files))
	p := &printer{w: w, keys: keys, show: showSecrets}
	p.raw("{")
	if nodes != nil {
		p.nodes(nodes)
		p.raw(",\n ")
	}
	p.raw("\"files\": [")
	for i, f := range files {
		if i > 0 {
			p.raw(",")
		}
		p.raw("\n  {\"path\": ")
		p.str(f.Path)
		p.raw(", \"node\": ")
		p.str(f.Node)
		p.raw(", \"kind\": ")
		p.str(f.Kind)
		if f.Dest != "" {
			p.raw(", \"dest\": ")
			p.str(f.Dest)
		}
		p.file(f)
		p.raw("}")
	}
	p.raw("\n]}\n")
	return p.err
}

// nodes prints "nodes": every node's name, layout and containers.
func (p *printer) nodes(nodes []*snapshot.Node) {
	type container struct {
		Name   string `json:"name"`
		Config string `json:"config,omitempty"`
		Source string `json:"source"`
	}
	type node struct {
		Name       string      `json:"name"`
		Dir        string      `json:"dir"`
		Layout     string      `json:"layout"`
		Containers []container `json:"containers,omitempty"`
	}
	p.raw("\"nodes\": [")
	p.items(len(nodes), "  ", func(i int) any {
		n := nodes[i]
		d := node{Name: n.Name, Dir: n.Dir, Layout: n.Layout}
		for _, c := range n.Containers {
			d.Containers = append(d.Containers, container{Name: c.Name, Config: c.Config, Source: c.Source})
		}
		return d
	})
	p.raw("\n]")
}

type printer struct {
	w    io.Writer
	keys *secret.Keyring
	show bool
	err  error
}

func (p *printer) raw(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s)
	}
}

// items prints n JSON values, item(i) each, one a line after indent,
// separated by commas (the caller writes the brackets).
func (p *printer) items(n int, indent string, item func(i int) any) {
	for i := range n {
		b, err := json.Marshal(item(i))
		if err != nil {
			p.err = err
			return
		}
		if i > 0 {
			p.raw(",")
		}
		p.raw("\n" + indent + string(b))
	}
}

func (p *printer) str(s string) {
	b, _ := json.Marshal(s)
	p.raw(string(b))
}

func (p *printer) file(f *model.Loaded) {
	switch {
	case f.Err != nil:
		msg := f.Err.Msg
		if p.show && f.Err.Exact != "" {
			msg = f.Err.Exact
		}
		p.raw(", \"error\": {\"line\": " + strconv.Itoa(f.Err.Line) + ", \"message\": ")
		p.str(msg)
		p.raw("}")
	case f.INI != nil:
		p.raw(", \"sections\": ")
		p.sections(f.Kind, f.INI)
	case f.Directives != nil:
		p.directives(f)
	case f.Ceph != nil:
		p.ceph(f)
	case f.RC != nil:
		p.raw(", \"vars\": {")
		for i, v := range f.RC.Vars {
			if i > 0 {
				p.raw(", ")
			}
			p.str(v.Name)
			p.raw(": ")
			val := v.Value
			if !p.show {
				val = model.RenderRC(p.keys, v)
			}
			p.occurrence(val, v.Line, v.Column)
		}
		p.raw("}")
	case f.Links != nil:
		p.links(f.Links)
	case f.Kind == snapshot.KindCpuinfo:
		p.cpu(f.CPU)
	}
}

// directives prints a host file's directives, secret arguments as
// fingerprints unless --show-secrets.
func (p *printer) directives(f *model.Loaded) {
	type shown struct {
		Line  int      `json:"line"`
		Name  string   `json:"name"`
		Args  []string `json:"args"`
		Block string   `json:"block"`
	}
	p.raw(", \"directives\": [")
	for i, d := range f.Directives {
		args, name, block := d.Args, d.Name, d.Block
		if !p.show {
			args, name, block = model.DirectiveArgs(d, p.keys), model.DirectiveName(d.Name, p.keys), model.DirectiveBlock(d.Block, p.keys)
		}
		b, _ := json.Marshal(shown{d.Line, name, args, block})
		if i > 0 {
			p.raw(",")
		}
		p.raw("\n    " + string(b))
	}
	p.raw("]")
}

func (p *printer) sections(kind string, f *oslo.File) {
	p.raw("{")
	for i, s := range f.Sections {
		if i > 0 {
			p.raw(",")
		}
		p.raw("\n    ")
		p.str(s.Name)
		p.raw(": {")
		for j, k := range s.Keys {
			if j > 0 {
				p.raw(", ")
			}
			p.str(k.Name)
			p.raw(": [")
			for n, v := range k.Values {
				if n > 0 {
					p.raw(", ")
				}
				text := v.Text
				if !p.show {
					text = model.RenderWritten(p.keys, kind, f, s.Name, k.Name, v.Text)
				}
				p.occurrence(text, v.Line, v.Column)
			}
			p.raw("]")
		}
		p.raw("}")
	}
	p.raw("}")
}

func (p *printer) occurrence(v string, line, col int) {
	p.raw("{\"value\": ")
	p.str(v)
	p.raw(", \"line\": " + strconv.Itoa(line) + ", \"column\": " + strconv.Itoa(col) + "}")
}

// ceph prints a Ceph file's settings in file order, names normalised; a
// key is a fingerprint even with --show-secrets (as keystone's key files).
func (p *printer) ceph(f *model.Loaded) {
	type shown struct {
		Line    int    `json:"line"`
		Section string `json:"section"`
		Name    string `json:"name"`
		Value   string `json:"value"`
	}
	p.raw(", \"settings\": [")
	p.items(len(f.Ceph.Settings), "    ", func(i int) any {
		s := f.Ceph.Settings[i]
		return shown{s.Line, s.Section, model.CephName(s.Name, p.keys), model.CephShown(s, p.keys)}
	})
	p.raw("]")
}
