package stacklint.rules.messaging.notifications_dropped_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.messaging.notifications_dropped as rule

_d(sections) := fx.deployment([fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", sections)])])

test_sent if {
	r := rule.report with input as _d({"notifications": {"notify_on_state_change": "vm_and_task_state"}, "oslo_messaging_notifications": {"driver": "messagingv2"}})
	r == set()
}

test_dropped if {
	r := rule.report with input as _d({"notifications": {"notify_on_state_change": "vm_and_task_state"}})
	r == {{
		"message": "nova.conf [notifications] notify_on_state_change on c1 is vm_and_task_state, but no notification driver is set on c1: the notifications are dropped",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "notifications", "key": "notify_on_state_change"}],
	}}
}
