# METADATA
# description: |
#   Where each service's Keystone credentials are written, for the
#   credential rules. Icehouse-era names (admin_user/admin_password,
#   neutron_admin_*, nova_admin_*) are read where current names are absent.
package stacklint.lib.auth

import data.stacklint.lib

# _own_places: [service, file kind, section] holding a service's own user.
_own_places := [
	["nova", "nova.conf", "keystone_authtoken"],
	["nova", "nova-compute.conf", "keystone_authtoken"],
	["nova", "nova.conf", "service_user"],
	["neutron", "neutron.conf", "keystone_authtoken"],
	["neutron", "metadata_agent.ini", "DEFAULT"],
	["glance", "glance-api.conf", "keystone_authtoken"],
	["glance", "glance-api.conf", "oslo_limit"],
	["placement", "placement.conf", "keystone_authtoken"],
	["cinder", "cinder.conf", "keystone_authtoken"],
	["cinder", "cinder.conf", "service_user"],
]

# client_places: [rule, target service, file kind, section, user key,
# password key]: where one service holds another service's user.
client_places := [
	["SL-PASS-002", "nova", "neutron.conf", "nova", "username", "password"],
	["SL-PASS-002", "nova", "neutron.conf", "DEFAULT", "nova_admin_username", "nova_admin_password"],
	["SL-PASS-003", "neutron", "nova.conf", "neutron", "username", "password"],
	["SL-PASS-003", "neutron", "nova-compute.conf", "neutron", "username", "password"],
	["SL-PASS-003", "neutron", "nova-cpu.conf", "neutron", "username", "password"], # devstack's n-cpu
	["SL-PASS-003", "neutron", "nova.conf", "DEFAULT", "neutron_admin_username", "neutron_admin_password"],
	["SL-PASS-003", "neutron", "nova.conf", "neutron", "admin_username", "admin_password"],
	["SL-PASS-004", "placement", "nova.conf", "placement", "username", "password"],
	["SL-PASS-004", "placement", "nova-compute.conf", "placement", "username", "password"],
	["SL-PASS-004", "placement", "nova-cpu.conf", "placement", "username", "password"],
	["SL-PASS-001", "placement", "neutron.conf", "placement", "username", "password"],
	["SL-PASS-001", "nova", "cinder.conf", "nova", "username", "password"], # cinder's nova client (volume events)
	["SL-PASS-001", "cinder", "nova.conf", "cinder", "username", "password"], # nova's [cinder] when it sets its own auth
	["SL-PASS-001", "cinder", "nova-compute.conf", "cinder", "username", "password"],
	["SL-PASS-001", "cinder", "nova-cpu.conf", "cinder", "username", "password"],
]

# _keys picks the current option names, else the Icehouse-era ones.
_keys(f, section) := ["username", "password"] if lib.has(f, section, "password")

else := ["admin_user", "admin_password"] if lib.has(f, section, "admin_password")

_user(f, section, key) := lib.last(f, section, key).value if true

else := ""

# _domain is the user's domain as Keystone matches it: names are
# case-insensitive ("Default" is "default"), and the default domain's id is
# "default"; "" when the section names none (v2, or the default applies).
_domain(f, section) := lower(lib.last(f, section, "user_domain_name").value) if true

else := lower(lib.last(f, section, "user_domain_id").value) if true

else := ""

# own contains every non-empty copy of a service's own password, with the
# user it belongs to; v is the fingerprint.
own contains c if {
	some [service, kind, section] in _own_places
	some [_, f] in lib.files(kind)
	not _unused(f, section)
	[ukey, pkey] := _keys(f, section)
	occ := lib.last(f, section, pkey)
	occ.fp != ""
	c := {
		"service": service, "user": _user(f, section, ukey), "domain": _domain(f, section), "v": occ.fp, "label": lib.label(occ),
		"where": lib.where(f, section, pkey), "loc": lib.loc(f, section, pkey, occ),
		"rank": count({1 | not lib.runs(input.nodes[f.node], _api[service])}),
		"auth": _authoritative(service, f, section),
	}
}

# _authoritative: the service's own [keystone_authtoken] on a node that runs
# its API, the copy its token validation uses (the authority for the user's
# password; other copies are compared with it).
_authoritative(service, f, "keystone_authtoken") if lib.loads(input.nodes[f.node], _api[service], f)

default _authoritative(_, _, _) := false

# glance reads [oslo_limit] only with use_keystone_limits = true.
_unused(f, "oslo_limit") if not _true(lib.last(f, "DEFAULT", "use_keystone_limits").value)

_true(v) if lower(v) in {"true", "1", "yes", "on"}

# api names the process whose node holds a service's authoritative copy.
api(service) := _api[service]

# basis says what a reference copy r of the copies is: "" for an
# authoritative one, else that the majority was taken and why.
basis(copies, r) := "" if r.auth

