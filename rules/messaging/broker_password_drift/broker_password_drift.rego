# METADATA
# title: A message-broker user has different passwords
# description: |
#   Every transport_url (and Icehouse-era rabbit_userid/rabbit_password,
#   qpid_username/qpid_password) that logs in as the same user to the same
#   broker servers and virtual host must carry the same password: the
#   broker holds one. Services with another password are refused
#   (ACCESS_REFUSED) and keep retrying; nova-compute and the agents never
#   get their RPC calls. An unset rabbit_password means the default guest.
#   The broker's users live in its own database (rabbitmqctl, Mnesia), not
#   in any file of a snapshot (rabbitmq.conf default_pass applies only to
#   a fresh node), so the password most copies carry is taken, and the
#   message says so.
# custom:
#   id: SL-PASS-007
#   scope: aggregate
#   severity: error
#   inputs: [config]
#   remediation: |
#     Put the password the broker holds for the user (RABBIT_PASS in the
#     guide) in every transport_url listed and restart those services.
package stacklint.rules.messaging.broker_password_drift

import data.stacklint.lib
import data.stacklint.lib.messaging as mq

# aggregate: each node's broker logins with a password ({"copy": {group
# (servers, vhost, user), v (fingerprint), label, where, loc}}); the
# report takes each group's majority over the fleet.
aggregate contains {"copy": c} if some c in _node_copies

_copies := {r.copy | some r in aggregate; r.copy}

_node_copies contains c if {
	some b in mq.brokers
	b.password != ""
	not b.default
	c := {"group": [concat(",", b.servers), b.vhost, b.user], "v": b.password, "label": b.label, "where": mq.where(b), "loc": b.at}
}

report contains finding if {
	some group in {c.group | some c in _copies}
	copies := {c | some c in _copies; c.group == group}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("broker user '%s' on %s vhost '%s': %s (%s) differs from %s (%s), used by %s copies (the broker's own user database is not in a snapshot: %s); the side the broker does not know gets ACCESS_REFUSED", [group[2], group[0], group[1], c.where, c.label, r.where, r.label, lib.tally(copies, r.v), lib.compared_with(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
