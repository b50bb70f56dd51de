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
#   scope: aggregate
#   severity: warning
#   inputs: [nova.conf]
#   defaults:
#     - [nova.conf, service_user, send_service_user_token]
#   remediation: |
#     On every nova node set [service_user] send_service_user_token = true
#     with auth_type = password, auth_url, the nova user, its domain and
#     password, as the nova install guide does.
package stacklint.rules.credentials.service_user_token

import data.stacklint.lib
import data.stacklint.lib.settings

_kinds := lib.compute_kinds

_required := ["auth_url", "username", "password"]

# _nodes: [name, node] of every node running a nova service.
_nodes := {[name, node] |
	some name, node in input.nodes
	some s in ["nova-api", "nova-compute"]
	lib.runs(node, s)
}

# _setting is send_service_user_token in effect for the node's nova files
# (false by default in every release; value null for a release the
# defaults lack).
_setting(node) := s if {
	s := lib.setting(node, _kinds, "service_user", "send_service_user_token")
}

else := {"written": false, "file": f, "value": null} if {
	f := [f | some kind in _kinds; some f in node.files; f.kind == kind][0]
}

_sends(node) := [s.file, s.occ] if {
	s := _setting(node)
	s.written
	settings.is_true(s)
}

# _off says why a node does not send: written false, or unset (its
# release's default, false, at the section where it belongs).
_off(s) := sprintf("%s is %s", [lib.where(s.file, "service_user", "send_service_user_token"), s.value]) if s.written

else := settings.unset(s, "service_user", "send_service_user_token") if s.value != null

else := sprintf("%s is not set", [lib.where(s.file, "service_user", "send_service_user_token")])

# aggregate: each nova node's incomplete [service_user] ({"missing":
# {where, keys, loc}}), its name when it sends service tokens
# ({"sender": name}), else why not and where ({"off": {node, why, loc}});
# the reports name the senders over the fleet.
aggregate contains {"missing": m} if {
	some [_, node] in _nodes
	[f, occ] := _sends(node)
	missing := [k | some k in _required; not lib.effective(node, _kinds, "service_user", k)]
	count(missing) > 0
	m := {
		"where": lib.where(f, "service_user", "send_service_user_token"), "keys": concat(", ", missing),
		"loc": lib.loc(f, "service_user", "send_service_user_token", occ),
	}
}

aggregate contains {"sender": name} if {
	some [name, node] in _nodes
	_sends(node)
}

aggregate contains {"off": {"node": name, "why": _off(s), "loc": settings.at(s, "service_user", "send_service_user_token")}} if {
	some [name, node] in _nodes
	s := _setting(node)
	not _sends(node)
	not s.file.error
}

report contains finding if {
	some r in aggregate
	m := r.missing
	finding := {
		"message": sprintf("%s is true, but [service_user] lacks %s: nova's calls with a service token fail", [m.where, m.keys]),
		"locations": [m.loc],
	}
}

report contains finding if {
	senders := sort([r.sender | some r in aggregate; r.sender])
	count(senders) > 0
	some r in aggregate
	off := r.off
	finding := {
		"message": sprintf("nova on %s does not send service user tokens (%s), but %s do: calls that need a service token fail from %s", [off.node, off.why, concat(", ", senders), off.node]),
		"locations": [off.loc],
	}
}
