package stacklint.rules.nova.proxyclient_address_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.proxyclient_address as rule

_cmp(name, v) := object.union(
	fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"vnc": {"server_proxyclient_address": v}})]),
	{"roles": ["compute"]},
)

test_from_my_ip if {
	occ := {"value": "10.0.0.31", "raw": "$my_ip", "ip": "10.0.0.31", "line": 1, "column": 1}
	r := rule.report with input as fx.deployment([_cmp("c1", occ), _cmp("c2", object.union(occ, {"ip": "10.0.0.31"}))])
	r == set()
}

test_loopback if {
	r := rule.report with input as fx.deployment([_cmp("c1", {"value": "127.0.0.1", "ip": "127.0.0.1", "line": 1, "column": 1})])
	r == {{
		"message": "nova.conf [vnc] server_proxyclient_address on c1 = 127.0.0.1 is a loopback or unspecified address: consoles of instances on c1 do not open",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "vnc", "key": "server_proxyclient_address"}],
	}}
}

test_copied if {
	occ := {"value": "10.0.0.31", "ip": "10.0.0.31", "line": 1, "column": 1}
	r := rule.report with input as fx.deployment([_cmp("c1", occ), _cmp("c2", occ)])
	count(r) == 1
}

# Unset on a compute node with VNC on: the release's default, 127.0.0.1,
# is the fault (issue 16); the finding points at the [vnc] section.
_unset_node(name, vnc) := object.union(
	fx.node(name, ["nova-compute"], [object.union(fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"my_ip": "10.0.0.31"}, "vnc": vnc}), {"headers": [{"name": "DEFAULT", "line": 1}, {"name": "vnc", "line": 7}]})]),
	{"roles": ["compute"]},
)

_defaults := {"2024.1": {"nova.conf": {"vnc": {"server_proxyclient_address": {"text": "127.0.0.1", "host": false}, "enabled": {"text": "true", "host": false}}}}}

test_unset_default_loopback if {
	d := fx.released_as(fx.deployment([_unset_node("c1", {"enabled": "true"})]), "2024.1", "2024.1", "auto")
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	r == {{
		"message": "nova.conf [vnc] server_proxyclient_address on c1 is not set: its default in 2024.1, 127.0.0.1, is a loopback or unspecified address: consoles of instances on c1 do not open",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 7, "column": 1, "section": "vnc", "key": "server_proxyclient_address"}],
	}}
}

test_unset_vnc_off if {
	d := fx.released_as(fx.deployment([_unset_node("c1", {"enabled": "false"})]), "2024.1", "2024.1", "auto")
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	r == set()
}

test_unset_without_defaults if {
	d := fx.released_as(fx.deployment([_unset_node("c1", {"enabled": "true"})]), "2024.1", "2024.1", "auto")
	r := rule.report with input as d
	r == set()
}

test_unset_all_in_one if {
	n := object.union(_unset_node("c1", {"enabled": "true"}), {"services": ["nova-api", "nova-compute"]})
	d := fx.released_as(fx.deployment([n]), "2024.1", "2024.1", "auto")
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	r == set()
}

test_unset_no_vnc_configured if {
	n := object.union(
		fx.node("c1", ["nova-compute"], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"my_ip": "10.0.0.31"}})]),
		{"roles": ["compute"]},
	)
	d := fx.released_as(fx.deployment([n]), "2024.1", "2024.1", "auto")
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	r == set()
}

# devstack's all-in-one node writes 127.0.0.1 in nova-cpu.conf: the console
# proxy runs there too, so loopback works.
test_loopback_all_in_one if {
	n := object.union(_cmp("c1", {"value": "127.0.0.1", "ip": "127.0.0.1", "line": 1, "column": 1}), {"services": ["nova-api", "nova-compute"]})
	r := rule.report with input as fx.deployment([n])
	r == set()
}
