# METADATA
# description: Helpers shared by every stacklint rule.
package stacklint.lib

# values returns every occurrence of key in section of file f ([] if unset).
values(f, section, key) := f.sections[section][key] if true

else := []

# last returns the occurrence oslo.config uses for a single-valued option.
last(f, section, key) := occ if {
	occs := f.sections[section][key]
	occ := occs[count(occs) - 1]
}

# has is true when the key is set in the section of file f.
has(f, section, key) if count(f.sections[section][key]) > 0

# loc is the location of one occurrence of a key.
loc(f, section, key, occ) := {
	"path": f.path,
	"node": f.node,
	"line": occ.line,
	"column": occ.column,
	"section": section,
	"key": key,
}

# label shows a secret occurrence: its fingerprint, or "(empty)".
label(occ) := sprintf("fp:%s", [occ.fp]) if occ.fp != ""

else := "(empty)"

# files yields [node name, file] for every readable file of the given kind
# (an unparseable file is reported once, by SL-PARSE-001).
files(kind) := [[name, f] |
	some [name, fk] in input.index.kinds[kind]
	f := input.nodes[name].files[fk]
	not f.error
] if input.index

else := [[name, f] |
	some name, node in input.nodes
	some f in node.files
	f.kind == kind
	not f.error
]

# files_of lists the node's files of a kind, readable or not, in node-path
# order (the model's nodes.<n>.by_kind; a scan in hand-built inputs).
files_of(node, kind) := [node.files[np] | some np in node.by_kind[kind]] if node.by_kind

else := [f | some f in node.files; f.kind == kind]

# first_of is the node's first file of the first of kinds it holds
# (undefined when it holds none).
first_of(node, kinds) := [node.files[np] | some kind in kinds; some np in node.by_kind[kind]][0] if node.by_kind

else := [f | some kind in kinds; some f in node.files; f.kind == kind][0] if not node.by_kind

# file_at is the node's file at a shown path (the model's
# nodes.<n>.by_path; a scan in hand-built inputs).
file_at(node, path) := node.files[node.by_path[path]] if node.by_path

else := [f | some f in node.files; f.path == path][0] if not node.by_path

# runs is true when the node runs the named service.
runs(node, service) if service in node.services

# service_file is the node's first readable file of kind (by node path) that
# the service loads: in a container layout the file that lands in one of
# its own containers (a file with "dest"), else the node's file of that
# kind. Undefined when the node does not run the service.
service_file(node, service, kind) := [f |
	some f in files_of(node, kind)
	not f.error
	_loads(node, service, f)
][0] if runs(node, service)

_loads(_, _, f) if not f.dest

# one_of is the node's file of kind where a node may hold several copies
# (one per container in a container layout): the first by node path that
# lands in one of the service's containers, else the node's first of kind.
# Undefined when the node holds none.
one_of(node, kind, service) := [f | some f in files_of(node, kind); _loads(node, service, f)][0] if {
	count([f | some f in files_of(node, kind); _loads(node, service, f)]) > 0
} else := files_of(node, kind)[0]

_loads(node, service, f) if f.path in node.processes[service].files

# loads is true when the node runs the service and it loads file f: any
# host file of the node (its packaging decides the rest), a container's file
# only when it lands in one of the service's containers.
loads(node, service, f) if {
	runs(node, service)
	_loads(node, service, f)
}

# loaded_together is true when one process loads both files a and b of the
# node: any two host files (their packaging loads them together), two files
# of containers only when they land in the same process's containers.
loaded_together(_, a, b) if {
	not a.dest
	not b.dest
}

loaded_together(node, a, b) if {
	some p in node.processes
	a.path in p.files
	b.path in p.files
}

# effective is [file, occurrence] of the value oslo.config uses for an option
# a node reads from several files: kinds are listed in --config-file order
# and a later file wins. Each kind brings the files loaded with it, in
# their order (layers): RDO's dist file before it, its config-dir files
# after it (sorted by path, as --config-dir reads them). When the node's
# processes (nodes.<n>.processes) say which of them load a file of every
# kind the node holds, only the files those processes load count (RDO's
# neutron/conf.d/<process>/ applies to that process alone); else every
# layer does. lib.process_effective answers for one process exactly.
# The built-in stacklint.effective (internal/engine/effective.go) computes
# this in Go: the rules ask it tens of thousands of times on a large fleet.
effective(node, kinds, section, key) := stacklint.effective(node, kinds, section, key, layers)

