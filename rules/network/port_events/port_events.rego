# METADATA
# title: nova waits for port events neutron never sends
# description: |
#   nova-compute plugs a VIF and waits vif_plugging_timeout seconds for
#   neutron's network-vif-plugged event; with vif_plugging_is_fatal = true
#   (the default) a missing event fails the boot. neutron-server sends
#   those events only with notify_nova_on_port_status_changes = true (the
#   default) and working [nova] credentials (Icehouse: nova_admin_*).
#   Either missing on the server, and every boot waits five minutes and
#   fails with "Virtual Interface creation failed". Options are read in
#   effect: the server's in every file neutron-server loads (neutron.conf,
#   the ML2 file, config-dirs), the compute node's in nova.conf and
#   nova-compute.conf, an unset one being its release's default.
# custom:
#   id: SL-NET-017
#   scope: aggregate
#   severity: error
#   inputs: [neutron.conf]
#   defaults:
#     - [neutron.conf, DEFAULT, notify_nova_on_port_status_changes]
#     - [nova.conf, DEFAULT, vif_plugging_is_fatal]
#   remediation: |
#     Set notify_nova_on_port_status_changes = true and
#     notify_nova_on_port_data_changes = true in neutron.conf and give it a
#     [nova] section with nova's credentials, as the install guide does.
package stacklint.rules.network.port_events

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

# aggregate: each compute node that fails boots on a missing event
# ({"fatal": node}), each neutron-server that sends no port events
# ({"off": {off, at}}: its notify_nova_on_port_status_changes in effect,
# known and not true, named and located) and each that would but has no
# [nova] credentials ({"no_credentials": {node, path}}).
aggregate contains {"fatal": name} if {
	some name, node in input.nodes
	"compute" in node.roles
	settings.is_true(lib.setting(node, lib.compute_kinds, "DEFAULT", "vif_plugging_is_fatal"))
}

aggregate contains {"off": {"off": _off(s), "at": settings.at(s, "DEFAULT", "notify_nova_on_port_status_changes")}} if {
	some [node, f] in _servers
	s := _notify(node, f)
	net.known(s)
	not settings.is_true(s)
}

aggregate contains {"no_credentials": {"node": f.node, "path": f.path}} if {
	some [node, f] in _servers
	settings.is_true(_notify(node, f))
	_no_credentials(node, f)
}

_servers := [[node, f] |
	some [name, f] in lib.files("neutron.conf")
	node := input.nodes[name]
	lib.runs(node, "neutron-server")
]

# _fatal: the compute nodes that fail boots on a missing event.
_fatal := [r.fatal | some r in aggregate; r.fatal]

# _written: the server sets the option in some file it loads.
_written(node, f, section, key) if net.setting(node, "neutron-server", f, section, key).written

_no_credentials(node, f) if {
	not _written(node, f, "nova", "password")
	not _written(node, f, "DEFAULT", "nova_admin_password")
	not _written(node, f, "nova", "auth_plugin") # a token or other plugin: not ours to judge
}

_notify(node, f) := net.setting(node, "neutron-server", f, "DEFAULT", "notify_nova_on_port_status_changes")

report contains finding if {
	count(_fatal) > 0
	some r in aggregate
	s := r.off
	finding := {
		"message": sprintf("%s, but %s fail boots without the vif-plugged event (vif_plugging_is_fatal): every boot times out", [s.off, concat(", ", sort(_fatal))]),
		"locations": [s.at],
	}
}

_off(s) := sprintf("%s is false", [lib.where(s.file, "DEFAULT", "notify_nova_on_port_status_changes")]) if s.written

else := settings.unset(s, "DEFAULT", "notify_nova_on_port_status_changes")

report contains finding if {
	count(_fatal) > 0
	some r in aggregate
	f := r.no_credentials
	finding := {
		"message": sprintf("neutron.conf on %s has no [nova] credentials, so it cannot send port events, but %s fail boots without them (vif_plugging_is_fatal): every boot times out", [f.node, concat(", ", sort(_fatal))]),
		"locations": [{"path": f.path, "node": f.node, "section": "nova"}],
	}
}
