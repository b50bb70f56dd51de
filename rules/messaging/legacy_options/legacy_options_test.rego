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

# qpid_* went with the qpid driver in oslo.messaging 4.0.0 (Mitaka), not in
# 9.0.0 with rpc_backend and the rabbit_* options (seed 003, Icehouse).
test_qpid_only if {
	r := rule.report with input as _input({"qpid_hostname": fx.at("controller", 2)})
	{f.message | some f in r} == {"nova.conf on n sets qpid_hostname: options removed with the qpid driver in oslo.messaging 4.0.0 (Mitaka); move the broker into transport_url before upgrading"}
}

test_qpid_and_rpc_backend if {
	r := rule.report with input as _input({"rpc_backend": fx.at("qpid", 2), "qpid_hostname": fx.at("controller", 3)})
	{f.message | some f in r} == {"nova.conf on n sets rpc_backend, qpid_hostname: qpid_* options removed with the qpid driver in oslo.messaging 4.0.0 (Mitaka), the others in 9.0.0 (Rocky); move the broker into transport_url before upgrading"}
}
