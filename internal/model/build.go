package model

import (
	"context"
	"encoding/hex"
	"net/netip"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/stacklint/stacklint/internal/parallel"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/hosts"
	"github.com/stacklint/stacklint/parser/oslo"
)

// Deployment is a loaded snapshot and its model document.
type Deployment struct {
	Snapshot *snapshot.Snapshot
	Files    []*Loaded // every read file, sorted by path
	Keys     *secret.Keyring
	// Doc is the Rego input (lint.Run drops it once converted for OPA),
	// built lazily: Doc["nodes"] maps each node name to a func() map[string]any
	// building the node's document, and Doc["index"] is index (func(nodes
	// map[string]any) map[string]any, nodes: name -> document), so that
	// engine.EvalDoc builds both part by part. Plain is the document whole.
	Doc map[string]any

	releases    *Releases
	builders    []*nodeBuilder // every node's, in snapshot order
	knownOwners map[string]any // the document's "known_owners"
}

// Build loads every file of the snapshot and builds the model document,
// inferring every node's roles.
func Build(s *snapshot.Snapshot) *Deployment {
	return BuildWith(s, Options{})
}

// Options adjust how the model is built.
type Options struct {
	// Roles sets the roles of some nodes (by node name; see
	// config.Node.Roles) instead of inferring them.
	Roles map[string][]string
	// Releases picks the release each service on each node is checked
	// against, given the parsed files (so releases can be detected from
	// them); nil or a nil result: options are not checked.
	Releases func(files []*Loaded) *Releases
	// Addresses adds addresses of some nodes (by node name; see
	// config.Node.Addresses) to those read from their interface files.
	Addresses map[string][]string
	// Key, when set, is the digest the fingerprint keyring is keyed by
	// instead of the snapshot's own (Digest of its files): diff keys both
	// sides with one digest of the two (SnapshotDigest), so a secret that
	// did not change keeps its fingerprint.
	Key []byte
}

// BuildWithRoles is Build with the roles of some nodes set explicitly.
func BuildWithRoles(s *snapshot.Snapshot, roles map[string][]string) *Deployment {
	return BuildWith(s, Options{Roles: roles})
}

// BuildWith loads every file of the snapshot and builds the model document.
func BuildWith(s *snapshot.Snapshot, o Options) *Deployment {
	d, _ := BuildContext(context.Background(), s, o)
	return d
}

// BuildContext is BuildWith that stops parsing files once ctx is done and
// then returns ctx's error (and no deployment).
func BuildContext(ctx context.Context, s *snapshot.Snapshot, o Options) (*Deployment, error) {
	var all []*snapshot.File
	for _, n := range s.Nodes {
		all = append(all, n.Files...)
	}
	all = append(all, s.Loose...)
	files, err := LoadContext(ctx, all)
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	resolveHTTPD(files)
	key := o.Key
	if key == nil {
		key = Digest(files)
	}
	d := &Deployment{Snapshot: s, Files: files, Keys: secret.NewKeyring(key)}
	d.Keys.Public(vocabulary(s, files)...)
	if o.Releases != nil {
		d.releases = o.Releases(files)
	}
	d.Doc = d.document(o.Roles, o.Addresses)
	return d, nil
}

