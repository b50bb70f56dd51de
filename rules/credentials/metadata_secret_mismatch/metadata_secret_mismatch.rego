# METADATA
# title: Metadata proxy shared secret differs between neutron and nova
# description: |
#   The neutron metadata agent signs every instance metadata request with
#   metadata_proxy_shared_secret (HMAC-SHA256 of the instance id); nova's
#   metadata API checks the signature with its own copy in nova.conf
#   [neutron] (Icehouse-era name: [DEFAULT] neutron_metadata_proxy_shared_secret).
#   When the copies differ, instances get HTTP 403 "Invalid proxy request
#   signature" and boot without keys or user data. Every metadata_agent.ini
#   and the nova.conf of every node that runs nova-api must hold the same
#   secret. The authority is nova's copy: nova's metadata API checks every
#   agent's signature with it, so each agent that differs from it is
#   reported, with nova's copy as related location (whichever side was
#   changed last, the agents are the ones whose requests are refused).
#   nova-api nodes that disagree among themselves are reported as such.
#   Without nova.conf on a node running nova-api the secret most agents
#   hold is taken, and the message says so.
# related_resources:
#   - description: neutron metadata agent options
#     ref: https://docs.openstack.org/neutron/latest/configuration/metadata-agent.html
# custom:
#   id: SL-PASS-009
#   scope: aggregate
#   severity: error
#   inputs: [metadata_agent.ini, nova.conf]
#   remediation: |
#     Set the same metadata_proxy_shared_secret in [DEFAULT] of every
#     metadata_agent.ini and in [neutron] of nova.conf on every nova-api
#     node, then restart neutron-metadata-agent and nova-api.
package stacklint.rules.credentials.metadata_secret_mismatch

import data.stacklint.lib

_key := "metadata_proxy_shared_secret"

# aggregate: each node's metadata_proxy_shared_secret copies ({"copy":
# {v (fingerprint), label, auth, rank, what, loc}}: its agents', and its
# nova.conf's when it runs nova-api); the report compares them over the
# fleet.
aggregate contains {"copy": c} if some c in _node_copies

_copies := {r.copy | some r in aggregate; r.copy}

_node_copies contains c if {
	some [_, f] in lib.files("metadata_agent.ini")
	occ := lib.last(f, "DEFAULT", _key)
	c := _copy(f, "DEFAULT", _key, occ, false)
}

_node_copies contains c if {
	some [name, f] in lib.files("nova.conf")
	lib.runs(input.nodes[name], "nova-api")
	[section, key] := _nova_key(f)
	occ := lib.last(f, section, key)
	c := _copy(f, section, key, occ, true)
}

# The current name wins over the deprecated one within one file.
_nova_key(f) := ["neutron", _key] if lib.has(f, "neutron", _key)

else := ["DEFAULT", "neutron_metadata_proxy_shared_secret"] if {
	lib.has(f, "DEFAULT", "neutron_metadata_proxy_shared_secret")
}

# _copy: v is the fingerprint; nova-api's copies are the authority.
_copy(f, section, key, occ, nova) := {
	"v": occ.fp,
	"label": lib.label(occ),
	"auth": nova,
	"rank": count({1 | not nova}),
	"what": sprintf("%s [%s] %s on %s", [f.kind, section, key, f.node]),
	"loc": lib.loc(f, section, key, occ),
}

_consequence := "instances get HTTP 403 'Invalid proxy request signature' from the metadata API"

report contains finding if {
	some [c, r] in lib.against(_copies)
	finding := {
		"message": _message(c, r),
		"locations": [c.loc, r.loc],
	}
}

_message(c, r) := sprintf("%s (%s) differs from the secret most nodes running nova-api hold (%s, %s, %s): the metadata API of one of them refuses the agents' requests with HTTP 403", [c.what, c.label, r.label, r.what, lib.tally(lib.authorities(_copies), r.v)]) if {
	c.auth
	r.auth
} else := sprintf("%s (%s) differs from %s (%s), the secret nova's metadata API checks signatures with: %s", [c.what, c.label, r.what, r.label, _consequence]) if {
	r.auth
} else := sprintf("%s (%s) differs from %s (%s; no nova.conf of a node running nova-api in the snapshot: %s): %s", [c.what, c.label, r.what, r.label, lib.compared(_copies, r.v), _consequence])

# nova-api nodes hold different secrets, as many of each.
report contains finding if {
	firsts := lib.authority_conflict(_copies)
	finding := {
		"message": sprintf("the nodes running nova-api hold different metadata_proxy_shared_secret values (%s): an agent's signature passes on one and gets HTTP 403 on the others", [concat(", ", [sprintf("%s: %s", [r.what, r.label]) | some [_, r] in firsts])]),
		"locations": [r.loc | some [_, r] in firsts],
	}
}
