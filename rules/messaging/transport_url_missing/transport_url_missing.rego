# METADATA
# title: No message broker configured for an RPC service
# description: |
#   nova (every role) and neutron (server and agents) talk over RPC. A
#   nova.conf or neutron.conf without transport_url (and without the
#   Icehouse-era rabbit_host/rabbit_hosts/qpid_hostname) falls back to
#   rabbit://guest:guest@localhost:5672/, which on any node but the broker
#   reaches nothing: the install guide's note about "AMQP server on
#   controller:5672 is unreachable" errors.
# custom:
#   id: SL-MQ-001
#   severity: error
#   inputs: [nova.conf, neutron.conf]
#   remediation: |
#     Set [DEFAULT] transport_url = rabbit://openstack:RABBIT_PASS@controller
#     (with the real password and broker) and restart the service.
package stacklint.rules.messaging.transport_url_missing

import data.stacklint.lib.messaging as mq

report contains finding if {
	some b in mq.brokers
	b.default
	b.file.kind in {"nova.conf", "neutron.conf"}
	not _set_elsewhere(b)
	finding := {
		"message": sprintf("%s on %s sets no transport_url: %s falls back to rabbit://guest@localhost:5672/ and gets no RPC", [b.file.kind, b.file.node, b.service]),
		"locations": [{"path": b.file.path, "node": b.file.node, "section": "DEFAULT", "key": "transport_url"}],
	}
}

# nova-compute.conf may carry the broker for nova.conf on the same node.
_set_elsewhere(b) if {
	some o in mq.brokers
	o.file.node == b.file.node
	o.service == b.service
	not o.default
}
