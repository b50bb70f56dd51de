# METADATA
# title: nova service-user tokens half configured
# description: |
#   With [service_user] send_service_user_token = true nova sends its own
#   service token with every call it makes on a user's behalf (required on
#   every nova service since the 2023 CVE-2023-2088 fix, and checked by
#   nova-status). The [service_user] section then needs its own
#   credentials (auth_type, auth_url, username, password); without them the
#   calls fail. And once any nova node sends service tokens, all must:
#   a node that does not breaks volume detach and the other calls the
#   receiving services only accept with a service token.
# custom:
#   id: SL-PASS-005
#   severity: warning
#   inputs: [nova.conf]
#   remediation: |
#     On every nova node set [service_user] send_service_user_token = true
#     with auth_type = password, auth_url, the nova user, its domain and
#     password, as the nova install guide does.
package stacklint.rules.credentials.service_user_token

import data.stacklint.lib
import data.stacklint.lib.network as net

_kinds := ["nova.conf", "nova-compute.conf"]

_required := ["auth_url", "username", "password"]

# _nodes: [name, node] of every node running a nova service.
_nodes := {[name, node] |
	some name, node in input.nodes
	some s in ["nova-api", "nova-compute"]
	lib.runs(node, s)
}

_sends(node) := [f, occ] if {
	[f, occ] := lib.effective(node, _kinds, "service_user", "send_service_user_token")
	net.bool(occ.value)
}

report contains finding if {
	some [name, node] in _nodes
	[f, occ] := _sends(node)
	missing := [k | some k in _required; not lib.effective(node, _kinds, "service_user", k)]
	count(missing) > 0
	finding := {
		"message": sprintf("%s is true, but [service_user] lacks %s: nova's calls with a service token fail", [lib.where(f, "service_user", "send_service_user_token"), concat(", ", missing)]),
		"locations": [lib.loc(f, "service_user", "send_service_user_token", occ)],
	}
}

report contains finding if {
	senders := sort([name | some [name, node] in _nodes; _sends(node)])
	count(senders) > 0
	some [name, node] in _nodes
	not _sends(node)
	some f in node.files # the node's own file (not a scan of every node's)
	f.kind == "nova.conf"
	not f.error
	finding := {
		"message": sprintf("nova on %s does not send service user tokens ([service_user] send_service_user_token), but %s do: calls that need a service token fail from %s", [name, concat(", ", senders), name]),
		"locations": [net.at(f, "service_user", "send_service_user_token")],
	}
}
