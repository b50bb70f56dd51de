# METADATA
# title: nova node without placement credentials
# description: |
#   Every nova service that talks to placement (nova-compute reporting
#   inventory, nova-scheduler asking for candidates, nova-conductor) reads
#   the [placement] section of nova.conf: auth_type, auth_url, the
#   placement user and password. A nova node whose nova.conf has no
#   [placement] credentials in a deployment with placement cannot report
#   its resources or schedule anything ("Placement service credentials do
#   not work" / no valid host).
# custom:
#   id: SL-PLC-004
#   scope: aggregate
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Copy the [placement] section of the install guide (auth_type =
#     password, auth_url, project/user domain, project_name = service,
#     username = placement, password, region_name) into nova.conf on the
#     node.
package stacklint.rules.placement.client_section

import data.stacklint.lib

_kinds := lib.compute_kinds

# aggregate: whether the node shows a placement service in use
# ({"in_use": true}) and its nova services whose nova.conf has no
# [placement] credentials ({"missing": {node, service, path}}); the
# report names those when any node shows placement in use.
aggregate contains {"in_use": true} if _in_use

aggregate contains {"missing": {"node": name, "service": s, "path": f.path}} if {
	some name, node in input.nodes
	some s in ["nova-compute", "nova-api"]
	lib.runs(node, s)
	some f in node.files # the node's own file (not a scan of every node's)
	f.kind == "nova.conf"
	not f.error
	not _has_credentials(node)
}

# _in_use: the deployment has a placement service (Ocata and later).
_in_use if count(lib.files("placement.conf")) > 0

_in_use if {
	some [_, "placement", _, _] in lib.keyed(["password"])
}

_has_credentials(node) if lib.effective(node, _kinds, "placement", "password")

_has_credentials(node) if lib.effective(node, _kinds, "placement", "application_credential_secret")

# _used: some node shows placement in use.
_used if {
	some r in aggregate
	r.in_use
}

report contains finding if {
	_used
	some x in aggregate
	m := x.missing
	finding := {
		"message": sprintf("nova.conf on %s (%s) has no [placement] credentials: it cannot %s", [m.node, m.service, _cannot[m.service]]),
		"locations": [{"path": m.path, "node": m.node, "section": "placement"}],
	}
}

_cannot := {"nova-compute": "report its resources to placement", "nova-api": "ask placement for hosts, so scheduling fails"}
