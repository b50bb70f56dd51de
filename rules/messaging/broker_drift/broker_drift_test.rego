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
		"message": "nova.conf [DEFAULT] transport_url on c2 reaches rabbit://openstack@controller:5672/nova, but most nova nodes reach rabbit://openstack@controller:5672/ (nova.conf [DEFAULT] transport_url on ctl): RPC messages between them are lost",
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
}
