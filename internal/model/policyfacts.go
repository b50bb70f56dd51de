package model

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/editdist"
	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/parser/oslo"
	"github.com/stacklint/stacklint/parser/policy"
	"github.com/stacklint/stacklint/parser/policyfile"
)

// policyConfig is the configuration file whose [oslo_policy] section tells
// each service's API where its policy files are.
var policyConfig = map[string]string{
	"nova": "etc/nova/nova.conf", "neutron": "etc/neutron/neutron.conf",
	"keystone": "etc/keystone/keystone.conf", "glance": "etc/glance/glance-api.conf",
	"placement": "etc/placement/placement.conf",
}

// policySetup is how one service on one node finds its policy files, as
// oslo.policy does: policy_file (policy.yaml by default, falling back to
// policy.json when the option is not set and only that exists) and every
// file of each policy_dirs directory (policy.d by default).
type policySetup struct {
	service string
	config  *Loaded // nil: the node has no configuration for the service
	// defaultRule is [oslo_policy] policy_default_rule: the rule a policy
	// missing from the files and the defaults falls back to.
	defaultRule string
	reads       map[string]string
	entries     []any // the policy_file and policy_dirs settings, with what they resolve to
}

// policySetups works out, per service that has policy files or a
// configuration on the node, which policy files the service reads.
func (b *nodeBuilder) policySetups() map[string]*policySetup {
	byPath := map[string]*Loaded{}
	byDest := map[string]*Loaded{} // container files by where they land: the first by host path
	for _, f := range b.files {
		byPath[f.NodePath] = f
		if d := strings.TrimPrefix(f.Dest, "/"); d != "" && byDest[d] == nil {
			byDest[d] = f
		}
	}
	out := map[string]*policySetup{}
	for _, f := range b.files {
		if f.Kind == "policy" {
			svc := PolicyService(f)
			if out[svc] == nil {
				out[svc] = &policySetup{service: svc}
			}
		}
	}
	for svc, conf := range policyConfig {
		c := byPath[conf]
		if c == nil {
			c = b.apiConfig(svc, conf, byDest[conf])
		}
		if c != nil && c.INI != nil {
			if out[svc] == nil {
				out[svc] = &policySetup{service: svc}
			}
			out[svc].config = c
		}
	}
	for svc, s := range out {
		s.defaultRule = "default"
		if s.config != nil {
			s.resolve(b.files, byPath, b.jsonFallback(svc))
		}
	}
	return out
}

// jsonFallback: whether oslo.policy falls back to policy.json (unknown
// release: assume it does, as every release before 2026.1 did).
func (b *nodeBuilder) jsonFallback(service string) bool {
	sch := b.serviceSchema(service)
	return sch == nil || sch.JSONPolicyFallback()
}

// PolicyService is the service a policy file belongs to: the folder under
// etc/ it lies in (etc/keystone/policy.json: keystone), in its container
// for a container's file.
func PolicyService(f *Loaded) string {
	p := f.NodePath
	if f.Dest != "" {
		p = strings.TrimPrefix(f.Dest, "/")
	}
	return strings.SplitN(strings.TrimPrefix(p, "etc/"), "/", 2)[0]
}

// resolve fills reads and entries from the [oslo_policy] settings.
func (s *policySetup) resolve(files []*Loaded, byPath map[string]*Loaded, fallback bool) {
	s.reads = map[string]string{}
	dir := path.Dir(s.config.NodePath)
	sec := s.config.INI.Section("oslo_policy")
	if v, ok := sec.Last("policy_default_rule"); ok {
		s.defaultRule = v.Text
	}
	v, set := sec.Last("policy_file")
	value := v.Text
	if !set {
		value = "policy.yaml"
	}
	target := nodePath(dir, value)
	if fallback && !set && byPath[target] == nil && byPath[nodePath(dir, "policy.json")] != nil {
		target = nodePath(dir, "policy.json") // oslo.policy's pick_default_policy_file
	}
	_, found := byPath[target]
	if found {
		s.reads[target] = "policy_file"
	}
	s.entries = append(s.entries, s.entry("policy_file", value, v, set, target, found))
	k := sec.Key("policy_dirs")
	if k == nil {
		s.entries = append(s.entries, s.dirEntry(files, "policy.d", oslo.Value{}, false, nodePath(dir, "policy.d")))
		return
	}
	for _, val := range k.Values {
		for _, d := range splitList(val.Text) {
			s.entries = append(s.entries, s.dirEntry(files, d, val, true, nodePath(dir, d)))
		}
	}
}

