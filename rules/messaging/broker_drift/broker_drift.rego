# METADATA
# title: Nodes of a service use different brokers, vhosts or users
# description: |
#   All nova nodes must reach the same broker servers, port and virtual
#   host (nova-compute listens where the conductor and scheduler send, and
#   cell mappings were created from the controller's transport_url), and
#   likewise all neutron nodes: server and agents. A node whose
#   transport_url names another host, port, vhost or user than most of its
#   peers (resolved through each node's /etc/hosts, with default ports
#   filled in) never receives its RPC messages. Password differences are
#   SL-PASS-007; a missing transport_url is SL-MQ-001.
# custom:
#   id: SL-MQ-002
#   severity: error
#   inputs: [config]
#   remediation: |
#     Give the node the same transport_url as its peers (the guide's
#     rabbit://openstack:RABBIT_PASS@controller) and restart its services.
package stacklint.rules.messaging.broker_drift

import data.stacklint.lib
import data.stacklint.lib.messaging as mq

_copies contains c if {
	some b in mq.brokers
	b.service in {"nova", "neutron"}
	b.driver in {"rabbit", "qpid"} # other schemes are SL-MQ-003
	not b.default
	not b.unresolved # a host the node cannot resolve is SL-EP-004
	c := {
		"service": b.service, "v": [b.driver, b.servers, b.vhost, b.user], "show": mq.show(b), "where": mq.where(b), "loc": b.at,
		"rank": count({1 | not lib.runs(input.nodes[b.file.node], _api[b.service])}),
	}
}

# On a tie, the copy on a node running the service's API is the reference.
_api := {"nova": "nova-api", "neutron": "neutron-server"}

report contains finding if {
	some service in {c.service | some c in _copies}
	some [c, r] in lib.drift({c | some c in _copies; c.service == service})
	finding := {
		"message": sprintf("%s reaches %s, but most %s nodes reach %s (%s): RPC messages between them are lost", [c.where, c.show, service, r.show, r.where]),
		"locations": [c.loc, r.loc],
	}
}
