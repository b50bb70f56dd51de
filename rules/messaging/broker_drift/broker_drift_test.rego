package stacklint.rules.messaging.broker_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.messaging.broker_drift as rule

_nova(node, host, vhost) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": fx.transport("rabbit", host, vhost, "openstack", "aaaaaa", 2)}})

_input(c2) := fx.deployment([
	fx.node("ctl", ["nova-api"], [_nova("ctl", "controller", "")]),
	fx.node("c1", ["nova-compute"], [_nova("c1", "controller", "")]),
	fx.node("c2", ["nova-compute"], [c2]),
])

test_same_broker if {
	r := rule.report with input as _input(_nova("c2", "controller", ""))
	r == set()
}

test_other_vhost if {
	r := rule.report with input as _input(_nova("c2", "controller", "nova"))
	r == {{
		"message": "nova.conf [DEFAULT] transport_url on c2 reaches rabbit://openstack@controller:5672/nova, but nova.conf [DEFAULT] transport_url on ctl reaches rabbit://openstack@controller:5672/ (no rabbitmq.conf or rabbitmq-env.conf in the snapshot: compared with the majority, 2 of 3): RPC messages between them are lost",
		"locations": [fx.loc(_nova("c2", "", ""), "DEFAULT", "transport_url", 2), fx.loc(_nova("ctl", "", ""), "DEFAULT", "transport_url", 2)],
	}}
}

test_tie_blames_the_compute if {
	inp := fx.deployment([
		fx.node("ctl", ["nova-api"], [_nova("ctl", "controller", "")]),
		fx.node("a1", ["nova-compute"], [_nova("a1", "network", "")]),
	])
	r := rule.report with input as inp
	some f in r
	f.locations[0].node == "a1"
	contains(f.message, "(no rabbitmq.conf or rabbitmq-env.conf in the snapshot: compared with the one on a node running nova-api, as no two agree, 1 of 2)")
}

# Connections that reach nodes of the snapshot (transport URLs whose hosts
# reach them).
_at(node, host, port, vhost) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": {
	"value": "(url)", "line": 2, "column": 1,
	"url": {
		"scheme": "rabbit", "driver": "rabbit", "vhost": vhost, "user": "openstack", "password_fp": "aaaaaa",
		"hosts": [{"host": host, "port": port, "user": "openstack", "password_fp": "aaaaaa", "resolved": ["10.0.0.1"], "reaches": host}],
	},
}}})

_rabbitmq(node, directives) := {"kind": "rabbitmq", "path": sprintf("%s/etc/rabbitmq/rabbitmq.conf", [node]), "node": node, "directives": directives}

_listen(port) := [{"line": 1, "name": "listeners.tcp.default", "args": [port], "block": ""}]

# Two compute nodes reach a broker on c1, where none is configured; the
# controller's broker configuration makes its connection the authority.
test_broker_configuration_is_the_authority if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["nova-api"], [_at("ctl", "ctl", 5672, ""), _rabbitmq("ctl", [])]),
		fx.node("c1", ["nova-compute"], [_at("c1", "c1", 5672, "")]),
		fx.node("c2", ["nova-compute"], [_at("c2", "c1", 5672, "")]),
	])
	r == {
		{
			"message": "nova.conf [DEFAULT] transport_url on c1 reaches rabbit://openstack@c1:5672/, but the broker whose own configuration is in the snapshot (ctl/etc/rabbitmq/rabbitmq.conf) is reached as rabbit://openstack@ctl:5672/ (nova.conf [DEFAULT] transport_url on ctl): RPC messages between them are lost",
			"locations": [fx.loc(_at("c1", "", 0, ""), "DEFAULT", "transport_url", 2), fx.loc(_at("ctl", "", 0, ""), "DEFAULT", "transport_url", 2)],
		},
		{
			"message": "nova.conf [DEFAULT] transport_url on c2 reaches rabbit://openstack@c1:5672/, but the broker whose own configuration is in the snapshot (ctl/etc/rabbitmq/rabbitmq.conf) is reached as rabbit://openstack@ctl:5672/ (nova.conf [DEFAULT] transport_url on ctl): RPC messages between them are lost",
			"locations": [fx.loc(_at("c2", "", 0, ""), "DEFAULT", "transport_url", 2), fx.loc(_at("ctl", "", 0, ""), "DEFAULT", "transport_url", 2)],
		},
	}
}