else := sprintf("; no %s [keystone_authtoken] on a node running %s in the snapshot: %s", [r.service, _api[r.service], lib.compared(copies, r.v)])

# _api names the service whose nodes hold the authoritative copy.
_api := {"nova": "nova-api", "neutron": "neutron-server", "glance": "glance-api", "placement": "placement-api", "cinder": "cinder-api"}

_what(user, ref_user, fp, ref_fp, domain, ref_domain) := "user" if {
	user != ""
	user != ref_user
} else := "domain" if {
	domain != ""
	ref_domain != ""
	domain != ref_domain
} else := "password" if fp != ref_fp

_user_loc(f, section, ukey, pkey, occ) := lib.loc(f, section, ukey, lib.last(f, section, ukey)) if true

else := lib.loc(f, section, pkey, occ)

_domain_key(f, section) := "user_domain_name" if lib.has(f, section, "user_domain_name")

else := "user_domain_id"

# The client rules are aggregate-scoped (custom.scope: aggregate): the
# node pass gives records of own's copies and of client_copies (each of
# one node), the report rebuilds the fleet-wide views (each service's
# reference and reference copy) from those records with views, and
# compares the clients with them with mismatches.

# client_copies is the set of non-empty client copies of rule id on the
# input's nodes, without their target's reference (a record of one node):
# {target, user, domain, fp, label, where, user_where, loc, user_loc,
# domain_where, domain_loc}.
client_copies(id) := {c |
	some [rule, target, kind, section, ukey, pkey] in client_places
	rule == id
	some [_, f] in lib.files(kind)
	occ := lib.last(f, section, pkey)
	occ.fp != ""
	dkey := _domain_key(f, section)
	c := {
		"target": target, "user": _user(f, section, ukey), "domain": _domain(f, section), "fp": occ.fp,
		"label": lib.label(occ), "where": lib.where(f, section, pkey),
		"user_where": lib.where(f, section, ukey), "loc": lib.loc(f, section, pkey, occ), "user_loc": _user_loc(f, section, ukey, pkey, occ),
		"domain_where": lib.where(f, section, dkey), "domain_loc": _user_loc(f, section, dkey, pkey, occ),
	}
}

# views maps each service of owns (copies as own gives them, from every
# node) to {"ref": [user, fingerprint] of its reference: the majority of
# its authoritative copies (its [keystone_authtoken] on the nodes running
# its API), else of all its copies; "copy": the reference copy shown as
# related location (an authoritative one if any, then the first by rank
# and path); "copies": its copies with v [user, fingerprint]; "basis":
# basis of the reference copy}.
views(owns) := {service: view |
	some service in {c.service | some c in owns}
	copies := {d | some c in owns; c.service == service; d := object.union(c, {"v": [c.user, c.v]})}
	pool := _pool_of(copies)
	ref := lib.majority(pool)
	r := lib.first_with(pool, ref)
	view := {"ref": ref, "copy": r, "copies": copies, "basis": basis(copies, r)}
}

# _pool_of is the authoritative copies of copies, else all of them.
_pool_of(copies) := pool if {
	pool := lib.authorities(copies)
	count(pool) > 0
} else := copies

# mismatches yields {"client", "ref", "what", "ref_user", "domain",
# "basis"} for every client copy of clients (client_copies' records) whose
# user, domain or password differs from its target's reference in views;
# what is "user", "domain" or "password". A client whose target has no copy
# gives none.
mismatches(clients, views) := {m |
	some c in clients
	view := views[c.target]
	[ref_user, ref_fp] := view.ref
	what := _what(c.user, ref_user, c.fp, ref_fp, c.domain, view.copy.domain)
	m := {"client": c, "ref": view.copy, "what": what, "ref_user": ref_user, "domain": c.domain, "basis": view.basis}
}

# mismatch_finding is the finding for one of mismatches' answers;
# consequence says what breaks.
mismatch_finding(m, consequence) := {
	"message": sprintf("%s authenticates as '%s', but %s's service user is '%s' (%s%s): %s", [m.client.user_where, m.client.user, m.client.target, m.ref_user, m.ref.where, m.basis, consequence]),
	"locations": [m.client.user_loc, m.ref.loc],
} if m.what == "user"

else := {
	"message": sprintf("%s puts user '%s' in domain '%s', but %s's service user is in domain '%s' (%s%s): %s", [m.client.domain_where, m.client.user, m.domain, m.client.target, m.ref.domain, m.ref.where, m.basis, consequence]),
	"locations": [m.client.domain_loc, m.ref.loc],
} if m.what == "domain"

else := {
	"message": sprintf("%s (%s) differs from %s's service password (%s, %s%s): %s", [m.client.where, m.client.label, m.client.target, m.ref.label, m.ref.where, m.basis, consequence]),
	"locations": [m.client.loc, m.ref.loc],
}

# targets is the set of services whose users rule id's client copies hold.
targets(id) := {target | some [rule, target, _, _, _, _] in client_places; rule == id}
