package stacklint.rules.messaging.transport_url_missing_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.messaging.transport_url_missing as rule

test_set if {
	f := fx.file("c1", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"transport_url": fx.transport("rabbit", "controller", "", "openstack", "aaaaaa", 2)}})
	r := rule.report with input as fx.deployment([fx.node("c1", [], [f])])
	r == set()
}

test_legacy_qpid_host_counts if {
	f := fx.file("c1", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {
		"rpc_backend": "neutron.openstack.common.rpc.impl_qpid",
		"qpid_hostname": {"value": "controller", "line": 4, "column": 1, "host_refs": [{"host": "controller", "port": 0}]},
	}})
	r := rule.report with input as fx.deployment([fx.node("c1", [], [f])])
	r == set()
}

test_missing if {
	f := fx.file("c1", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"core_plugin": "ml2"}})
	r := rule.report with input as fx.deployment([fx.node("c1", [], [f])])
	r == {{
		"message": "neutron.conf on c1 sets no transport_url: neutron falls back to rabbit://guest@localhost:5672/ and gets no RPC",
		"locations": [{"path": "c1/etc/neutron/neutron.conf", "node": "c1", "line": 1, "column": 1, "section": "DEFAULT", "key": "transport_url"}],
	}}
}

# With the release's default known: named as other unset options are.
test_missing_with_default if {
	f := object.union(fx.file("c1", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"core_plugin": "ml2"}}), {"headers": [{"name": "DEFAULT", "line": 3}]})
	d := fx.released(fx.deployment([fx.node("c1", [], [f])]), "zed", "auto")
	r := rule.report with input as object.union(d, {"defaults": {"zed": {"neutron.conf": {"DEFAULT": {"transport_url": {"text": "rabbit://", "host": false}}}}}})
	r == {{
		"message": "neutron.conf [DEFAULT] transport_url on c1 is not set: its default in zed, rabbit://: neutron falls back to rabbit://guest@localhost:5672/ and gets no RPC",
		"locations": [{"path": "c1/etc/neutron/neutron.conf", "node": "c1", "line": 3, "column": 1, "section": "DEFAULT", "key": "transport_url"}],
	}}
}