# process_effective is [file, occurrence] of the value in effect for one
# process of the node: the last of its files (nodes.<n>.processes.<p>.files,
# in load order, as its unit, default file or packaging starts it) that
# sets the option. Undefined when none sets it or the process is unknown.
process_effective(node, process, section, key) := effective_in(node, node.processes[process].files, section, key)

# effective_in is [file, occurrence] of the value in effect for a process
# that loads the node's files at paths (shown paths, in load order): the
# last readable one that sets the option. Undefined when none sets it.
effective_in(node, paths, section, key) := found[count(found) - 1] if {
	found := [[f, occs[count(occs) - 1]] |
		some p in paths
		f := file_at(node, p)
		not f.error
		occs := f.sections[section][key]
		count(occs) > 0
	]
	count(found) > 0
}

# process_setting is lib.setting for one process: written
# {"written": true, "file", "occ", "value"} from process_effective, else
# the default of the release of the first of its files whose kind the rule
# lists the option's default for in custom.defaults ({"written": false,
# "file", "value", "host", "release"}; "file" is where the option belongs).
process_setting(node, process, section, key) := written(f, occ) if {
	[f, occ] := process_effective(node, process, section, key)
} else := s if {
	fs := [g |
		some p in node.processes[process].files
		g := file_at(node, p)
		input.defaults[g.release.name][g.kind][section][key]
	]
	s := unset_setting(fs[0], fs[0].kind, section, key)
}

# written is a setting written at occurrence occ of file f.
written(f, occ) := {"written": true, "file": f, "occ": occ, "value": occ.value}

# unset_setting is an unset option's setting located in file f, with the
# default of the release f is checked against as kind (a schema kind)
# registers it: {"written": false, "file", "value", "host", "release"}.
# Undefined when the rule's custom.defaults lack it for that release.
unset_setting(f, kind, section, key) := {"written": false, "file": f, "value": d.text, "host": d.host, "release": f.release.name} if {
	d := input.defaults[f.release.name][kind][section][key]
}

# compute_kinds are the files nova-compute reads, in --config-file order:
# nova.conf, then nova-compute.conf (Ubuntu's nova-compute package),
# devstack's nova-cpu.conf (n-cpu's only file; read last, it wins).
compute_kinds := ["nova.conf", "nova-compute.conf", "nova-cpu.conf"]

# layers are the files a process loads with a main config file, in load
# order (internal/model/processfiles.go has the packaging sources).
layers := {
	"nova.conf": ["nova-dist.conf", "nova.conf", "nova.conf.d"],
	"neutron.conf": ["neutron-dist.conf", "neutron.conf", "neutron.conf.d", "neutron-conf.d"],
	"keystone.conf": ["keystone-dist.conf", "keystone.conf", "keystone.conf.d"],
	"glance-api.conf": ["glance-api-dist.conf", "glance-api.conf", "glance-api.conf.d"],
	"cinder.conf": ["cinder-dist.conf", "cinder.conf", "cinder.conf.d"],
}

# setting is what a node's service uses for an option: the value written
# last in its files of kinds (listed in --config-file order: a later file
# wins), {"written": true, "file", "occ", "value"}; else the default of the
# release the first file of kinds is checked against, {"written": false,
# "file", "value", "host", "release"} (the rule lists [kinds[0], section,
# key] in custom.defaults; host: computed on the host, value a placeholder
# such as "<host_ipv4>"). Undefined when the node has no file of kinds.
setting(node, kinds, section, key) := written(f, occ) if {
	[f, occ] := effective(node, kinds, section, key)
} else := s if {
	s := unset_setting(first_of(node, kinds), kinds[0], section, key)
}

# unset_loc is where an unset option belongs: the last header of its
# section in the file (the file's first line when the section is absent).
unset_loc(f, section, key) := {
	"path": f.path,
	"node": f.node,
	"line": _section_line(f, section),
	"column": 1,
	"section": section,
	"key": key,
}

