package stacklint.rules.credentials.notifier_nova_credentials_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
import data.stacklint.rules.credentials.notifier_nova_credentials as rule

_nova := fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"username": "nova", "password": fx.secret("aaaaaa", 24)}})

_neutron(user, fp) := fx.file("ctl", "neutron.conf", "etc/neutron/neutron.conf", {"nova": {"username": fx.at(user, 31), "password": fx.secret(fp, 32)}})

_input(neutron) := fx.deployment([fx.node("ctl", ["nova-api", "neutron-server"], [_nova, neutron])])

test_same_credentials if {
	r := rule.report with input as _input(_neutron("nova", "aaaaaa"))
	r == set()
}

test_wrong_password if {
	neutron := _neutron("nova", "cccccc")
	r := rule.report with input as _input(neutron)
	r == {{
		"message": "neutron.conf [nova] password on ctl (fp:cccccc) differs from nova's service password (fp:aaaaaa, nova.conf [keystone_authtoken] password on ctl): port events never reach nova, so boots wait for vif-plugged and time out",
		"locations": [fx.loc(neutron, "nova", "password", 32), fx.loc(_nova, "keystone_authtoken", "password", 24)],
	}}
}

test_wrong_user if {
	r := rule.report with input as _input(_neutron("admin", "aaaaaa"))
	some f in r
	f.locations[0].key == "username"
}

# neutron-server and nova-api on different nodes, each a part of its own:
# the network node's [nova] is compared with the controller's nova copy.
test_two_passes_network_node if {
	neutron := fx.file("net", "neutron.conf", "etc/neutron/neutron.conf", {"nova": {"username": fx.at("nova", 31), "password": fx.secret("cccccc", 32)}})
	d := fx.deployment([fx.node("ctl", ["nova-api"], [_nova]), fx.node("net", ["neutron-server"], [neutron])])
	r := _two_passes(d)
	r == {{
		"message": "neutron.conf [nova] password on net (fp:cccccc) differs from nova's service password (fp:aaaaaa, nova.conf [keystone_authtoken] password on ctl): port events never reach nova, so boots wait for vif-plugged and time out",
		"locations": [fx.loc(neutron, "nova", "password", 32), fx.loc(_nova, "keystone_authtoken", "password", 24)],
	}}
	r == rule.report with input as d
}

# _two_passes is the report as the engine's two passes give it, one node
# per part: each part's aggregate, the report over no nodes.
_two_passes(d) := r if {
	recs := {x | some p in parts.parts(d); some x in _records(p)}
	r := rule.report with rule.aggregate as recs with input as parts.fleet(d)
}

_records(p) := a if a := rule.aggregate with input as p
