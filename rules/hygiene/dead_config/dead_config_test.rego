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

_layered(kind, dkind, main, drop_in) := fx.deployment([fx.node("c", [], [
	fx.file("c", kind, "etc/main.conf", main),
	fx.file("c", dkind, "etc/main.conf.d/90-local.conf", drop_in),
])])

# A drop-in read after the main file switches the feature on: the main
# file's options act.
test_switched_on_in_drop_in if {
	rule.report with input as _layered("glance-api.conf", "glance-api.conf.d", {"oslo_limit": {"endpoint_id": "e1"}}, {"DEFAULT": {"use_keystone_limits": "true"}}) == set()
	rule.report with input as _layered("nova.conf", "nova.conf.d", {"vnc": {"enabled": "false", "server_listen": "0.0.0.0"}}, {"vnc": {"enabled": "true"}}) == set()
}

# ... or off: the options are dead.
test_switched_off_in_drop_in if {
	r := rule.report with input as _layered("glance-api.conf", "glance-api.conf.d", {"DEFAULT": {"use_keystone_limits": "true"}, "oslo_limit": {"endpoint_id": "e1"}}, {"DEFAULT": {"use_keystone_limits": "false"}})
	r == {{
		"message": "glance-api.conf [oslo_limit] endpoint_id on c has no effect: [DEFAULT] use_keystone_limits is not true",
		"locations": [{"path": "c/etc/main.conf", "node": "c", "line": 1, "column": 1, "section": "oslo_limit", "key": "endpoint_id"}],
	}}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		_d("nova.conf", {"vnc": {"enabled": "false", "server_listen": "0.0.0.0"}}),
		_d("placement.conf", {"DEFAULT": {"transport_url": "rabbit://x"}}),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