_section_line(f, section) := line if {
	lines := [h.line | some h in object.get(f, "headers", []); h.name == section]
	count(lines) > 0
	line := max(lines)
} else := 1

# where names a place in a message: "nova.conf [neutron] password on
# compute1"; a container's file names its container ("nova.conf [database]
# connection of nova-conductor on controller").
where(f, section, key) := sprintf("%s [%s] %s of %s on %s", [f.kind, section, key, f.container, f.node]) if f.container

else := sprintf("%s [%s] %s on %s", [f.kind, section, key, f.node])

# ident is what a URL or host reference reaches: the referring node itself
# (loopback, own name), the node an address belongs to, else the address,
# else the name as written (unresolvable here).
ident(h) := h.reaches if true

else := input.owners[h.resolved[0]] if true

else := h.resolved[0] if count(h.resolved) > 0

else := h.host

# unresolved is true for a host fact the referring node cannot resolve
# (SL-EP-004 reports those; drift rules leave them out).
unresolved(h) if count(h.resolved) == 0

# majority is the value most copies share (copies carry it as "v"); on a
# tie, the value of the first copy by rank, path and line. The built-in
# stacklint.count_values (internal/engine/countvalues.go) counts the copies
# of each value in one pass.
majority(copies) := v if {
	counts := stacklint.count_values(copies)
	top := max({n | some n in counts})
	tops := {x | some x, n in counts; n == top}
	v := _pick(copies, tops)
}

# _pick is the single most common value, or breaks the tie.
_pick(copies, tops) := v if {
	count(tops) == 1
	some v in tops
} else := sort([[object.get(c, "rank", 0), _pos(c), c.v] | some c in copies; c.v in tops])[0][2]

# first_with is the copy with value v of the lowest rank (an optional field:
# 0 for an authoritative copy), then the smallest path and line.
first_with(copies, v) := sort([[object.get(c, "rank", 0), _pos(c), c] | some c in copies; c.v == v])[0][2]

# _pos is [path, line] of a copy: its "pos", else from its location.
_pos(c) := c.pos if true

else := [c.loc.path, c.loc.line]

# drift pairs every copy that differs from the majority with the first copy
# of the majority (the reference shown as related location).
drift(copies) := {[c, r] |
	count({c.v | some c in copies}) > 1 # all agree: nothing to sort
	ref := majority(copies)
	r := first_with(copies, ref)
	some c in copies
	c.v != ref
}

# against judges copies by their authority when the snapshot has one: the
# copies marked "auth": true (the owning service's own setting, the broker's
# own configuration, the installer's admin rc...). It pairs every copy whose
# value differs from the authority's with the authoritative copy holding it
# (first by rank, path and line). Authoritative copies that disagree are
# judged by their own majority; when they tie, no value is the authority's:
# only the copies that match none of them are paired (with the tie's first
# by rank, path and line) and authority_conflict reports the tie. Without an
# authoritative copy it is drift (the majority of all copies). A rule tells
# the cases apart by the reference's "auth" and says which.
against(copies) := drift(copies) if {
	count(authorities(copies)) == 0
} else := {[c, r] |
	auths := authorities(copies)
	ref := majority(auths)
	r := first_with(auths, ref)
	tops := _top_values(auths)
	some c in copies
	not c.v in tops
}

# authorities are the copies marked "auth": true.
authorities(copies) := {c | some c in copies; object.get(c, "auth", false) == true}

# _top_values are the values most copies share (several on a tie).
_top_values(copies) := {x | some x, n in counts; n == top} if {
	counts := stacklint.count_values(copies)
	top := max({m | some m in counts})
}

# authority_conflict is the sorted list of [[path, line], copy] of the
# authoritative copies, one per value (the first by rank, path and line),
# when several values tie for the most authoritative copies; undefined
# otherwise.
authority_conflict(copies) := firsts if {
	auths := authorities(copies)
	tops := _top_values(auths)
	count(tops) > 1
	firsts := sort([[_pos(r), r] | some v in tops; r := first_with(auths, v)])
}

# spread says how many places on how many nodes a finding groups: "one
# place", "3 places on one node", "23 places on 2 nodes".
spread(1, _) := "one place"

