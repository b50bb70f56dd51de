# METADATA
# title: Compute node cannot talk to neutron
# description: |
#   nova-compute creates, binds and plugs ports through neutron with the
#   credentials of nova.conf [neutron] (auth_type, auth_url, the neutron
#   user and password; Juno to Liberty: admin_username and
#   admin_password; Icehouse: [DEFAULT] neutron_admin_* and neutron_url). A compute node without them in a deployment that runs
#   neutron fails every boot with 401 or "Unauthorized" from neutron.
# custom:
#   id: SL-NOVA-008
#   scope: aggregate
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Copy the [neutron] section of the compute install guide (auth_url,
#     auth_type = password, domains, region_name, project_name = service,
#     username = neutron, password) into the node's nova.conf.
package stacklint.rules.nova.client_sections

import data.stacklint.lib

_kinds := lib.compute_kinds

_has_neutron(node) if lib.effective(node, _kinds, "neutron", "password")

_has_neutron(node) if lib.effective(node, _kinds, "neutron", "application_credential_secret")

_has_neutron(node) if lib.effective(node, _kinds, "DEFAULT", "neutron_admin_password")

_has_neutron(node) if lib.effective(node, _kinds, "neutron", "admin_password") # Juno to Liberty

# _nova_network: an Icehouse node that still uses nova-network.
_nova_network(node) if {
	[_, occ] := lib.effective(node, _kinds, "DEFAULT", "network_api_class")
	not contains(occ.value, "neutron")
}

_nova_network(node) if not lib.effective(node, _kinds, "DEFAULT", "network_api_class")

# aggregate: whether the part holds a neutron.conf ({"neutron_conf":
# true}) and a Queens-era option ({"queens": true}), and each compute
# node's nova.conf without [neutron] credentials ({"missing": [node, path,
# icehouse]}, icehouse when the node looks like an Icehouse nova-network
# node, which Queens-era options elsewhere rule out); the report judges
# them over the fleet.
aggregate contains {"neutron_conf": true} if count(lib.files("neutron.conf")) > 0

aggregate contains {"queens": true} if lib.queens_or_later

aggregate contains {"missing": [name, f.path, _icehouse(node)]} if {
	some name, node in input.nodes
	"compute" in node.roles
	some f in node.files # the node's own file (not a scan of every node's)
	f.kind == "nova.conf"
	not f.error
	not _has_neutron(node)
}

report contains finding if {
	_neutron_conf
	some m in aggregate
	[name, path, icehouse] := m.missing
	not _icehouse_nova_network(icehouse)
	finding := {
		"message": sprintf("nova.conf on compute node %s has no [neutron] credentials: instances on it cannot get ports", [name]),
		"locations": [{"path": path, "node": name, "section": "neutron"}],
	}
}

# _icehouse: the node uses nova-network as Icehouse nodes did, and names
# no neutron URL.
_icehouse(node) if {
	_nova_network(node)
	not lib.effective(node, _kinds, "neutron", "url")
}

default _icehouse(_) := false

# Before Juno the [neutron] section did not exist; nodes without
# network_api_class = ...neutron... used nova-network.
_icehouse_nova_network(true) if not _queens

_queens if {
	some r in aggregate
	r.queens
}

_neutron_conf if {
	some r in aggregate
	r.neutron_conf
}
