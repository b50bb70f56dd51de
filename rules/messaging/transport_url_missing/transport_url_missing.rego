# METADATA
# title: No message broker configured for an RPC service
# description: |
#   nova (every role) and neutron (server and agents) talk over RPC. A
#   nova.conf or neutron.conf without transport_url (and without the
#   Icehouse-era rabbit_host/rabbit_hosts/qpid_hostname) falls back to
#   rabbit://guest:guest@localhost:5672/, which on any node but the broker
#   reaches nothing: the install guide's note about "AMQP server on
#   controller:5672 is unreachable" errors. The finding names the
#   release's default of transport_url (rabbit:// from Stein on: the same
#   localhost broker) and points at [DEFAULT].
# custom:
#   id: SL-MQ-001
#   scope: node
#   severity: error
#   inputs: [nova.conf, neutron.conf]
#   defaults:
#     - [nova.conf, DEFAULT, transport_url]
#     - [neutron.conf, DEFAULT, transport_url]
#   remediation: |
#     Set [DEFAULT] transport_url = rabbit://openstack:RABBIT_PASS@controller
#     (with the real password and broker) and restart the service.
package stacklint.rules.messaging.transport_url_missing

import data.stacklint.lib
import data.stacklint.lib.messaging as mq
import data.stacklint.lib.settings

report contains finding if {
	some b in mq.brokers
	b.default
	b.file.kind in {"nova.conf", "neutron.conf"}
	not _set_elsewhere(b)
	finding := {
		"message": sprintf("%s: %s falls back to rabbit://guest@localhost:5672/ and gets no RPC", [_unset(b.file), b.service]),
		"locations": [lib.unset_loc(b.file, "DEFAULT", "transport_url")],
	}
}

# nova-compute.conf may carry the broker for nova.conf on the same node.
_set_elsewhere(b) if {
	some o in mq.brokers
	o.file.node == b.file.node
	o.service == b.service
	not o.default
}

# _unset names the option and, when the release's is known, its default.
_unset(f) := settings.unset(s, "DEFAULT", "transport_url") if {
	d := input.defaults[f.release.name][f.kind].DEFAULT.transport_url
	s := {"written": false, "file": f, "value": d.text, "release": f.release.name}
} else := sprintf("%s on %s sets no transport_url", [f.kind, f.node])
