package stacklint.rules.messaging.queue_types_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.messaging.queue_types as rule

_svc(name, kind, quorum) := fx.node(name, [], [fx.file(name, kind, sprintf("etc/%s", [kind]), {
	"DEFAULT": {"transport_url": fx.transport("rabbit", "ctl", "/", "openstack", "a", 1)},
	"oslo_messaging_rabbit": {"rabbit_quorum_queue": quorum},
})])

test_agree if {
	r := rule.report with input as fx.deployment([_svc("c1", "nova.conf", "true"), _svc("c2", "neutron.conf", "True")])
	r == set()
}

test_both_ha_and_quorum if {
	d := fx.deployment([fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova.conf", {"oslo_messaging_rabbit": {"rabbit_quorum_queue": "true", "rabbit_ha_queues": "true"}})])])
	r := rule.report with input as d
	r == {{
		"message": "nova.conf [oslo_messaging_rabbit] rabbit_quorum_queue on c1 and rabbit_ha_queues are both true: the service stops with RuntimeError at start",
		"locations": [
			{"path": "c1/etc/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "oslo_messaging_rabbit", "key": "rabbit_quorum_queue"},
			{"path": "c1/etc/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "oslo_messaging_rabbit", "key": "rabbit_ha_queues"},
		],
	}}
}

test_vhost_disagrees if {
	r := rule.report with input as fx.deployment([_svc("c1", "nova.conf", "true"), _svc("c2", "nova.conf", "true"), _svc("c3", "neutron.conf", "false")])
	count(r) == 1
}