// dirEntry records a policy_dirs directory and marks the files in it read.
func (s *policySetup) dirEntry(files []*Loaded, value string, at oslo.Value, set bool, target string) map[string]any {
	found := false
	for _, f := range files {
		if f.Kind == "policy" && path.Dir(f.NodePath) == target {
			found = true
			if s.reads[f.NodePath] == "" {
				s.reads[f.NodePath] = "policy_dirs"
			}
		}
	}
	return s.entry("policy_dirs", value, at, set, target, found)
}

// entry is one setting; at is where it is set (when set).
func (s *policySetup) entry(option, value string, at oslo.Value, set bool, target string, found bool) map[string]any {
	e := map[string]any{"option": option, "value": value, "set": set, "resolved": target, "found": found,
		"service": s.service, "path": s.config.Path}
	if set {
		e["line"], e["column"] = at.Line, at.Column
	}
	return e
}

// nodePath resolves a path setting as the service does: relative to the
// directory of its configuration file, absolute from the node's root.
func nodePath(dir, p string) string {
	if strings.HasPrefix(p, "/") {
		return path.Clean(strings.TrimPrefix(p, "/"))
	}
	return path.Join(dir, p)
}

// splitList splits a comma-separated list option value.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// policyDocs builds the documents of the node's policy files, the node's
// policy settings, the policies in force per service and their cycles.
func (b *nodeBuilder) policyDocs() (docs []any, settings []any, inForce map[string]any, cyc []any) {
	setups := b.policySetups()
	defined := map[string]map[string]bool{} // service -> names the files it reads define
	for _, f := range b.files {
		if f.Kind != "policy" || f.Policy == nil {
			continue
		}
		s := setups[PolicyService(f)]
		if s.config != nil && s.reads[f.NodePath] == "" {
			continue
		}
		if defined[s.service] == nil {
			defined[s.service] = map[string]bool{}
		}
		for _, r := range f.Policy.Rules {
			defined[s.service][r.Name] = true
		}
	}
	for _, f := range b.files {
		if f.Kind == "policy" {
			s := setups[PolicyService(f)]
			docs = append(docs, b.policyDoc(f, s, defined[s.service]))
		}
	}
	svcs := make([]string, 0, len(setups))
	for svc := range setups {
		svcs = append(svcs, svc)
	}
	sort.Strings(svcs)
	for _, svc := range svcs {
		settings = append(settings, setups[svc].entries...)
	}
	inForce = policiesInForce(docs)
	return docs, settings, inForce, policyCycles(docs, inForce)
}

// policiesInForce maps service → policy name → the definition the service
// enforces on the node: from the files it reads, policy_dirs files over
// policy_file, in path order (later wins).
func policiesInForce(docs []any) map[string]any {
	var read []map[string]any
	for _, d := range docs {
		pd := d.(map[string]any)
		if pd["read_as"] != "" && pd["error"] == nil {
			read = append(read, pd)
		}
	}
	rank := func(pd map[string]any) int {
		if pd["read_as"] == "policy_dirs" {
			return 1
		}
		return 0
	}
	sort.SliceStable(read, func(i, j int) bool {
		if ri, rj := rank(read[i]), rank(read[j]); ri != rj {
			return ri < rj
		}
		return read[i]["path"].(string) < read[j]["path"].(string)
	})
	out := map[string]any{}
	for _, pd := range read {
		svc := pd["service"].(string)
		m, _ := out[svc].(map[string]any)
		if m == nil {
			m = map[string]any{}
			out[svc] = m
		}
		for name, r := range pd["rules"].(map[string]any) {
			rd := r.(map[string]any)
			str, ok := rd["str"]
			if !ok {
				str = "(cannot be loaded)"
			}
			m[name] = map[string]any{"str": str, "path": pd["path"], "line": rd["line"], "column": rd["column"]}
		}
	}
	return out
}