func (d *Deployment) document(roles, addrs map[string][]string) map[string]any {
	byNode := map[string][]*Loaded{}
	for _, f := range d.Files {
		byNode[f.Node] = append(byNode[f.Node], f)
	}
	nodes := map[string]any{}
	tables := map[string]any{} // identical /etc/hosts files are stored once
	var rcs, policies []any
	builders := make([]*nodeBuilder, len(d.Snapshot.Nodes))
	memo := newDocMemo()
	hostTables := tablesByDigest{}
	for i, n := range d.Snapshot.Nodes {
		builders[i] = newNodeBuilder(d.Keys, n.Name, byNode[n.Name], addrs[n.Name], hostTables)
		builders[i].sosHostname(n.Layout)
		builders[i].roles = roles[n.Name]
		builders[i].releases = d.releases
		builders[i].memo = memo
		builders[i].enabled = n.Enabled
		builders[i].procs = nodeProcesses(byNode[n.Name], n.Enabled, n.Masked, roles[n.Name])
		builders[i].node, builders[i].runs = n, containerRuns(n, byNode[n.Name])
		if builders[i].runs != nil && roles[n.Name] == nil {
			builders[i].procs = containerProcesses(builders[i].runs)
		}
	}
	yieldGuessedServers(builders)
	known := knownAddresses(builders)
	owners, knownOwners := map[string]any{}, map[string]any{}
	for _, nb := range builders {
		nb.known = known[nb.name]
		claimOwner(knownOwners, nb.name, known[nb.name])
		claimOwner(owners, nb.name, known[nb.name])
	}
	facts := firstPass(d.Keys, builders, knownOwners)
	for i, nb := range builders {
		claimOwner(owners, nb.name, nb.addresses(knownOwners))
		if nb.hostsID != "" {
			if _, ok := tables[nb.hostsID]; !ok {
				tables[nb.hostsID] = nb.hostsMap()
			}
		}
		nodes[nb.name] = nb.lazyDoc(d.Keys, knownOwners)
		rcs = append(rcs, facts[i].rcs...)
		policies = append(policies, facts[i].policies...)
	}
	d.builders, d.knownOwners = builders, knownOwners
	loose := newNodeBuilder(d.Keys, "", byNode[""], nil, hostTables)
	loose.releases, loose.memo = d.releases, memo
	for _, f := range byNode[""] {
		rcs = append(rcs, loose.rcDoc(f))
	}
	problems := append(d.Snapshot.ProblemDocs(), hiddenProblems(d.Files)...)
	leftovers := []any{}
	for _, l := range d.Snapshot.Leftovers {
		leftovers = append(leftovers, map[string]any{"path": l.Path, "node": l.Node, "of": l.Of})
	}
	conflicts, drift := fleetFacts(builders, facts)
	return map[string]any{
		"leftovers": leftovers, "hosts_conflicts": conflicts, "role_drift": drift,
		"nodes": nodes, "hosts": tables, "owners": owners, "known_owners": knownOwners, "index": index, "rc": orEmpty(rcs), "policies": orEmpty(policies), "problems": problems,
		"file_kinds": heldKinds(d.Files), "model_version": Version,
	}
}

// heldKinds is the file kinds some node of the snapshot holds, sorted: a
// fleet-wide fact, so that a rule's per-node records for a check no node
// has input for are not built (a node pass sees only its part's files).
func heldKinds(files []*Loaded) []any {
	var kinds []string
	for _, f := range files {
		if f.Node != "" {
			kinds = append(kinds, f.Kind)
		}
	}
	slices.Sort(kinds)
	return toAny(slices.Compact(kinds))
}

// fleetFacts computes the hosts conflicts and the role drift over the whole
// fleet, each on its own goroutine, from the builders and the nodes'
// projections (firstPass): no node's document is needed.
func fleetFacts(builders []*nodeBuilder, facts []nodeFacts) (conflicts, drift []any) {
	var wg sync.WaitGroup
	wg.Go(func() { conflicts = hostsConflicts(builders) })
	order := make([]int, len(builders))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return builders[order[a]].name < builders[order[b]].name })
	var files []driftFile
	for _, i := range order {
		files = append(files, facts[i].drift...)
	}
	drift = driftOfFiles(files)
	wg.Wait()
	return conflicts, drift
}

// nodeFacts is what the document holds of a node beside the node's own
// document: its rc and policy files' entries (the top-level "rc" and
// "policies" lists) and its files as roleDrift compares them.
type nodeFacts struct {
	rcs, policies []any
	drift         []driftFile
}

