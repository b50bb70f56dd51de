package stacklint.rules.nova.vnc_listen_loopback_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.vnc_listen_loopback as rule

_input(v) := fx.deployment([object.union(fx.node("c", ["nova-compute"], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"vnc": {"server_listen": fx.at(v, 21)}})]), {"roles": ["compute"]})])

test_all_addresses if {
	r := rule.report with input as _input("0.0.0.0")
	r == set()
}

test_loopback if {
	r := rule.report with input as _input("127.0.0.1")
	r == {{
		"message": "nova.conf [vnc] server_listen on c = 127.0.0.1 on a compute node: the console proxy on another node cannot reach its instances' consoles",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 21, "column": 1, "section": "vnc", "key": "server_listen"}],
	}}
}

# Unset on a compute node with VNC on: the release's default, 127.0.0.1,
# is the fault (issue 16); the finding points at the [vnc] section.
_unset_node(name, services, vnc) := object.union(
	fx.node(name, services, [object.union(fx.file(name, "nova.conf", "etc/nova/nova.conf", {"vnc": vnc}), {"headers": [{"name": "vnc", "line": 19}]})]),
	{"roles": ["compute"]},
)

_defaults := {"zed": {"nova.conf": {"vnc": {"server_listen": {"text": "127.0.0.1", "host": false}}}}}

_released(n) := object.union(fx.released(fx.deployment([n]), "zed", "auto"), {"defaults": _defaults})

test_unset_default_loopback if {
	r := rule.report with input as _released(_unset_node("c", ["nova-compute"], {"enabled": "true"}))
	r == {{
		"message": "nova.conf [vnc] server_listen on c is not set: its default in zed, 127.0.0.1, a loopback address, on a compute node: the console proxy on another node cannot reach its instances' consoles",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 19, "column": 1, "section": "vnc", "key": "server_listen"}],
	}}
}

test_unset_old_name_written if {
	r := rule.report with input as _released(_unset_node("c", ["nova-compute"], {"vncserver_listen": "0.0.0.0"}))
	r == set()
}

test_unset_vnc_off if {
	r := rule.report with input as _released(_unset_node("c", ["nova-compute"], {"enabled": "false"}))
	r == set()
}

test_unset_all_in_one if {
	r := rule.report with input as _released(_unset_node("c", ["nova-api", "nova-compute"], {"enabled": "true"}))
	r == set()
}

test_unset_no_vnc_configured if {
	r := rule.report with input as _released(_unset_node("c", ["nova-compute"], {}))
	r == set()
}

test_unset_without_defaults if {
	r := rule.report with input as fx.released(fx.deployment([_unset_node("c", ["nova-compute"], {"enabled": "true"})]), "zed", "auto")
	r == set()
}
