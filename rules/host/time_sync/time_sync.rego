# METADATA
# title: Node does not take its time from the controller
# description: |
#   The install guide syncs the controller to public NTP servers and every
#   other node to the controller (chrony "server controller iburst"), with
#   an "allow" for the management subnet on the controller. Once some nodes
#   follow the controller, a node that uses other sources drifts apart from
#   them (tokens appear expired or not yet valid, RabbitMQ and Galera
#   complain); and a controller whose allow lines do not cover a node
#   refuses that node's requests. Checked with the chrony.conf files in the
#   snapshot.
# custom:
#   id: SL-HOST-005
#   scope: aggregate
#   severity: warning
#   inputs: [chrony]
#   remediation: |
#     Use "server controller iburst" in chrony.conf on every non-controller
#     node, and "allow <management subnet>" on the controller.
package stacklint.rules.host.time_sync

import data.stacklint.lib.host

# aggregate, each from its own node: each controller, with the names and
# addresses a chrony source may call it by ({"controller": {name, names,
# addresses}}); each node with chrony sources ({"sources": [node, first
# argument of each source, the node's addresses]}) and its first source
# ({"first": [node, path, location, argument]}); each controller's allow
# lines ({"allows": [node, arguments of each, location of the first]}).
# The report tells which nodes follow a controller over the fleet.
aggregate contains {"controller": {"name": name, "names": _names(name, node), "addresses": object.get(node, "addresses", [])}} if {
	some name, node in input.nodes
	"controller" in node.roles
}

aggregate contains {"sources": [name, [d.args[0] | some [_, d] in srcs], object.get(node, "addresses", [])]} if {
	some name, node in input.nodes
	srcs := _sources(node)
	count(srcs) > 0
}

aggregate contains {"first": [name, f.path, host.dloc(f, d), d.args[0]]} if {
	some name, node in input.nodes
	[f, d] := _sources(node)[0]
}

aggregate contains {"allows": [name, [d.args | some [_, d] in allows], host.dloc(f, d)]} if {
	some name, node in input.nodes
	"controller" in node.roles
	allows := [[f, d] | some f in node.files; f.kind == "chrony"; some d in f.directives; d.name == "allow"]
	count(allows) > 0
	[f, d] := allows[0]
}

# _names are the names a source may give a controller: its node name and
# host name, lowercase (none when the host name is unknown).
_names(name, node) := {lower(name), lower(h)} if h := node.hostname

else := set()

_ctls := {r.controller | some r in aggregate; r.controller}

_controllers := {c.name | some c in _ctls}

# _is(ctl, arg): a chrony source names the controller node.
_is(ctl, arg) if lower(arg) in ctl.names

_is(ctl, arg) if arg in ctl.addresses

_sources(node) := [[f, d] |
	some f in node.files
	f.kind == "chrony"
	some d in f.directives
	d.name in {"server", "pool", "peer"}
]

# _follows: one of a node's sources (their first arguments) names a
# controller.
_follows(args) if {
	some a in args
	some ctl in _ctls
	_is(ctl, a)
}

# _sourced are [node, source arguments, addresses] of the nodes with
# chrony sources.
_sourced := {r.sources | some r in aggregate; r.sources}

# _first is the first source of each node with sources, by node.
_first := {r.first[0]: r.first | some r in aggregate; r.first}

_followers := sort([n | some [n, args, _] in _sourced; not n in _controllers; _follows(args)])

report contains finding if {
	some [name, args, _] in _sourced
	not name in _controllers
	not _follows(args)
	count(_followers) > 0
	[_, path, at, arg] := _first[name]
	finding := {
		"message": sprintf("%s on %s takes its time from %s, not the controller as %s do: clocks drift apart", [path, name, arg, concat(", ", _followers)]),
		"locations": [at],
	}
}

report contains finding if {
	some r in aggregate
	[ctl, allows, at] := r.allows
	some [name, args, addresses] in _sourced
	_follows(args)
	some ip in addresses
	not startswith(ip, "127.")
	not _covered(ip, allows)
	finding := {
		"message": sprintf("chrony on %s allows %s, which does not cover %s (%s): the controller refuses its time requests", [ctl, concat(", ", [a[0] | some a in allows; count(a) > 0]), name, ip]),
		"locations": [at],
	}
}

# _covered: an allow line (its arguments) covers the address.
_covered(_, allows) if {
	some a in allows
	count(a) == 0 # "allow" alone: every client
}

_covered(ip, allows) if {
	some a in allows
	count(a) > 0
	net.cidr_contains(_cidr(a[0]), ip)
}

_cidr(a) := a if contains(a, "/")

else := sprintf("%s/32", [a]) if not contains(a, ":")

else := sprintf("%s/128", [a])