# The broker listens on 5673 only: no connection reaches it, the majority
# is taken and the message says so.
test_broker_on_another_port if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["nova-api"], [_at("ctl", "ctl", 5672, ""), _rabbitmq("ctl", _listen("0.0.0.0:5673"))]),
		fx.node("c1", ["nova-compute"], [_at("c1", "c1", 5672, "")]),
		fx.node("c2", ["nova-compute"], [_at("c2", "c1", 5672, "")]),
	])
	count(r) == 1
	some f in r
	contains(f.message, " (no connection reaches only the brokers configured in the snapshot: compared with the majority, 2 of 3)")
}

# Connections that reach the configured broker agree on it but differ in
# vhost: the most common among them is the reference.
test_vhost_among_authorities if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["nova-api"], [_at("ctl", "ctl", 5672, ""), _rabbitmq("ctl", _listen("5672"))]),
		fx.node("c1", ["nova-compute"], [_at("c1", "ctl", 5672, "")]),
		fx.node("c2", ["nova-compute"], [_at("c2", "ctl", 5672, "nova")]),
	])
	r == {{
		"message": "nova.conf [DEFAULT] transport_url on c2 reaches rabbit://openstack@ctl:5672/nova, but most nova nodes that reach the broker configured in the snapshot reach rabbit://openstack@ctl:5672/ (nova.conf [DEFAULT] transport_url on ctl, 2 of 3): RPC messages between them are lost",
		"locations": [fx.loc(_at("c2", "", 0, ""), "DEFAULT", "transport_url", 2), fx.loc(_at("ctl", "", 0, ""), "DEFAULT", "transport_url", 2)],
	}}
}

test_authority_agrees if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["nova-api"], [_at("ctl", "ctl", 5672, ""), _rabbitmq("ctl", [])]),
		fx.node("c1", ["nova-compute"], [_at("c1", "ctl", 5672, "")]),
	])
	r == set()
}

test_configured_brokers_tie if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["nova-api"], [_at("ctl", "ctl", 5672, ""), _rabbitmq("ctl", [])]),
		fx.node("c1", ["nova-compute"], [_at("c1", "ctl", 5672, "nova")]),
	])
	r == {{
		"message": "nova nodes reach the broker configured in the snapshot in different ways, in equal numbers (nova.conf [DEFAULT] transport_url on c1: rabbit://openstack@ctl:5672/nova, nova.conf [DEFAULT] transport_url on ctl: rabbit://openstack@ctl:5672/): RPC messages between them are lost",
		"locations": [fx.loc(_at("c1", "", 0, ""), "DEFAULT", "transport_url", 2), fx.loc(_at("ctl", "", 0, ""), "DEFAULT", "transport_url", 2)],
	}}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		_input(_nova("c2", "controller", "nova")),
		fx.deployment([fx.node("ctl", ["nova-api"], [_at("ctl", "ctl", 5672, ""), _rabbitmq("ctl", [])]), fx.node("c1", ["nova-compute"], [_at("c1", "c1", 5672, "")]), fx.node("c2", ["nova-compute"], [_at("c2", "c1", 5672, "")])]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}

# cinder's nodes (api on the controller, volume on a storage node) must
# reach one broker too.
_cinder(node, port) := object.union(_at(node, "controller", port, ""), {"kind": "cinder.conf", "path": sprintf("%s/etc/cinder/cinder.conf", [node])})

test_cinder_storage_on_another_port if {
	d := fx.deployment([
		fx.node("ctl", ["cinder-api"], [_cinder("ctl", 5672)]),
		fx.node("s1", ["cinder-volume"], [_cinder("s1", 5672)]),
		fx.node("s2", ["cinder-volume"], [_cinder("s2", 5673)]),
	])
	r := rule.report with input as d
	count(r) == 1
	some f in r
	f.locations[0].node == "s2"
}

# sos masks a transport_url's password with a greedy pattern that keeps
# only the last host of a list: the servers of a masked URL are unknown.
test_masked_url_not_compared if {
	url := {"value": "(url)", "line": 2, "column": 1, "url": {
		"scheme": "rabbit", "driver": "rabbit", "vhost": "", "user": "openstack",
		"hosts": [{"host": "h3", "port": 5672, "user": "openstack", "password_masked": true}],
	}}
	masked := fx.file("c2", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": url}})
	r := rule.report with input as _input(masked)
	r == set()
	clear := fx.file("c2", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": json.patch(url, [{"op": "remove", "path": "/url/hosts/0/password_masked"}])}})
	count(rule.report) == 1 with input as _input(clear)
}
