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

# The options are judged in effect: a config-dir file read after the main
# file sets them too (issue 16).
test_ha_and_quorum_across_layers if {
	d := fx.deployment([fx.node("c1", [], [
		fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"oslo_messaging_rabbit": {"rabbit_ha_queues": "true"}}),
		fx.file("c1", "nova.conf.d", "etc/nova/nova.conf.d/q.conf", {"oslo_messaging_rabbit": {"rabbit_quorum_queue": "true"}}),
	])])
	r := rule.report with input as d
	{f.message | some f in r} == {"nova.conf.d [oslo_messaging_rabbit] rabbit_quorum_queue on c1 and nova.conf [oslo_messaging_rabbit] rabbit_ha_queues on c1 are both true: the service stops with RuntimeError at start"}
}

test_quorum_overridden_by_layer if {
	d := fx.deployment([fx.node("c1", [], [
		fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"oslo_messaging_rabbit": {"rabbit_ha_queues": "true", "rabbit_quorum_queue": "true"}}),
		fx.file("c1", "nova.conf.d", "etc/nova/nova.conf.d/q.conf", {"oslo_messaging_rabbit": {"rabbit_quorum_queue": "false"}}),
	])])
	r := rule.report with input as d
	r == set()
}

_defaults := {"zed": {"neutron.conf": {"oslo_messaging_rabbit": {"rabbit_quorum_queue": {"text": "false", "host": false}}}}}

_plain(name, kind) := fx.node(name, [], [object.union(fx.file(name, kind, sprintf("etc/%s", [kind]), {
	"DEFAULT": {"transport_url": fx.transport("rabbit", "ctl", "/", "openstack", "a", 1)},
}), {"headers": [{"name": "DEFAULT", "line": 1}]})])

_layered(name) := fx.node(name, [], [
	fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": fx.transport("rabbit", "ctl", "/", "openstack", "a", 1)}}),
	fx.file(name, "nova.conf.d", "etc/nova/nova.conf.d/q.conf", {"oslo_messaging_rabbit": {"rabbit_quorum_queue": "true"}}),
])

# neutron leaves the option unset (its default: classic queues) while nova
# turns quorum queues on in a config-dir file.
test_unset_against_layer if {
	d := object.union(fx.released_as(fx.deployment([_layered("c1"), _layered("c2"), _plain("c3", "neutron.conf")]), "zed", "2022.2", "auto"), {"defaults": _defaults})
	r := rule.report with input as d
	r == {{
		"message": "neutron.conf [oslo_messaging_rabbit] rabbit_quorum_queue on c3 is not set: its default in zed, false, but nova.conf.d [oslo_messaging_rabbit] rabbit_quorum_queue on c1 is true, on the same vhost / (the queues' type is in the broker, not in a file: compared with the majority, 2 of 3): one side's queue declarations fail with PRECONDITION_FAILED",
		"locations": [
			{"path": "c3/etc/neutron.conf", "node": "c3", "line": 1, "column": 1, "section": "oslo_messaging_rabbit", "key": "rabbit_quorum_queue"},
			{"path": "c1/etc/nova/nova.conf.d/q.conf", "node": "c1", "line": 1, "column": 1, "section": "oslo_messaging_rabbit", "key": "rabbit_quorum_queue"},
		],
	}}
}

# A written false is shown as written.
test_written_false if {
	r := rule.report with input as fx.deployment([_svc("c1", "nova.conf", "true"), _svc("c2", "nova.conf", "true"), _svc("c3", "neutron.conf", "false")])
	{f.message | some f in r} == {"neutron.conf [oslo_messaging_rabbit] rabbit_quorum_queue on c3 is false, but nova.conf [oslo_messaging_rabbit] rabbit_quorum_queue on c1 is true, on the same vhost / (the queues' type is in the broker, not in a file: compared with the majority, 2 of 3): one side's queue declarations fail with PRECONDITION_FAILED"}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_svc("c1", "nova.conf", "true"), _svc("c2", "nova.conf", "true"), _svc("c3", "neutron.conf", "false")]),
		fx.deployment([fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova.conf", {"oslo_messaging_rabbit": {"rabbit_quorum_queue": "true", "rabbit_ha_queues": "true"}})])]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