func (b *nodeBuilder) policyDoc(f *Loaded, s *policySetup, defined map[string]bool) map[string]any {
	d := map[string]any{"path": f.Path, "node": b.name, "service": s.service, "read_as": nil}
	if s.config != nil {
		d["read_as"] = s.reads[f.NodePath]
	}
	if f.Err != nil {
		d["error"] = errDoc(f.Err)
	}
	rules := map[string]any{}
	if f.Policy != nil {
		d["loader"] = f.Policy.Loader
		for _, r := range f.Policy.Rules {
			prev, _ := rules[r.Name].(map[string]any)
			rd := b.ruleDoc(s, r, defined)
			if prev != nil {
				lines, _ := prev["lines"].([]any)
				rd["lines"] = append(lines, r.Line)
			} else {
				rd["lines"] = []any{r.Line}
			}
			rules[r.Name] = rd
		}
	}
	d["rules"] = rules
	return d
}

// ruleDoc is one policy rule: its value, oslo.policy's parse of it (status,
// normalised string, tree), its checks and rule references with their
// positions, and how the service registers the name.
func (b *nodeBuilder) ruleDoc(s *policySetup, r *policyfile.Rule, defined map[string]bool) map[string]any {
	service := s.service
	res := policy.Parse(r.Value)
	rd := map[string]any{"kind": r.Kind, "expr": r.Expr, "line": r.Line, "column": r.Column,
		"status": string(res.Status), "messages": toAny(res.Messages)}
	if res.Tree == nil {
		rd["checks"], rd["refs"] = []any{}, []any{}
		return rd
	}
	rd["str"] = res.Tree.String()
	rd["allows_all"] = always(res.Tree) == yes
	rd["ast"] = astDoc(r, res.Tree)
	var checks, refs []any
	walkChecks(res.Tree, false, func(n *policy.Node, negated bool) {
		line, col := r.At(n.Offset)
		c := map[string]any{"class": n.Class, "kind": n.Kind, "match": n.Match, "negated": negated, "line": line, "column": col}
		if near := nearKind(n); near != "" {
			c["near"] = near
		}
		checks = append(checks, c)
		if n.Class == "RuleCheck" {
			refs = append(refs, map[string]any{"name": n.Match, "negated": negated, "line": line, "column": col,
				"defined": b.definedBy(service, n.Match, defined)})
		}
	})
	rd["checks"], rd["refs"] = orEmpty(checks), orEmpty(refs)
	if b.openByDefault(service, r.Name) {
		rd["default_allows_all"] = true
	}
	if rels := stockReleases(service, r.Name, rd["str"].(string)); len(rels) > 0 {
		rd["stock"] = rels
	}
	if r.Name == s.defaultRule {
		rd["registered"] = map[string]any{"status": "policy_default_rule"}
	} else if reg := b.registration(service, r.Name, res.Tree); reg != nil {
		rd["registered"] = reg
	}
	return rd
}

// stockReleases lists the releases whose stock policy.json (before
// policy-in-code) gave the policy this value (compared as oslo.policy
// parses both).
func stockReleases(service, name, str string) []any {
	var out []any
	for _, sp := range schema.StockPolicies(service, name) {
		if res := policy.Parse(sp.Check); res.Tree != nil && res.Tree.String() == str {
			out = append(out, toAny(sp.Releases)...)
		}
	}
	return out
}

// walkChecks calls fn for every base check of the tree, saying whether an
// odd number of "not" is above it.
func walkChecks(n *policy.Node, negated bool, fn func(*policy.Node, bool)) {
	switch n.Op {
	case "check":
		fn(n, negated)
	case "not":
		walkChecks(n.Children[0], !negated, fn)
	default:
		for _, c := range n.Children {
			walkChecks(c, negated, fn)
		}
	}
}

// astDoc renders the tree for Rego: op, the check's class/kind/match, its
// position in the file, and children.
func astDoc(r *policyfile.Rule, n *policy.Node) map[string]any {
	d := map[string]any{"op": n.Op}
	if n.Op == "check" {
		d["class"], d["kind"], d["match"] = n.Class, n.Kind, n.Match
	}
	if n.Op == "string" {
		d["match"] = n.Match
	}
	d["line"], d["column"] = r.At(n.Offset)
	if len(n.Children) > 0 {
		kids := make([]any, len(n.Children))
		for i, c := range n.Children {
			kids[i] = astDoc(r, c)
		}
		d["children"] = kids
	}
	return d
}

