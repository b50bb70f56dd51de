package stacklint.rules.hygiene.dead_config_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.dead_config as rule

_d(kind, sections) := fx.deployment([fx.node("c", [], [fx.file("c", kind, "etc/x", sections)])])

test_live if {
	r := rule.report with input as _d("nova.conf", {
		"neutron": {"service_metadata_proxy": "true", "metadata_proxy_shared_secret": fx.secret("a", 1)},
		"vnc": {"enabled": "true", "server_listen": "0.0.0.0"},
	})
	r == set()
}

test_vnc_disabled if {
	r := rule.report with input as _d("nova.conf", {"vnc": {"enabled": "false", "server_listen": "0.0.0.0"}})
	r == {{
		"message": "nova.conf [vnc] server_listen on c has no effect: [vnc] enabled is false",
		"locations": [{"path": "c/etc/x", "node": "c", "line": 1, "column": 1, "section": "vnc", "key": "server_listen"}],
	}}
}

test_placement_transport if {
	r := rule.report with input as _d("placement.conf", {"DEFAULT": {"transport_url": "rabbit://x"}})
	count(r) == 1
}