spread(n, 1) := sprintf("%d places on one node", [n]) if n > 1

spread(n, m) := sprintf("%d places on %d nodes", [n, m]) if {
	n > 1
	m > 1
}

# listed names up to three places (strings, in the order given), then a
# count: "a, b, c and 4 more".
listed(places) := concat(", ", places) if count(places) <= 3

else := sprintf("%s and %d more", [concat(", ", array.slice(places, 0, 3)), count(places) - 3])

# tally says how many copies share the value v: "5 of 7".
tally(copies, v) := sprintf("%d of %d", [count([1 | some c in copies; c.v == v]), count(copies)])

# compared_with says what the reference value v of copies without an
# authority is: "compared with the majority" when more than half hold it,
# "compared with the most common value" when fewer do, "compared with the
# first by path, as no two agree" when no other copy holds it.
compared_with(copies, v) := compared_n(count([1 | some c in copies; c.v == v]), count(copies))

# compared_n is compared_with for n copies of the reference value among
# total.
compared_n(n, total) := "compared with the majority" if {
	2 * n > total
} else := "compared with the most common value" if {
	n > 1
} else := "compared with the first by path, as no two agree"

# compared is compared_with and the tally: "compared with the majority,
# 5 of 7".
compared(copies, v) := sprintf("%s, %s", [compared_with(copies, v), tally(copies, v)])

# compared_pref is compared for the reference copy r of copies that carry
# a "rank": when no other copy holds r's value and r won the tie by its
# rank, it says so with pref ("the value written") instead of "the first
# by path".
compared_pref(copies, r, pref) := sprintf("compared with %s, as no two agree, %s", [pref, tally(copies, r.v)]) if {
	count([1 | some c in copies; c.v == r.v]) == 1
	some c in copies
	object.get(c, "rank", 0) > object.get(r, "rank", 0)
} else := compared(copies, r.v)

# items turns a comma-separated option into trimmed, non-empty items.
items(s) := [t | some x in split(s, ","); t := trim_space(x); t != ""]

# rc_loc is the location of a variable of an rc file.
rc_loc(rc, name) := {"path": rc.path, "node": rc.node, "line": rc.vars[name].line, "column": rc.vars[name].column, "key": name}

# occurrences lists [file, section, key, last occurrence] for every key of
# every INI file. An array, not a set: its elements hold whole files, and a
# set would hash each of them.
occurrences := [[f, section, key, occs[count(occs) - 1]] |
	some node in input.nodes
	some f in node.files
	some section, keys in f.sections
	some key, occs in keys
]

# address_problem says why ip cannot be an address of the named node:
# another node's address (by /etc/hosts or interface files), loopback, or
# on none of the node's configured interfaces. Undefined when it may be.
address_problem(name, ip) := sprintf("is the address of %s", [other]) if {
	other := input.known_owners[ip]
	other != name
	not ip in input.nodes[name].known_addresses
} else := "is a loopback or unspecified address" if {
	_loopback(ip)
} else := sprintf("is on none of %s's interfaces (%s)", [name, concat(", ", ifaces)]) if {
	ifaces := input.nodes[name].interface_addresses
	count(ifaces) > 0
	not ip in ifaces
}

_loopback(ip) if startswith(ip, "127.")

_loopback(ip) if ip in {"::1", "0.0.0.0", "::"}

# duplicates pairs each copy of a per-node address (copies carry node, ip
# and loc) with the first copy on another node that uses the same address.
# Copies address_problem already explains (another node's known address,
# loopback, not on the node's interfaces) are left to the rule that
# reports it, and are not used to blame the others.
duplicates(copies) := {[c, first] |
	clean := [c | some c in copies; not address_problem(c.node, c.ip)]
	ips := sort([c.ip | some c in clean])
	dup := {ips[i] | some i, ip in ips; i > 0; ip == ips[i - 1]}
	some c in clean
	c.ip in dup
	same := [[d.loc.path, d] | some d in clean; d.ip == c.ip; d.node != c.node]
	count(same) > 0
	first := sort(array.concat(same, [[c.loc.path, c]]))[0][1]
	first.node != c.node
}

