package stacklint.rules.hygiene.conflicting_duplicate_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.conflicting_duplicate as rule

_input(occs) := fx.deployment([fx.node("n", [], [{"kind": "nova.conf", "path": "n/etc/nova/nova.conf", "node": "n", "sections": {"libvirt": {"virt_type": occs}}}])])

test_same_value_twice if {
	r := rule.report with input as _input([fx.at("kvm", 3), fx.at("kvm", 9)])
	r == set()
}

test_different_values if {
	r := rule.report with input as _input([fx.at("kvm", 3), fx.at("qemu", 9)])
	r == {{
		"message": "nova.conf [libvirt] virt_type on n is set 2 times with different values; the last (line 9, 'qemu') wins over line 3 ('kvm')",
		"locations": [
			{"path": "n/etc/nova/nova.conf", "node": "n", "line": 3, "column": 1, "section": "libvirt", "key": "virt_type"},
			{"path": "n/etc/nova/nova.conf", "node": "n", "line": 9, "column": 1, "section": "libvirt", "key": "virt_type"},
		],
	}}
}

test_secrets_by_fingerprint if {
	r := rule.report with input as _input([fx.secret("aaaaaa", 3), fx.secret("bbbbbb", 9)])
	some f in r
	contains(f.message, "(line 9, fp:bbbbbb) wins over line 3 (fp:aaaaaa)")
}

test_multi_valued_options_repeat_on_purpose if {
	inp := fx.deployment([fx.node("n", [], [{"kind": "neutron.conf", "path": "n/etc/neutron/neutron.conf", "node": "n", "sections": {"service_providers": {"service_provider": [fx.at("LOADBALANCER:a", 3), fx.at("VPN:b", 4)]}}}])])
	r := rule.report with input as inp
	r == set()
}

_typed(v, line, t) := object.union(fx.at(v, line), {"schema": {"status": "ok", "type": t}})

_neutron(key, occs) := fx.deployment([fx.node("n", [], [{"kind": "neutron.conf", "path": "n/etc/neutron/neutron.conf", "node": "n", "sections": {"DEFAULT": {key: occs}}}])])

test_values_read_alike_are_one_value if {
	rule.report == set() with input as _input([_typed("True", 3, "bool"), _typed("yes", 9, "bool")])
	rule.report == set() with input as _input([_typed("a, b", 3, "list"), _typed("a,b", 9, "list")])
	rule.report == set() with input as _neutron("core_plugin", [fx.at("neutron.plugins.ml2.plugin.Ml2Plugin", 53), fx.at("ml2", 55)])
	rule.report == set() with input as _neutron("service_plugins", [fx.at("router,neutron.services.metering.metering_plugin:MeteringPlugin", 3), fx.at("metering, router", 9)])
}

test_values_read_differently if {
	count(rule.report) == 1 with input as _input([_typed("True", 3, "bool"), _typed("no", 9, "bool")])
	count(rule.report) == 1 with input as _input([_typed("a,b", 3, "list"), _typed("b,a", 9, "list")])
	count(rule.report) == 1 with input as _neutron("service_plugins", [fx.at("router", 3), fx.at("router,qos", 9)])
	count(rule.report) == 1 with input as _input([_typed("True", 3, "str"), _typed("true", 9, "str")])
}
