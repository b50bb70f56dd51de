# METADATA
# title: Nodes of a service use different brokers, vhosts or users
# description: |
#   All nova nodes must reach the same broker servers, port and virtual
#   host (nova-compute listens where the conductor and scheduler send, and
#   cell mappings were created from the controller's transport_url), and
#   likewise all neutron nodes (server and agents) and all cinder nodes
#   (api, scheduler, volume, backup). A node whose
#   transport_url names another host, port, vhost or user than its peers
#   (resolved through each node's /etc/hosts, with default ports filled
#   in) never receives its RPC messages. Password differences are
#   SL-PASS-007; a missing transport_url is SL-MQ-001.
#   The authority is the broker's own configuration: connections that
#   reach only nodes whose rabbitmq.conf or rabbitmq-env.conf is in the
#   snapshot, on a port the broker listens on there (listeners.tcp.*,
#   listeners.ssl.*, NODE_PORT; 5672 unset), are the reference (the most
#   common of them, its vhost and user included: those live in the
#   broker's database, not in a file), and connections that differ are
#   compared with it; ties among them are reported. It is used when every
#   connection of the service reaches nodes of the snapshot (a server
#   elsewhere may be a broker too); otherwise, or without such
#   configuration, the connection most nodes use is taken (on a tie, the
#   one on a node running the service's API), and the message says so.
# custom:
#   id: SL-MQ-002
#   scope: aggregate
#   severity: error
#   inputs: [config]
#   remediation: |
#     Give the node the transport_url of the broker its peers use (the
#     guide's rabbit://openstack:RABBIT_PASS@controller) and restart its
#     services.
package stacklint.rules.messaging.broker_drift

import data.stacklint.lib
import data.stacklint.lib.messaging as mq

# aggregate: each nova, neutron and cinder connection ({"written": {service, v,
# show, where, loc, rank, targets, servers}}, rank from its own node's
# services), each port a node's broker listens on ({"broker": ["node:port",
# path]}) and each node's name ({"node": name}); the report judges each
# service's connections against them.
aggregate contains {"written": c} if some c in _written

aggregate contains {"broker": [k, p]} if some k, p in _node_brokers

aggregate contains {"node": name} if some name, _ in input.nodes

_all_written := {r.written | some r in aggregate; r.written}

# _brokers maps "node:port" to the broker configuration file of the node
# (_node_brokers over the fleet).
_brokers := {k: p | some r in aggregate; [k, p] := r.broker}

_nodes := {r.node | some r in aggregate; r.node}

_written contains c if {
	some b in mq.brokers
	b.service in {"nova", "neutron", "cinder"}
	not b.masked # sos masked the URL: its servers are unknown
	b.driver in {"rabbit", "qpid"} # other schemes are SL-MQ-003
	not b.default
	not b.unresolved # a host the node cannot resolve is SL-EP-004
	c := {
		"service": b.service, "v": [b.driver, b.servers, b.vhost, b.user], "show": mq.show(b), "where": mq.where(b), "loc": b.at,
		"rank": count({1 | not lib.runs(input.nodes[b.file.node], _api[b.service])}),
		"targets": {_host(s) | some s in b.servers}, "servers": b.servers,
	}
}

# _host is the node (or address) of an "ident:port" server.
_host(s) := concat(":", array.slice(parts, 0, count(parts) - 1)) if parts := split(s, ":")

# On a tie, the copy on a node running the service's API is the reference.
_api := {"nova": "nova-api", "neutron": "neutron-server", "cinder": "cinder-api"}

# _copies are the connections, each marked "auth" when it reaches only
# brokers whose own configuration is in the snapshot (_brokers), judged
# when every connection of the service reaches nodes of the snapshot.
_copies contains object.union(c, {"auth": _auth(c)}) if some c in _all_written

_auth(c) if {
	_whole(c.service)
	every s in c.servers {
		_brokers[s]
	}
}

default _auth(_) := false

_whole(service) if {
	count(_brokers) > 0
	not _outside[service]
}

# _outside: the services with a connection to a server that is no node of
# the snapshot (computed once, not per connection).
_outside contains c.service if {
	some c in _all_written
	some t in c.targets
	not t in _nodes
}

# _node_brokers maps "node:port" to the broker configuration file of the
# node, for every port its broker listens on: listeners.tcp.* and
# listeners.ssl.* (rabbitmq.conf), NODE_PORT (rabbitmq-env.conf), 5672
# when no TCP listener is written.
_node_brokers := {sprintf("%s:%d", [name, p]): fs[0].path |
	some name, node in input.nodes
	fs := [f | some f in node.files; f.kind == "rabbitmq"; not f.error]
	count(fs) > 0
	some p in _ports(fs)
}

_ports(fs) := _tcp(fs) | {p | some f in fs; some d in f.directives; startswith(d.name, "listeners.ssl."); p := _port(d.args[0])}

_tcp(fs) := ps if {
	ps := {p |
		some f in fs
		some d in f.directives
		_tcp_name(d.name)
		p := _port(d.args[0])
	}
	count(ps) > 0
} else := {5672}

_tcp_name(n) if startswith(n, "listeners.tcp.")

_tcp_name(n) if n in {"NODE_PORT", "RABBITMQ_NODE_PORT"}

# _port is the port of a listener value: "5672", "0.0.0.0:5672", "[::]:5672".
_port(v) := to_number(p) if {
	parts := split(trim_space(v), ":")
	p := parts[count(parts) - 1]
	regex.match(`^[0-9]+$`, p)
}

report contains finding if {
	some service in {c.service | some c in _copies}
	copies := {c | some c in _copies; c.service == service}
	some [c, r] in lib.against(copies)
	finding := {
		"message": _message(service, copies, c, r),
		"locations": [c.loc, r.loc],
	}
}

_message(service, copies, c, r) := sprintf("%s reaches %s, but most %s nodes that reach the broker configured in the snapshot reach %s (%s, %s): RPC messages between them are lost", [c.where, c.show, service, r.show, r.where, lib.tally(lib.authorities(copies), r.v)]) if {
	r.auth
	c.auth
} else := sprintf("%s reaches %s, but the broker whose own configuration is in the snapshot (%s) is reached as %s (%s): RPC messages between them are lost", [c.where, c.show, concat(", ", sort({_brokers[s] | some s in r.servers})), r.show, r.where]) if {
	r.auth
} else := sprintf("%s reaches %s, but %s reaches %s (%s: %s): RPC messages between them are lost", [c.where, c.show, r.where, r.show, _none(service), lib.compared_pref(copies, r, sprintf("the one on a node running %s", [_api[service]]))])

# _none says why the service's connections have no authority.
_none(service) := "no rabbitmq.conf or rabbitmq-env.conf in the snapshot" if count(_brokers) == 0

else := "a connection reaches servers outside the snapshot" if not _whole(service)

else := "no connection reaches only the brokers configured in the snapshot"

# Connections that reach the configured broker differently, in equal
# numbers: no vhost or user is the authority's.
report contains finding if {
	some service in {c.service | some c in _copies}
	firsts := lib.authority_conflict({c | some c in _copies; c.service == service})
	finding := {
		"message": sprintf("%s nodes reach the broker configured in the snapshot in different ways, in equal numbers (%s): RPC messages between them are lost", [service, concat(", ", [sprintf("%s: %s", [r.where, r.show]) | some [_, r] in firsts])]),
		"locations": [r.loc | some [_, r] in firsts],
	}
}
