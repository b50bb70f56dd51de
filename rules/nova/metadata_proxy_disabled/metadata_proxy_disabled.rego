# METADATA
# title: nova metadata API does not accept neutron's proxied requests
# description: |
#   When neutron's metadata agent forwards instance requests, nova's
#   metadata API must be told to trust its X-Instance-ID headers with
#   [neutron] service_metadata_proxy = true (Icehouse: [DEFAULT]
#   service_neutron_metadata_proxy). It defaults to false: nova then ignores
#   the headers and instances get 404 or the wrong metadata. Checked on
#   every node that serves the metadata API when the snapshot has metadata
#   agents.
# custom:
#   id: SL-NOVA-009
#   severity: error
#   inputs: [metadata_agent.ini]
#   remediation: |
#     Set service_metadata_proxy = true in nova.conf [neutron] (with the
#     shared secret) on every nova-api node and restart nova-api.
package stacklint.rules.nova.metadata_proxy_disabled

import data.stacklint.lib
import data.stacklint.lib.network as net

_key(f) := ["neutron", "service_metadata_proxy"] if lib.has(f, "neutron", "service_metadata_proxy")

else := ["DEFAULT", "service_neutron_metadata_proxy"] if lib.has(f, "DEFAULT", "service_neutron_metadata_proxy")

else := ["neutron", "service_metadata_proxy"]

report contains finding if {
	count(net.metadata_agents) > 0
	some node in input.nodes
	net.serves_metadata(node)
	some f in node.files
	f.kind == "nova.conf"
	not f.error
	[section, key] := _key(f)
	not net.opt_bool(f, section, key, false)
	agents := sort({m.node | some m in net.metadata_agents})
	finding := {
		"message": sprintf("%s is not true, but metadata agents on %s proxy to nova: the metadata API ignores their X-Instance-ID and instances get no metadata", [lib.where(f, section, key), concat(", ", agents)]),
		"locations": [net.at(f, section, key)],
	}
}
