# METADATA
# title: RabbitMQ queue-type settings clash
# description: |
#   oslo.messaging declares its queues as quorum queues with
#   [oslo_messaging_rabbit] rabbit_quorum_queue = true, and refuses to start
#   ("RuntimeError") when rabbit_ha_queues is also true. Queues are shared
#   by every service on a virtual host, and RabbitMQ rejects a declaration
#   whose arguments differ from the existing queue (PRECONDITION_FAILED
#   inequivalent arg 'x-queue-type'): services on one vhost must agree.
# custom:
#   id: SL-MQ-005
#   severity: error
#   inputs: [config]
#   remediation: |
#     Choose one queue type per virtual host: set rabbit_quorum_queue the
#     same way in every service on it, and drop rabbit_ha_queues when
#     using quorum queues (then delete the old queues once).
package stacklint.rules.messaging.queue_types

import data.stacklint.lib
import data.stacklint.lib.messaging as mq
import data.stacklint.lib.network as net

report contains finding if {
	some [f, "oslo_messaging_rabbit", "rabbit_quorum_queue", occ] in lib.keyed(["rabbit_quorum_queue"])
	net.bool(occ.value)
	net.opt_bool(f, "oslo_messaging_rabbit", "rabbit_ha_queues", false)
	finding := {
		"message": sprintf("%s and rabbit_ha_queues are both true: the service stops with RuntimeError at start", [lib.where(f, "oslo_messaging_rabbit", "rabbit_quorum_queue")]),
		"locations": [lib.loc(f, "oslo_messaging_rabbit", "rabbit_quorum_queue", occ), net.at(f, "oslo_messaging_rabbit", "rabbit_ha_queues")],
	}
}

_copies contains c if {
	some b in mq.brokers
	b.driver == "rabbit"
	not b.default
	not b.unresolved
	f := b.file
	c := {
		"group": [b.servers, b.vhost], "v": net.flag(f, "oslo_messaging_rabbit", "rabbit_quorum_queue", false),
		"where": lib.where(f, "oslo_messaging_rabbit", "rabbit_quorum_queue"), "loc": net.at(f, "oslo_messaging_rabbit", "rabbit_quorum_queue"),
		"pos": [f.path, 0],
	}
}

report contains finding if {
	some group in {c.group | some c in _copies}
	some [c, r] in lib.drift({c | some c in _copies; c.group == group})
	finding := {
		"message": sprintf("%s is %v, but %s is %v on the same vhost %s: one side's queue declarations fail with PRECONDITION_FAILED", [c.where, c.v, r.where, r.v, group[1]]),
		"locations": [c.loc, r.loc],
	}
}
