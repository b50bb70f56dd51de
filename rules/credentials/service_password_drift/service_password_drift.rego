# METADATA
# title: A Keystone service user has different passwords
# description: |
#   Each service authenticates to Keystone as its own user ([keystone_authtoken]
#   username/password; Icehouse-era admin_user/admin_password, and the same
#   user in nova [service_user], glance [oslo_limit] and the Icehouse
#   metadata_agent.ini). Keystone holds one password per user, so every copy
#   of it, on every node, must be the same. The authority is the service's
#   own [keystone_authtoken] on the nodes running its API (nova-api,
#   neutron-server, glance-api, placement-api): the copy its token
#   validation uses; every other copy is compared with it, and copies that
#   differ get HTTP 401. When the API nodes' own copies disagree, that is
#   reported. Without an API node in the snapshot the password most copies
#   use is taken, and the message says so. Other services' copies of a user
#   (neutron [placement]) are compared with the owner's password too. Empty
#   passwords are reported by SL-PASS-010.
# related_resources:
#   - description: keystonemiddleware auth_token options
#     ref: https://docs.openstack.org/keystonemiddleware/latest/middlewarearchitecture.html
# custom:
#   id: SL-PASS-001
#   scope: aggregate
#   severity: error
#   inputs: [config]
#   remediation: |
#     Set the password Keystone holds for the user in every copy listed, on
#     every node, and restart the services that read them.
package stacklint.rules.credentials.service_password_drift

import data.stacklint.lib
import data.stacklint.lib.auth

# aggregate: each node's copies of the services' own users ({"own": copy
# of auth.own}) and its clients' copies of placement's user ({"client":
# copy of auth.client_copies}); the reports group and compare them over
# the fleet.
aggregate contains {"own": c} if some c in auth.own

aggregate contains {"client": c} if some c in auth.client_copies("SL-PASS-001")

_own := {r.own | some r in aggregate; r.own}

_groups contains [user, service] if {
	some c in _own
	user := c.user
	service := c.service
}

_group(user, service) := {c | some c in _own; c.user == user; c.service == service}

report contains finding if {
	some [user, service] in _groups
	copies := _group(user, service)
	some [c, r] in lib.against(copies)
	finding := {
		"message": _message(user, copies, c, r),
		"locations": [c.loc, r.loc],
	}
}

_message(user, copies, c, r) := sprintf("Keystone user '%s': %s (%s) differs from the password most nodes running %s hold in their own [keystone_authtoken] (%s, %s): token validation there gets 401", [user, c.where, c.label, auth.api(r.service), lib.tally(lib.authorities(copies), r.v), r.where]) if {
	r.auth
	c.auth
} else := sprintf("Keystone user '%s': %s (%s) differs from %s's own password, %s (%s), the one its API validates tokens with: a login with this copy gets 401", [user, c.where, c.label, r.service, r.where, r.label]) if r.auth

else := sprintf("Keystone user '%s': %s (%s) differs from %s (%s)%s; the side Keystone does not know gets 401", [user, c.where, c.label, r.where, r.label, auth.basis(copies, r)])

# The API nodes' own copies disagree: Keystone holds one of them.
report contains finding if {
	some [user, service] in _groups
	firsts := lib.authority_conflict(_group(user, service))
	finding := {
		"message": sprintf("Keystone user '%s': the nodes running %s hold different passwords in their own [keystone_authtoken] (%s): Keystone holds one, token validation on the others gets 401", [user, auth.api(service), concat(", ", [sprintf("%s: %s", [r.where, r.label]) | some [_, r] in firsts])]),
		"locations": [r.loc | some [_, r] in firsts],
	}
}

_views := auth.views({c | some c in _own; c.service in auth.targets("SL-PASS-001")})

report contains auth.mismatch_finding(m, "requests with it get 401") if {
	some m in auth.mismatches({r.client | some r in aggregate; r.client}, _views)
}
