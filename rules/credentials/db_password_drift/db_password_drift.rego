# METADATA
# title: A database user has different passwords
# description: |
#   Every [database], [api_database] and [placement_database] connection URL
#   (and the Icehouse-era sql_connection) names a database user on a
#   database server. The server holds one password per user, so every URL
#   with the same user on the same server (the host resolved through each
#   node's /etc/hosts) must carry the same password. The authority is the
#   owning service's own URL on the nodes running its API (nova.conf on
#   nova-api nodes, neutron.conf on neutron-server nodes, keystone.conf,
#   glance-api.conf, placement.conf, cinder.conf on cinder-api nodes): the other copies (nova.conf on compute
#   nodes) are compared with it. When the authoritative URLs tie (nova_api
#   and nova on one node), that is reported. Without an API node in the
#   snapshot the password most URLs carry is taken, and the message says so.
# custom:
#   id: SL-PASS-008
#   scope: aggregate
#   severity: error
#   inputs: [config]
#   remediation: |
#     Put the password the database server holds for the user in every
#     connection URL listed, then restart the services that read them.
package stacklint.rules.credentials.db_password_drift

import data.stacklint.lib

_keys := {"connection", "sql_connection", "slave_connection"}

# aggregate: each node's database URLs with a user and password
# ({"copy": {group (server, user), v (fingerprint), where, loc, auth,
# api}}); the report takes each group's authority or majority over the
# fleet.
aggregate contains {"copy": c} if some c in _node_copies

_copies := {r.copy | some r in aggregate; r.copy}

_node_copies contains c if {
	some [f, section, key, occ] in lib.keyed(_keys)
	occ.url.driver in {"mysql", "postgresql", "postgres"}
	h := occ.url.hosts[0]
	h.user != ""
	h.password_fp != ""
	server := sprintf("%s:%d", [lib.ident(h), h.port])
	c := {
		"group": [server, h.user], "v": h.password_fp,
		"where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ),
		"auth": _own(f), "api": object.get(_api, f.kind, ""),
	}
}

# _api: the process whose node holds a file kind's own database URL.
_api := {
	"nova.conf": "nova-api", "neutron.conf": "neutron-server", "keystone.conf": "keystone",
	"glance-api.conf": "glance-api", "glance-registry.conf": "glance-registry", "placement.conf": "placement-api",
	"cinder.conf": "cinder-api",
}

_own(f) if lib.loads(input.nodes[f.node], _api[f.kind], f)

default _own(_) := false

_group(group) := {c | some c in _copies; c.group == group}

report contains finding if {
	some group in {c.group | some c in _copies}
	copies := _group(group)
	some [c, r] in lib.against(copies)
	finding := {
		"message": sprintf("database user '%s' on %s: %s (fp:%s) differs from %s (fp:%s)%s; the side the server does not know cannot connect", [group[1], group[0], c.where, c.v, r.where, r.v, _basis(copies, r)]),
		"locations": [c.loc, r.loc],
	}
}

_basis(copies, r) := sprintf(", the URL of the service on a node running %s", [r.api]) if r.auth

else := sprintf("; no URL of the owning service on a node running its API in the snapshot: %s", [lib.compared(copies, r.v)])

# The owning service's own URLs tie: the server holds one of them.
report contains finding if {
	some group in {c.group | some c in _copies}
	firsts := lib.authority_conflict(_group(group))
	finding := {
		"message": sprintf("database user '%s' on %s: the owning services' own URLs carry different passwords (%s): the server holds one, the others cannot connect", [group[1], group[0], concat(", ", [sprintf("%s: fp:%s", [r.where, r.v]) | some [_, r] in firsts])]),
		"locations": [r.loc | some [_, r] in firsts],
	}
}