// firstPass builds every node's document once, on GOMAXPROCS goroutines,
// each with a Fork of the keyring joined back in node order (the keyring
// ends as a node-by-node build leaves it: Keyring.Join, so that every
// secret is known to Redact), keeps only the node's nodeFacts and drops
// the document: the documents are built again part by part while the rules
// are evaluated (lazyDoc). A node's builder reads only its own files and
// what is shared read-only (releases, schemas, the owners of known
// addresses) or behind a lock (docMemo).
func firstPass(keys *secret.Keyring, builders []*nodeBuilder, knownOwners map[string]any) []nodeFacts {
	out := make([]nodeFacts, len(builders))
	forks := make([]*secret.Keyring, len(builders))
	parallel.For(len(builders), runtime.GOMAXPROCS(0), func(i int) {
		forks[i] = keys.Fork()
		nb := builders[i]
		nb.keys = forks[i]
		doc := nb.fullDoc(knownOwners)
		out[i] = nodeFacts{rcs: nb.rcs, policies: nb.policies, drift: driftOf(nb.name, doc)}
	})
	for i, nb := range builders {
		keys.Join(forks[i])
		nb.keys = keys
	}
	return out
}

// lazyDoc is a function building the node's document (fullDoc) with a
// Fork of keys that is then dropped (firstPass registered every secret
// the document holds already): the document's "nodes" entry, called once
// by the worker evaluating the node's part (engine.EvalDoc), or by Plain
// and Node. Calls on one node must not overlap.
func (b *nodeBuilder) lazyDoc(keys *secret.Keyring, knownOwners map[string]any) func() map[string]any {
	return func() map[string]any {
		b.keys = keys.Fork()
		defer func() { b.keys = keys }()
		return b.fullDoc(knownOwners)
	}
}

// fullDoc is the node's document with the facts over other nodes' files
// (known addresses, /etc/hosts table), as rules read it.
func (b *nodeBuilder) fullDoc(knownOwners map[string]any) map[string]any {
	doc := b.doc(knownOwners)
	doc["known_addresses"] = toAny(b.known)
	if b.hostsID != "" {
		doc["hosts_id"] = b.hostsID
		doc["hosts_path"] = b.hostsPath()
		doc["self_loopback"] = b.selfLoopback()
	}
	return doc
}

func orEmpty(v []any) []any {
	if v == nil {
		return []any{}
	}
	return v
}

// nodeBuilder builds one node's part of the document.
type nodeBuilder struct {
	keys     *secret.Keyring
	roles    []string // set in .stacklint.yaml; nil = inferred
	name     string
	files    []*Loaded
	hosts    []hosts.Entry
	table    *hostTable // hosts, indexed (shared by the nodes holding the same file)
	hasHosts bool
	hostsID  string // digest of the node's /etc/hosts: key into the document's "hosts"
	rcs      []any
	policies []any
	hostname string
	ifaces   []string               // addresses configured on the node's interfaces
	ifaceAt  map[string]ifaceSource // where each interface address is configured
	ownAddrs []string               // its /etc/hosts entries for its own names, and ifaces
	known    []string               // ownAddrs and what every /etc/hosts says of its names
	releases *Releases              // the release of each service; nil: options are not checked
	memo     *docMemo               // shared by every node's builder
	budgets  map[*oslo.File]*int
	enabled  []snapshot.Enabled // units started at boot
	procs    map[string]string  // process -> evidence (nodeProcesses)
	node     *snapshot.Node     // its layout and containers
	runs     map[string][]run   // processes that run in containers (containerRuns)
}

// sosHostname: a sos report's node is named by the host name the report's
// hostname command gave, which stands over the copied etc/hostname.
func (b *nodeBuilder) sosHostname(layout string) {
	if layout == snapshot.LayoutSos {
		b.hostname, _, _ = strings.Cut(b.name, "~") // compute1~2: the second report of compute1
	}
}

