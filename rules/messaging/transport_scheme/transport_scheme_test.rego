package stacklint.rules.messaging.transport_scheme_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.messaging.transport_scheme as rule

_input(section, driver) := fx.deployment([fx.node("n", [], [fx.file("n", "nova.conf", "etc/nova/nova.conf", {section: {"transport_url": fx.transport(driver, "controller", "", "u", "aaaaaa", 2)}})])])

test_rabbit_and_kafka_notifications if {
	r := rule.report with input as _input("DEFAULT", "rabbit")
	r == set()
	n := rule.report with input as _input("oslo_messaging_notifications", "kafka")
	n == set()
}

test_kafka_for_rpc if {
	r := rule.report with input as _input("DEFAULT", "kafka")
	r == {{
		"message": "nova.conf [DEFAULT] transport_url on n uses scheme 'kafka': kafka carries notifications only, not RPC",
		"locations": [{"path": "n/etc/nova/nova.conf", "node": "n", "line": 2, "column": 1, "section": "DEFAULT", "key": "transport_url"}],
	}}
}

test_unknown_driver if {
	r := rule.report with input as _input("DEFAULT", "rabit")
	some f in r
	contains(f.message, "no such driver")
}
