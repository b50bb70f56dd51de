# METADATA
# title: nova waits for port events neutron never sends
# description: |
#   nova-compute plugs a VIF and waits vif_plugging_timeout seconds for
#   neutron's network-vif-plugged event; with vif_plugging_is_fatal = true
#   (the default) a missing event fails the boot. neutron-server sends
#   those events only with notify_nova_on_port_status_changes = true (the
#   default) and working [nova] credentials (Icehouse: nova_admin_*).
#   Either missing on the server, and every boot waits five minutes and
#   fails with "Virtual Interface creation failed".
# custom:
#   id: SL-NET-017
#   severity: error
#   inputs: [neutron.conf]
#   remediation: |
#     Set notify_nova_on_port_status_changes = true and
#     notify_nova_on_port_data_changes = true in neutron.conf and give it a
#     [nova] section with nova's credentials, as the install guide does.
package stacklint.rules.network.port_events

import data.stacklint.lib
import data.stacklint.lib.network as net

_servers := [f |
	some [name, f] in lib.files("neutron.conf")
	lib.runs(input.nodes[name], "neutron-server")
]

# _fatal: some compute node fails boots on a missing event.
_fatal := [name |
	some name, node in input.nodes
	"compute" in node.roles
	_node_fatal(node)
]

_node_fatal(node) if {
	[f, occ] := lib.effective(node, ["nova.conf", "nova-compute.conf"], "DEFAULT", "vif_plugging_is_fatal")
	net.bool(occ.value)
} else if {
	not lib.effective(node, ["nova.conf", "nova-compute.conf"], "DEFAULT", "vif_plugging_is_fatal")
}

_no_credentials(f) if {
	not lib.has(f, "nova", "password")
	not lib.has(f, "DEFAULT", "nova_admin_password")
	not lib.has(f, "nova", "auth_plugin") # a token or other plugin: not ours to judge
}

report contains finding if {
	count(_fatal) > 0
	some f in _servers
	occ := lib.last(f, "DEFAULT", "notify_nova_on_port_status_changes")
	not net.bool(occ.value)
	finding := {
		"message": sprintf("%s is false, but %s fail boots without the vif-plugged event (vif_plugging_is_fatal): every boot times out", [lib.where(f, "DEFAULT", "notify_nova_on_port_status_changes"), concat(", ", sort(_fatal))]),
		"locations": [lib.loc(f, "DEFAULT", "notify_nova_on_port_status_changes", occ)],
	}
}

report contains finding if {
	count(_fatal) > 0
	some f in _servers
	net.opt_bool(f, "DEFAULT", "notify_nova_on_port_status_changes", true)
	_no_credentials(f)
	finding := {
		"message": sprintf("neutron.conf on %s has no [nova] credentials, so it cannot send port events, but %s fail boots without them (vif_plugging_is_fatal): every boot times out", [f.node, concat(", ", sort(_fatal))]),
		"locations": [{"path": f.path, "node": f.node, "section": "nova"}],
	}
}
