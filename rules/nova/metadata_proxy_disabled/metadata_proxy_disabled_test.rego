package stacklint.rules.nova.metadata_proxy_disabled_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.metadata_proxy_disabled as rule

_input(sections) := fx.deployment([
	fx.node("ctl", ["nova-api"], [fx.file("ctl", "nova.conf", "etc/nova/nova.conf", sections)]),
	fx.node("net", ["neutron-metadata-agent"], [fx.file("net", "metadata_agent.ini", "etc/neutron/metadata_agent.ini", {"DEFAULT": {}})]),
])

test_enabled if {
	r := rule.report with input as _input({"neutron": {"service_metadata_proxy": "true"}})
	r == set()
}

test_legacy_enabled if {
	r := rule.report with input as _input({"DEFAULT": {"service_neutron_metadata_proxy": "True"}})
	r == set()
}

test_disabled if {
	r := rule.report with input as _input({"neutron": {"service_metadata_proxy": fx.at("false", 58)}})
	r == {{
		"message": "nova.conf [neutron] service_metadata_proxy on ctl is not true, but metadata agents on net proxy to nova: the metadata API ignores their X-Instance-ID and instances get no metadata",
		"locations": [{"path": "ctl/etc/nova/nova.conf", "node": "ctl", "line": 58, "column": 1, "section": "neutron", "key": "service_metadata_proxy"}],
	}}
}

test_unset if {
	r := rule.report with input as _input({"neutron": {}})
	count(r) == 1
}