# keyed lists [file, section, key, last occurrence] for every INI option
# named in keys, through the model's index (scanning without one, as unit
# tests' hand-built inputs have none).
keyed(keys) := [x | some k in keys; some x in _keyed(k)]

_keyed(k) := [[f, s, k, occs[count(occs) - 1]] |
	some [n, fk, s] in input.index.keys[k]
	f := input.nodes[n].files[fk]
	occs := f.sections[s][k]
] if input.index

else := [[f, s, key, o] | some [f, s, key, o] in occurrences; key == k]

# flagged lists [file, section, key, last occurrence] for the occurrences
# that carry a derived fact: placeholders, empty_secret, secret_template,
# empty_url_password, weak_secret, unresolved, or repeated (set more than once).
flagged(fact) := [[f, s, k, occs[count(occs) - 1]] |
	some [n, fk, s, k] in input.index.facts[fact]
	f := input.nodes[n].files[fk]
	occs := f.sections[s][k]
] if input.index

else := [x | some x in occurrences; _has_fact(fact, x)]

_has_fact("placeholders", [_, _, _, o]) if count(o.placeholders) > 0

_has_fact("empty_secret", [_, _, _, o]) if {
	o.secret
	o.empty
}

_has_fact("secret_template", [_, _, _, o]) if o.template

_has_fact("inline_comment", [_, _, _, o]) if o.inline_comment

_has_fact("continuation_option", [_, _, _, o]) if o.continuation_option

_has_fact("repeated", [f, s, k, _]) if count(f.sections[s][k]) > 1

_has_fact("schema_unknown", [_, _, _, o]) if o.schema.status == "unknown"

_has_fact("schema_deprecated", [_, _, _, o]) if o.schema.status == "deprecated"

_has_fact("schema_deprecated", [_, _, _, o]) if o.schema.deprecated

_has_fact("schema_invalid", [_, _, _, o]) if o.schema.status == "invalid"

_has_fact("schema_removal", [_, _, _, o]) if o.schema.removal

_has_fact("weak_secret", [_, _, _, o]) if o.weak

_has_fact("look_alike", [_, _, _, o]) if o.look_alike

_has_fact("key_look_alike", [_, _, _, o]) if o.key_look_alike

_has_fact("weak_secret", [_, _, _, o]) if {
	some h in o.url.hosts
	h.password_weak
}

_has_fact("empty_url_password", [_, _, _, o]) if {
	some h in o.url.hosts
	h.password_empty
}

_has_fact("unresolved", [_, _, _, o]) if {
	some h in array.concat(object.get(o, ["url", "hosts"], []), object.get(o, "host_refs", []))
	count(h.resolved) == 0
}

# queens_or_later: the snapshot shows a Queens-or-later deployment
# ([keystone_authtoken] www_authenticate_uri came with it). Release-aware
# rules stay silent on older deployments, where the old ways were right.
queens_or_later if {
	some [_, "keystone_authtoken", _, _] in keyed(["www_authenticate_uri"])
}

# release_at_least: the run checks against a release of this series
# ("2025.1") or later, as set by --release or .stacklint.yaml. Undefined
# when no release is known (auto found none): release-aware rules then say
# nothing rather than guess.
release_at_least(series) if {
	input.release.series != ""
	input.release.series >= series
}

# release_named is how messages name the run's release (the one most
# services are checked against).
release_named := sprintf("%s (from %s)", [input.release.name, input.release.source])

# release_of is how messages name the release a file is checked against
# (its service's on its node: --release, the configuration, or detected).
release_of(f) := sprintf("%s (from %s; the file looks older, and %s is the oldest release stacklint knows)", [f.release.name, f.release.source, f.release.name]) if {
	f.release.below_oldest
} else := sprintf("%s (from %s)", [f.release.name, f.release.source])

# service_release_at_least: the service on the node is checked against a
# release of this series ("2025.1") or later. Undefined when no release is
# known for it.
service_release_at_least(node, service, series) if {
	r := input.nodes[node].releases[service]
	r.series != ""
	r.series >= series
}

# service_release_named is how messages name a service's release on a node.
service_release_named(node, service) := sprintf("%s (from %s)", [r.name, r.source]) if {
	r := input.nodes[node].releases[service]
}
