# METADATA
# title: Firewall closes a port other nodes' services connect to
# description: |
#   The configs say which ports each node must accept from its peers:
#   the broker's 5672, MariaDB's 3306, memcached's 11211, Keystone's
#   5000, glance's 9292, nova's 8774/8775, placement's 8778, neutron's
#   9696, noVNC's 6080, as every client URL on another node names them.
#   A host firewall that rejects one (the RHEL default ruleset in
#   /etc/sysconfig/iptables accepts only SSH; firewalld's public zone only
#   ssh and dhcpv6-client) makes every client time out, the classic "5672
#   blocked on the controller" of the install guide. The INPUT chain of
#   an iptables-save file is evaluated rule by rule for a new TCP
#   connection from the clients' addresses, or the default firewalld
#   zone's ports and services; when a rule cannot be judged from the
#   files (a jump to another chain, an interface match, a service of
#   unknown ports, rich rules) nothing is said.
# custom:
#   id: SL-HOST-009
#   scope: aggregate
#   severity: error
#   inputs: [iptables, firewalld]
#   remediation: |
#     Open the port to the other nodes, before the final REJECT rule:
#     -A INPUT -p tcp -m state --state NEW -m tcp --dport PORT -s NETWORK
#     -j ACCEPT in /etc/sysconfig/iptables, or firewall-cmd --permanent
#     --add-port=PORT/tcp; then reload the firewall.
package stacklint.rules.host.firewall_ports

import data.stacklint.lib.firewall
import data.stacklint.lib.host

_guarded(node) if host.has_kind(node, "iptables")

_guarded(node) if host.has_kind(node, "firewalld")

# aggregate, each from its own node: each node with firewall files and the
# summary of its firewall ({"guarded": [node, firewall.summary]}), each
# client reference to another node ({"ref": host.references entry}) and
# the addresses of each node a reference comes from ({"from": [node,
# addresses]}); the report judges each firewall for the connections it
# receives over the fleet.
aggregate contains {"guarded": [name, firewall.summary(node)]} if {
	some name, node in input.nodes
	_guarded(node)
}

aggregate contains {"ref": c} if {
	_any_firewall
	some c in _outgoing
}

aggregate contains {"from": [c.from, _addrs(c.from)]} if {
	_any_firewall
	some c in _outgoing
}

# _any_firewall: some node of the fleet holds firewall files (else no
# reference needs a record).
_any_firewall if host.held_anywhere("iptables")

_any_firewall if host.held_anywhere("firewalld")

_outgoing contains c if {
	some c in host.references
	c.reaches != c.from
}

_addrs(name) := {a | some a in array.concat(input.nodes[name].known_addresses, input.nodes[name].addresses)}

_refs := {r.ref | some r in aggregate; r.ref}

_from_addrs := {r.from[0]: r.from[1] | some r in aggregate; r.from}

# _sources: the addresses the clients connect from; empty (unknown) when
# one of their nodes has no known address.
_sources(cs) := [] if {
	some c in cs
	count(_from_addrs[c.from]) == 0
} else := sort({a | some c in cs; some a in _from_addrs[c.from]})

report contains finding if {
	some r in aggregate
	[name, fw] := r.guarded
	incoming := [c | some c in _refs; c.reaches == name]
	some port in {c.port | some c in incoming}
	cs := [c | some c in incoming; c.port == port]
	[verdict, path, line] := firewall.verdict_of(fw, port, _sources(cs))
	verdict == "closed"
	finding := {
		"message": sprintf("the firewall of %s (%s:%d) rejects new TCP connections to port %d, which %s use: they time out or are refused", [name, path, line, port, host.listed(cs)]),
		"locations": array.concat([{"path": path, "node": name, "line": line, "column": 1}], [c.loc | some c in host.sort_by_where(cs)]),
	}
}
