# METADATA
# title: nova notifications switched on but sent nowhere
# description: |
#   For the record: nova emits instance notifications when [notifications]
#   notify_on_state_change (Icehouse: [DEFAULT]) is set, but
#   oslo.messaging sends them only through [oslo_messaging_notifications]
#   driver (Icehouse: [DEFAULT] notification_driver); unset or noop drops
#   every one. A consumer (ceilometer, a billing hook) that expects them
#   sees nothing.
# custom:
#   id: SL-MQ-008
#   scope: node
#   severity: info
#   inputs: [nova.conf]
#   remediation: |
#     Set [oslo_messaging_notifications] driver = messagingv2 on the nova
#     nodes whose notifications are consumed, or drop
#     notify_on_state_change.
package stacklint.rules.messaging.notifications_dropped

import data.stacklint.lib

_kinds := lib.compute_kinds

_emits(node) := [f, s, occ] if {
	some s in ["notifications", "DEFAULT"]
	[f, occ] := lib.effective(node, _kinds, s, "notify_on_state_change")
	lower(trim_space(occ.value)) in {"vm_state", "vm_and_task_state"}
}

_driver(node) := lower(trim_space(occ.value)) if {
	[_, occ] := lib.effective(node, _kinds, "oslo_messaging_notifications", "driver")
} else := lower(trim_space(occ.value)) if {
	[_, occ] := lib.effective(node, _kinds, "DEFAULT", "notification_driver")
} else := ""

report contains finding if {
	some name, node in input.nodes
	[f, s, occ] := _emits(node)
	_driver(node) in {"", "noop"}
	finding := {
		"message": sprintf("%s is %s, but no notification driver is set on %s: the notifications are dropped", [lib.where(f, s, "notify_on_state_change"), occ.value, name]),
		"locations": [lib.loc(f, s, "notify_on_state_change", occ)],
	}
}
