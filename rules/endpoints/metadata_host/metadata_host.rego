# METADATA
# title: Metadata agent does not point at a nova metadata API
# description: |
#   The neutron metadata agent forwards instance metadata requests to
#   nova_metadata_host (Icehouse: nova_metadata_ip; default 127.0.0.1) on
#   port 8775. That host must run nova's metadata API (a controller's
#   nova-api, or a nova.conf with service_metadata_proxy enabled). When it
#   is unset on a node without one, or names a node of the snapshot that
#   runs none, instances boot without SSH keys or user data. Hosts that do
#   not resolve are SL-EP-004; hosts outside the snapshot are not judged.
#   The option is read in effect for the agent: written in any file it
#   loads (neutron.conf, metadata_agent.ini, config-dirs; the last file
#   with either name wins), else the release's default.
# custom:
#   id: SL-EP-006
#   scope: aggregate
#   severity: error
#   inputs: [metadata_agent.ini]
#   defaults:
#     - [metadata_agent.ini, DEFAULT, nova_metadata_host]
#   remediation: |
#     Set nova_metadata_host in metadata_agent.ini to the controller (or the
#     VIP) that runs nova-api, and restart neutron-metadata-agent.
package stacklint.rules.endpoints.metadata_host

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

# aggregate: each metadata agent's target ({"agent": {reaches (its own
# node, or the name or address its host reaches), named (the setting as
# messages name it), at}}) and each node where no nova metadata API runs
# ({"no_metadata_api": node}); the report pairs them: an agent whose
# target is such a node of the snapshot.
aggregate contains {"agent": {"reaches": m.reaches, "named": _named(m), "at": m.at}} if {
	some m in net.node_metadata_agents
}

aggregate contains {"no_metadata_api": name} if {
	some name, node in input.nodes
	not net.serves_metadata(node)
}

report contains finding if {
	some r in aggregate
	a := r.agent
	{"no_metadata_api": a.reaches} in aggregate
	finding := {
		"message": sprintf("%s, which reaches %s, where no nova metadata API runs: instances get no metadata", [a.named, a.reaches]),
		"locations": [a.at],
	}
}

# _named: "metadata_agent.ini [DEFAULT] nova_metadata_host on network is
# 10.0.0.31", or "... is not set: its default in zed, 127.0.0.1".
_named(m) := sprintf("%s is %s", [lib.where(m.setting.file, "DEFAULT", m.key), m.value]) if m.setting.written

else := settings.unset(m.setting, "DEFAULT", m.key)
