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
#   scope: aggregate
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

# aggregate: each node's metadata agents ({"agent": node}) and each node
# serving the metadata API with the option in effect not true
# ({"disabled": {shown, at}}: the message's start and the location); the
# report needs a metadata agent somewhere in the fleet.
aggregate contains {"agent": m.node} if some m in net.metadata_agents

aggregate contains {"disabled": {"shown": _shown(section, key, s), "at": settings.at(s, section, key)}} if {
	some node in input.nodes
	net.serves_metadata(node)
	[section, key, s] := _proxy(node)
	not s.file.error
	not settings.is_true(s)
}

_shown(section, key, s) := sprintf("%s is not true", [lib.where(s.file, section, key)]) if s.written

else := settings.unset(s, section, key)

_agents := {r.agent | some r in aggregate; r.agent}

report contains finding if {
	count(_agents) > 0
	some r in aggregate
	d := r.disabled
	finding := {
		"message": sprintf("%s, but metadata agents on %s proxy to nova: the metadata API ignores their X-Instance-ID and instances get no metadata", [d.shown, concat(", ", sort(_agents))]),
		"locations": [d.at],
	}
}
