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
#   severity: warning
#   inputs: [chrony]
#   remediation: |
#     Use "server controller iburst" in chrony.conf on every non-controller
#     node, and "allow <management subnet>" on the controller.
package stacklint.rules.host.time_sync

import data.stacklint.lib.host

_controllers := {name | some name, node in input.nodes; "controller" in node.roles}

# _is(ctl, arg): a chrony source names the controller node.
_is(ctl, arg) if lower(arg) in {lower(ctl), lower(input.nodes[ctl].hostname)}

_is(ctl, arg) if arg in input.nodes[ctl].addresses

_sources(node) := [[f, d] |
	some f in node.files
	f.kind == "chrony"
	some d in f.directives
	d.name in {"server", "pool", "peer"}
]

_follows(node) if {
	some [_, d] in _sources(node)
	some ctl in _controllers
	_is(ctl, d.args[0])
}

report contains finding if {
	some name, node in input.nodes
	not name in _controllers
	count(_sources(node)) > 0
	not _follows(node)
	followers := sort([n | some n, other in input.nodes; not n in _controllers; _follows(other)])
	count(followers) > 0
	[f, d] := _sources(node)[0]
	finding := {
		"message": sprintf("%s on %s takes its time from %s, not the controller as %s do: clocks drift apart", [f.path, name, d.args[0], concat(", ", followers)]),
		"locations": [host.dloc(f, d)],
	}
}

report contains finding if {
	some ctl in _controllers
	allows := [[f, d] | some f in input.nodes[ctl].files; f.kind == "chrony"; some d in f.directives; d.name == "allow"]
	count(allows) > 0
	some name, node in input.nodes
	_follows(node)
	some ip in node.addresses
	not startswith(ip, "127.")
	not _covered(ip, allows)
	[f, d] := allows[0]
	finding := {
		"message": sprintf("chrony on %s allows %s, which does not cover %s (%s): the controller refuses its time requests", [ctl, concat(", ", [a.args[0] | some [_, a] in allows; count(a.args) > 0]), name, ip]),
		"locations": [host.dloc(f, d)],
	}
}

_covered(_, allows) if {
	some [_, d] in allows
	count(d.args) == 0 # "allow" alone: every client
}

_covered(ip, allows) if {
	some [_, d] in allows
	count(d.args) > 0
	net.cidr_contains(_cidr(d.args[0]), ip)
}

_cidr(a) := a if contains(a, "/")

else := sprintf("%s/32", [a]) if not contains(a, ":")

else := sprintf("%s/128", [a])