// definedBy says where a referenced rule is defined: in the policy files
// the service reads ("file"), by the service's code ("registered"), or ""
// (nowhere: the reference is False, or True under "not"). Without a known
// release every known release's defaults count.
func (b *nodeBuilder) definedBy(service, name string, defined map[string]bool) string {
	if defined[name] {
		return "file"
	}
	if sch := b.serviceSchema(service); sch != nil {
		if sch.Policy(service, name) != nil {
			return "registered"
		}
		return ""
	}
	if ix := b.index(); ix != nil && ix.Policy(service, name)[0] != 0 {
		return "registered"
	}
	return ""
}

// openByDefault: the service registers the policy as allow-all ("" or
// "@") in the release, or in any known release when none is detected.
func (b *nodeBuilder) openByDefault(service, name string) bool {
	if s := b.serviceSchema(service); s != nil {
		d := s.Policy(service, name)
		return d != nil && (d.Check == "" || d.Check == "@")
	}
	ix := b.index()
	return ix != nil && ix.Policy(service, name)[3] != 0
}

// registration says how the release registers a policy name: registered
// (with its default and whether the override repeats it), deprecated (an
// old name still honoured, with the new names) or unknown (with a
// suggestion). Nil when no release is known or the service has no defaults.
func (b *nodeBuilder) registration(service, name string, tree *policy.Node) map[string]any {
	sch := b.serviceSchema(service)
	if sch == nil || sch.Policies[service] == nil {
		return nil
	}
	if d := sch.Policy(service, name); d != nil {
		def := policy.Parse(d.Check).Tree.String()
		return map[string]any{"status": "registered", "default": d.Check,
			"same_as_default": def == tree.String(), "release": sch.Release,
			"has_deprecated": d.OldCheck != "" || d.OldName != ""}
	}
	if renamed := sch.RenamedTo(service, name); len(renamed) > 0 {
		return map[string]any{"status": "deprecated", "renamed_to": toAny(renamed), "release": sch.Release}
	}
	reg := map[string]any{"status": "unknown", "release": sch.Release}
	if s := sch.SuggestPolicy(service, name); s != "" {
		reg["suggestion"] = s
	}
	return reg
}

// nearKind names the check kind a generic check was probably meant to be
// ("rloe:admin", "ROLE:admin", "Rule:x"): oslo.policy matches kinds
// exactly, so these compare a credential that does not exist and never match.
func nearKind(n *policy.Node) string {
	if n.Class != "GenericCheck" {
		return ""
	}
	k := strings.ToLower(n.Kind)
	kinds := []string{"role", "rule", "http", "https"}
	if slices.Contains(kinds, k) {
		return k
	}
	if len(k) < 3 || knownCredential[k] {
		return ""
	}
	for _, want := range kinds {
		if editdist.Distance(k, want, 2) <= 1 || sameLetters(k, want) {
			return want
		}
	}
	return ""
}

// sameLetters: a transposition ("rloe" for "role").
func sameLetters(a, b string) bool {
	x, y := []byte(a), []byte(b)
	slices.Sort(x)
	slices.Sort(y)
	return string(x) == string(y)
}

// knownCredential lists credential and target keys a generic check may
// compare that are one edit away from a check kind.
var knownCredential = map[string]bool{"roles": true, "user": true}

// truth is a three-valued result: whether a tree allows everyone.
type truth int

const (
	unknown truth = iota
	yes
	no
)

// always says whether a tree is True (or False) whatever the credentials:
// "@", "!", and the and/or/not of those.
func always(n *policy.Node) truth {
	switch n.Op {
	case "true":
		return yes
	case "false":
		return no
	case "not":
		switch always(n.Children[0]) {
		case yes:
			return no
		case no:
			return yes
		}
	case "and", "or":
		return combine(n)
	}
	return unknown
}

// combine evaluates and/or: "and" is False when one child is, True when
// all are; "or" is True when one child is, False when all are.
func combine(n *policy.Node) truth {
	decides, rest := no, yes // and
	if n.Op == "or" {
		decides, rest = yes, no
	}
	out := rest
	for _, c := range n.Children {
		switch always(c) {
		case decides:
			return decides
		case unknown:
			out = unknown
		}
	}
	return out
}
