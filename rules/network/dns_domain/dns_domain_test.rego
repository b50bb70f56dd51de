package stacklint.rules.network.dns_domain_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.dns_domain as rule

_d(v) := fx.deployment([fx.node("c", [], [fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"dns_domain": v}})])])

test_fqdn if {
	r := rule.report with input as _d("cloud.example.com.")
	r == set()
}

test_default if {
	r := rule.report with input as _d("openstacklocal")
	r == set()
}

test_no_dot if {
	r := rule.report with input as _d("cloud.example.com")
	r == {{
		"message": "neutron.conf [DEFAULT] dns_domain on c is 'cloud.example.com' without the trailing '.': DNS integration publishes names that do not resolve",
		"locations": [{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "dns_domain"}],
	}}
}
