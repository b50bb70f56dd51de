# METADATA
# title: transport_url uses a driver oslo.messaging does not provide
# description: |
#   The scheme of transport_url selects the oslo.messaging driver. RPC
#   works with rabbit:// (kombu:// is an alias); the AMQP 1.0 driver
#   (amqp://) was removed in oslo.messaging 15.0.0, kafka:// carries only
#   notifications ([oslo_messaging_notifications] transport_url), and any
#   other scheme makes the service fail at start with "No such RPC driver".
# custom:
#   id: SL-MQ-003
#   scope: node
#   severity: error
#   inputs: [config]
#   remediation: |
#     Use rabbit:// in [DEFAULT] transport_url (kafka:// only for
#     notifications) and restart the service.
package stacklint.rules.messaging.transport_scheme

import data.stacklint.lib

_allowed := {"DEFAULT": {"rabbit", "kombu", "fake"}, "oslo_messaging_notifications": {"rabbit", "kombu", "kafka", "fake"}}

report contains finding if {
	some [f, section, key, occ] in lib.keyed(["transport_url"])
	allowed := _allowed[section]
	not occ.url.driver in allowed
	finding := {
		"message": sprintf("%s uses scheme '%s': %s", [lib.where(f, section, key), occ.url.scheme, _why(occ.url.driver, section)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

_why("amqp", _) := "the AMQP 1.0 driver was removed in oslo.messaging 15.0.0"

_why("kafka", "DEFAULT") := "kafka carries notifications only, not RPC"

_why(d, _) := "oslo.messaging has no such driver; the service stops with 'No such RPC driver'" if not d in {"amqp", "kafka"}
