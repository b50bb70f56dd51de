package diff

import (
	"fmt"
	"strings"
)

// Facts is what diff compares of one side beside the options in effect,
// read from the model document (docs/model.md). Every map is keyed by
// place (node, then a name below it); a Fact's File is the path in the
// snapshot and secrets are fingerprints only.
type Facts struct {
	// Policies: node → service → policy name → the rule in force
	// (nodes.<n>.policies_in_force: Value its oslo.policy str(), Note "the
	// default" when the file repeats the registered default). A rule the
	// files leave to the default is absent; Defaults holds those defaults.
	Policies map[string]map[string]map[string]Fact
	// Defaults: node → service → policy name → the registered default
	// (policies[].rules.<name>.registered.default), for the rules written
	// on that side; Same: "path\x00name" of the rules that repeat it
	// (registered.same_as_default).
	Defaults map[string]map[string]map[string]string
	Same     map[string]bool
	// RC: rc file (node:path below the node, or the path of a file loose
	// in the snapshot's top) → variable → its value (rc[].vars).
	RC map[string]map[string]Fact
	// Loads: node → process → the paths below the node it loads
	// (nodes.<n>.processes.<p>.files), in load order.
	Loads map[string]map[string][]string
	// Secrets: node:path below the node → key → fingerprint: a keystone
	// fernet or credential key file's "fp" (key ""), a Ceph file's keys
	// ("[section] name").
	Secrets map[string]map[string]Fact

	places map[string]string // Input.Places
}

// Fact is one value of Facts: Value as shown (a secret's fingerprint),
// where it is written, and whether it is a secret.
type Fact struct {
	Value  string
	File   string
	Line   int
	Secret bool
	Note   string
}

// NewFacts is an empty Facts.
func NewFacts() *Facts {
	return &Facts{Policies: map[string]map[string]map[string]Fact{}, Defaults: map[string]map[string]map[string]string{}, Same: map[string]bool{},
		RC: map[string]map[string]Fact{}, Loads: map[string]map[string][]string{}, Secrets: map[string]map[string]Fact{}}
}

// AddTop reads the top of the document: the rc files and the registered
// defaults of the policy rules written (d.Doc, before lint takes it).
func (f *Facts) AddTop(doc map[string]any) {
	for _, r := range list(doc["rc"]) {
		rc, _ := r.(map[string]any)
		node, _ := rc["node"].(string)
		path, _ := rc["path"].(string)
		vars := map[string]Fact{}
		for name, v := range asMap(rc["vars"]) {
			vd := asMap(v)
			fa := Fact{Value: str(vd["value"]), File: path, Line: num(vd["line"]), Secret: vd["secret"] == true} // a secret's value is its label
			vars[name] = fa
		}
		place := path
		if p, ok := f.places[path]; ok && node != "" {
			place = p
		}
		f.RC[place] = vars
	}
	for _, p := range list(doc["policies"]) {
		pd := asMap(p)
		node, svc := str(pd["node"]), str(pd["service"])
		for name, r := range asMap(pd["rules"]) {
			reg := asMap(asMap(r)["registered"])
			if def, ok := reg["default"].(string); ok {
				put3(f.Defaults, node, svc, name, def)
			}
			if reg["same_as_default"] == true {
				f.Same[str(pd["path"])+"\x00"+name] = true
			}
		}
	}
}

// AddNode reads one node's document: its policies in force, the files
// its processes load and the secrets of its key and Ceph files.
func (f *Facts) AddNode(name string, doc map[string]any) {
	for svc, rules := range asMap(doc["policies_in_force"]) {
		for pol, r := range asMap(rules) {
			rd := asMap(r)
			put3(f.Policies, name, svc, pol, Fact{Value: str(rd["str"]), File: str(rd["path"]), Line: num(rd["line"])})
		}
	}
	loads := map[string][]string{}
	for proc, p := range asMap(doc["processes"]) {
		var files []string
		for _, x := range list(asMap(p)["files"]) {
			files = append(files, f.below(name, str(x)))
		}
		loads[proc] = files
	}
	f.Loads[name] = loads
	for below, fd := range asMap(doc["files"]) {
		f.addSecrets(name, below, asMap(fd))
	}
}

// addSecrets adds the fingerprints of one file of a node.
func (f *Facts) addSecrets(node, below string, fd map[string]any) {
	keys := map[string]Fact{}
	path := str(fd["path"])
	if fp, ok := fd["fp"].(string); ok {
		keys[""] = Fact{Value: fpLabel(fp), File: path, Secret: true}
	}
	for sec, opts := range asMap(fd["ceph"]) {
		for opt, v := range asMap(opts) {
			if fp, ok := asMap(v)["fp"].(string); ok {
				keys[fmt.Sprintf("[%s] %s", sec, opt)] = Fact{Value: fpLabel(fp), File: path, Line: num(asMap(v)["line"]), Secret: true}
			}
		}
	}
	if len(keys) > 0 {
		f.Secrets[node+":"+below] = keys
	}
}

// Gather is a Facts naming files by places (Input.Places) and the
// function that reads each node's document into it (lint.SettingsAnd);
// call AddTop with the document too.
func Gather(places map[string]string) (*Facts, func(string, map[string]any)) {
	f := NewFacts()
	f.places = places
	return f, f.AddNode
}

// below is a snapshot path of node's as a path below the node (as it is
// when places does not know it).
func (f *Facts) below(node, path string) string {
	if p, ok := f.places[path]; ok {
		if n, rest, _ := strings.Cut(p, ":"); n == node {
			return rest
		}
	}
	return path
}

// fpLabel is a fingerprint as shown ("fp:3fa1c2"); "(empty)" for the
// empty fingerprint of an empty or masked secret.
func fpLabel(fp string) string {
	if fp == "" {
		return "(empty)"
	}
	return "fp:" + fp
}

func put3[V any](m map[string]map[string]map[string]V, a, b, c string, v V) {
	if m[a] == nil {
		m[a] = map[string]map[string]V{}
	}
	if m[a][b] == nil {
		m[a][b] = map[string]V{}
	}
	m[a][b][c] = v
}

func asMap(x any) map[string]any {
	m, _ := x.(map[string]any)
	return m
}

func list(x any) []any {
	switch l := x.(type) {
	case []any:
		return l
	case []string:
		out := make([]any, len(l))
		for i, s := range l {
			out[i] = s
		}
		return out
	}
	return nil
}

func str(x any) string {
	s, _ := x.(string)
	return s
}

func num(x any) int {
	switch n := x.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case float64:
		return int(n)
	}
	return 0
}