func newNodeBuilder(k *secret.Keyring, name string, files []*Loaded, extra []string, tables tablesByDigest) *nodeBuilder {
	b := &nodeBuilder{keys: k, name: name, files: files, hostname: name}
	for _, f := range files {
		switch f.Kind {
		case snapshot.KindHosts:
			b.hosts, b.hasHosts = f.Hosts, true
			b.table = tables.of(f.sum, f.Hosts)
			b.hostsID = hex.EncodeToString(f.sum[:8])
		case snapshot.KindHostname:
			if h := strings.TrimSpace(strings.SplitN(f.Text, "\n", 2)[0]); h != "" {
				b.hostname = h
			}
		case snapshot.KindNetif:
			for _, a := range f.Addrs {
				b.ifaces = append(b.ifaces, a.IP)
				b.noteIface(a.IP, f.Path, a.Line)
			}
		case snapshot.KindSosIPAddress:
			for _, a := range runningAddrs(f) {
				b.ifaces = append(b.ifaces, a.IP)
				b.noteIface(a.IP, f.Path, a.Line)
			}
		}
	}
	b.ifaces = uniqueSorted(append(b.ifaces, extra...))
	b.ownAddrs = uniqueSorted(append(b.lookupOwn(), b.ifaces...))
	return b
}

// resolve maps a host name to addresses through the node's own /etc/hosts;
// it returns nil when that cannot be known (no hosts file).
func (b *nodeBuilder) resolve(host string) []string {
	if a, err := netip.ParseAddr(host); err == nil {
		return []string{a.String()}
	}
	if !b.hasHosts {
		return nil
	}
	r := b.table.lookup(host)
	switch {
	case r != nil:
		return r
	case strings.EqualFold(host, "localhost"):
		return []string{"127.0.0.1"}
	case b.isSelf(host) && len(b.ownAddrs) > 0:
		return b.ownAddrs
	case b.isSelf(host):
		return []string{"127.0.1.1"} // the resolver's own-hostname fallback
	}
	return []string{}
}

// isSelf reports whether host is one of the node's own names.
func (b *nodeBuilder) isSelf(host string) bool {
	short, _, _ := strings.Cut(b.hostname, ".")
	return host != "" && (strings.EqualFold(host, b.name) || strings.EqualFold(host, b.hostname) || strings.EqualFold(host, short))
}

func (b *nodeBuilder) doc(knownOwners map[string]any) map[string]any {
	b.rcs, b.budgets = nil, nil // the document may be built more than once
	files := map[string]any{}
	links := linkedFiles(b.files)
	for _, f := range b.files {
		switch f.Kind {
		case snapshot.KindRC:
			b.rcs = append(b.rcs, b.rcDoc(f))
			continue
		case snapshot.KindPolicy:
			continue
		}
		files[f.NodePath] = b.fileDoc(f)
		if real := links[f.NodePath]; real != "" {
			files[f.NodePath].(map[string]any)["link_of"] = real
		}
	}
	var settings []any
	var inForce map[string]any
	var cycles []any
	b.policies, settings, inForce, cycles = b.policyDocs()
	services := servicesOf(b.procs)
	byKind, byPath, byOption := fileLookups(files)
	ifaces, ifaceSources := b.interfacesDoc()
	doc := map[string]any{
		"name": b.name, "hostname": b.hostname, "files": files, "processes": b.processesDoc(),
		"by_kind": byKind, "by_path": byPath, "by_option": byOption,
		"services": toAny(services), "roles": toAny(rolesOf(services)),
		"addresses": toAny(b.addresses(knownOwners)), "interface_addresses": toAny(b.ifaces),
		"interfaces": ifaces, "interface_sources": ifaceSources,
		"disputed_addresses": b.disputedAddresses(knownOwners),
		"policy_settings":    orEmpty(settings), "policies_in_force": inForce, "policy_cycles": orEmpty(cycles),
		"releases": b.releasesDoc(), "layout": b.layout(), "containers": containersDoc(b.containers()),
	}
	if cpu := b.cpuDoc(); cpu != nil {
		doc["cpu"] = cpu
	}
	return doc
}

// layout is the node's layout (snapshot.Layout*), "package" when unknown.
func (b *nodeBuilder) layout() string {
	if b.node == nil || b.node.Layout == "" {
		return snapshot.LayoutPackage
	}
	return b.node.Layout
}

// containers are the node's containers (none for packages).
func (b *nodeBuilder) containers() []snapshot.Container {
	if b.node == nil {
		return nil
	}
	return b.node.Containers
}

