# METADATA
# title: Pre-transport_url messaging options
# description: |
#   rpc_backend and the rabbit_host(s)/rabbit_port/rabbit_userid/
#   rabbit_password/rabbit_virtual_host options were replaced by
#   transport_url and are ignored since oslo.messaging 9.0.0 (Rocky); the
#   qpid_* options went with the qpid driver in oslo.messaging 4.0.0
#   (Mitaka).
#   Next to a transport_url they are dead configuration that can mislead a
#   reader; alone (an Icehouse-to-Queens deployment) they are what the
#   release reads, but must be moved into transport_url before upgrading.
# custom:
#   id: SL-MQ-004
#   scope: node
#   severity: info
#   inputs: [config]
#   remediation: |
#     Express the broker as transport_url =
#     rabbit://user:password@host:port/vhost and remove the old options.
package stacklint.rules.messaging.legacy_options

import data.stacklint.lib
import data.stacklint.lib.messaging as mq

report contains finding if {
	some node in input.nodes
	some f in node.files
	found := sort([[occ.line, section, key] |
		some section in ["DEFAULT", "oslo_messaging_rabbit"]
		some key, occs in f.sections[section]
		key in mq.legacy_keys
		occ := occs[0]
	])
	count(found) > 0
	keys := [k | some [_, _, k] in found]
	finding := {
		"message": sprintf("%s on %s sets %s: %s", [f.kind, f.node, concat(", ", keys), _state(f, keys)]),
		"locations": [lib.loc(f, s, k, lib.values(f, s, k)[0]) | some [_, s, k] in found],
	}
}

_state(f, _) := "ignored, transport_url decides the broker" if lib.has(f, "DEFAULT", "transport_url")

_state(f, keys) := sprintf("%s; move the broker into transport_url before upgrading", [_removed(keys)]) if {
	not lib.has(f, "DEFAULT", "transport_url")
}

_removed(keys) := "options removed with the qpid driver in oslo.messaging 4.0.0 (Mitaka)" if {
	every k in keys { startswith(k, "qpid_") }
} else := "options removed in oslo.messaging 9.0.0 (Rocky)" if {
	every k in keys { not startswith(k, "qpid_") }
} else := "qpid_* options removed with the qpid driver in oslo.messaging 4.0.0 (Mitaka), the others in 9.0.0 (Rocky)"
