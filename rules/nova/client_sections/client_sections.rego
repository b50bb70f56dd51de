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

report contains finding if {
	count(lib.files("neutron.conf")) > 0
	some name, node in input.nodes
	"compute" in node.roles
	some f in node.files # the node's own file (not a scan of every node's)
	f.kind == "nova.conf"
	not f.error
	not _has_neutron(node)
	not _icehouse_nova_network(node)
	finding := {
		"message": sprintf("nova.conf on compute node %s has no [neutron] credentials: instances on it cannot get ports", [name]),
		"locations": [{"path": f.path, "node": name, "section": "neutron"}],
	}
}

# Before Juno the [neutron] section did not exist; nodes without
# network_api_class = ...neutron... used nova-network.
_icehouse_nova_network(node) if {
	not lib.queens_or_later
	_nova_network(node)
	not lib.effective(node, _kinds, "neutron", "url")
}
