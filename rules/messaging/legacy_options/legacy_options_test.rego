package stacklint.rules.messaging.legacy_options_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.messaging.legacy_options as rule

_input(defaults) := fx.deployment([fx.node("n", [], [fx.file("n", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": defaults})])])

test_transport_url_only if {
	r := rule.report with input as _input({"transport_url": "rabbit://u:p@controller"})
	r == set()
}

test_legacy_only if {
	r := rule.report with input as _input({"rpc_backend": fx.at("rabbit", 2), "rabbit_host": fx.at("controller", 3)})
	r == {{
		"message": "nova.conf on n sets rpc_backend, rabbit_host: options removed in oslo.messaging 9.0.0 (Rocky); move the broker into transport_url before upgrading",
		"locations": [
			{"path": "n/etc/nova/nova.conf", "node": "n", "line": 2, "column": 1, "section": "DEFAULT", "key": "rpc_backend"},
			{"path": "n/etc/nova/nova.conf", "node": "n", "line": 3, "column": 1, "section": "DEFAULT", "key": "rabbit_host"},
		],
	}}
}

test_ignored_next_to_transport_url if {
	r := rule.report with input as _input({"transport_url": "rabbit://u:p@controller", "rabbit_host": fx.at("controller", 3)})
	some f in r
	endswith(f.message, "ignored, transport_url decides the broker")
}
