# METADATA
# title: nova metadata API does not accept neutron's proxied requests
# description: |
#   When neutron's metadata agent forwards instance requests, nova's
#   metadata API must be told to trust its X-Instance-ID headers with
#   [neutron] service_metadata_proxy = true (Icehouse: [DEFAULT]
#   service_neutron_metadata_proxy). It defaults to false: nova then ignores
#   the headers and instances get 404 or the wrong metadata. Checked on
#   every node that serves the metadata API when the snapshot has metadata
#   agents, on the value in effect: written in nova.conf (or a file layered
#   with it), else the default of the node's release.
# custom:
#   id: SL-NOVA-009
#   severity: error
#   inputs: [metadata_agent.ini]
#   defaults:
#     - [nova.conf, neutron, service_metadata_proxy]
#   remediation: |
#     Set service_metadata_proxy = true in nova.conf [neutron] (with the
#     shared secret) on every nova-api node and restart nova-api.
package stacklint.rules.nova.metadata_proxy_disabled

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

_kinds := ["nova.conf"]

# _proxy is [section, key, setting] of the option in effect on a node: the
# current name when written, else the Icehouse name when written, else the
# current name's default in the node's release.
_proxy(node) := ["DEFAULT", "service_neutron_metadata_proxy", s] if {
	not lib.effective(node, _kinds, "neutron", "service_metadata_proxy")
	[f, occ] := lib.effective(node, _kinds, "DEFAULT", "service_neutron_metadata_proxy")
	s := {"written": true, "file": f, "occ": occ, "value": occ.value}
} else := ["neutron", "service_metadata_proxy", lib.setting(node, _kinds, "neutron", "service_metadata_proxy")]

_agents := concat(", ", sort({m.node | some m in net.metadata_agents}))

_disabled contains [section, key, s] if {
	count(net.metadata_agents) > 0
	some node in input.nodes
	net.serves_metadata(node)
	[section, key, s] := _proxy(node)
	not s.file.error
	not settings.is_true(s)
}

report contains finding if {
	some [section, key, s] in _disabled
	s.written
	finding := {
		"message": sprintf("%s is not true, but metadata agents on %s proxy to nova: the metadata API ignores their X-Instance-ID and instances get no metadata", [lib.where(s.file, section, key), _agents]),
		"locations": [settings.at(s, section, key)],
	}
}

report contains finding if {
	some [section, key, s] in _disabled
	not s.written
	finding := {
		"message": sprintf("%s, but metadata agents on %s proxy to nova: the metadata API ignores their X-Instance-ID and instances get no metadata", [settings.unset(s, section, key), _agents]),
		"locations": [settings.at(s, section, key)],
	}
}