// releasesDoc is the release of every service on the node: its own pick,
// or the fallback for services with no configuration file here.
func (b *nodeBuilder) releasesDoc() map[string]any {
	out := map[string]any{}
	for _, svc := range []string{"cinder", "glance", "keystone", "neutron", "nova", "placement"} {
		if p := b.releases.For(b.name, svc); p != nil {
			out[svc] = p.Doc()
		}
	}
	return out
}

func (b *nodeBuilder) hostsMap() map[string]any {
	m := map[string]any{}
	for _, e := range b.hosts {
		for _, n := range e.Names {
			n = strings.ToLower(n)
			prev, _ := m[n].([]any)
			m[n] = append(prev, e.Addr)
		}
	}
	return m
}

// linkedFiles maps the node path of each file read through a symbolic
// link to the node path of the file it leads to, when that file is read
// too (RDO's and the guides' etc/neutron/plugin.ini ->
// plugins/ml2/ml2_conf.ini): one file, two names. Facts of its text are
// indexed once, under the file's own name (index).
func linkedFiles(files []*Loaded) map[string]string {
	real := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(filepath.ToSlash(f.Abs), "/"+f.NodePath) {
			real[f.Abs] = f.NodePath
		}
	}
	out := map[string]string{}
	for _, f := range files {
		if r := real[f.Abs]; r != "" && r != f.NodePath {
			out[f.NodePath] = r
		}
	}
	return out
}

func (b *nodeBuilder) fileDoc(f *Loaded) map[string]any {
	d := map[string]any{"kind": f.Kind, "path": f.Path, "node": b.name}
	if f.Dest != "" {
		d["dest"], d["container"] = f.Dest, containerOf(f.NodePath)
	}
	if f.Err != nil {
		d["error"] = errDoc(f.Err)
	}
	if p := b.pickFor(f.Kind); p != nil {
		d["release"] = p.Doc()
	}
	if f.Directives != nil {
		d["directives"] = b.directivesDoc(f.Directives)
	}
	if f.Kind == snapshot.KindKeyFile {
		d["repository"], d["name"] = path.Base(path.Dir(f.Path)), path.Base(f.Path)
		d["fp"] = b.keys.FP(f.Text)
	}
	if f.Ceph != nil {
		d["ceph"] = cephDoc(f.Ceph, b.keys)
	}
	if f.INI != nil {
		d["sections"] = b.sectionsDoc(f.Kind, f.INI)
		headers := make([]any, len(f.INI.Headers))
		for i, h := range f.INI.Headers {
			headers[i] = map[string]any{"name": h.Name, "line": h.Line}
		}
		d["headers"] = headers
	}
	if f.Kind == snapshot.KindNetif {
		addrs := make([]any, len(f.Addrs))
		for i, a := range f.Addrs {
			addrs[i] = map[string]any{"address": a.IP, "line": a.Line}
		}
		d["addresses"] = addrs
	}
	return d
}

func errDoc(e *FileError) map[string]any {
	return map[string]any{"line": e.Line, "column": e.Column, "message": e.Msg, "decode": e.Decode}
}

func (b *nodeBuilder) sectionsDoc(kind string, f *oslo.File) map[string]any {
	secs := make(map[string]any, len(f.Sections))
	for _, s := range f.Sections {
		keys := make(map[string]any, len(s.Keys))
		for _, k := range s.Keys {
			occ := make([]any, len(k.Values))
			secretOpt := b.secretOption(kind, f, s.Name, k.Name)
			for i, v := range k.Values {
				occ[i] = b.valueDoc(kind, f, s.Name, k.Name, v, secretOpt)
			}
			b.schemaFacts(kind, f, s.Name, k, occ)
			keys[k.Name] = occ
		}
		secs[s.Name] = keys
	}
	return secs
}

// placeholdersOf lists the install-guide placeholders of a non-secret value
// (already redacted) and of the passwords of its URL.
func (b *nodeBuilder) placeholdersOf(redacted string, url any) []string {
	out := slices.Clone(b.memo.placeholdersIn(redacted))
	if u, ok := url.(map[string]any); ok {
		for _, h := range u["hosts"].([]any) {
			if p, ok := h.(map[string]any)["password_placeholder"].(string); ok && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	sort.Strings(out)
	return out
}
