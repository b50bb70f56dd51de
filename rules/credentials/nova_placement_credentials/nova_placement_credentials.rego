# METADATA
# title: nova's placement client does not use placement's credentials
# description: |
#   nova-compute reports inventory to placement and the scheduler queries it
#   as the user in nova.conf [placement] (PLACEMENT_PASS in the guide). It
#   must be placement's own service user and password, as placement.conf
#   [keystone_authtoken] holds them.
#   The user's domain must match too (Default and default are the same
#   domain name; the default domain's id is default).
# custom:
#   id: SL-PASS-004
#   scope: aggregate
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Copy placement's service username and password into nova.conf
#     [placement] on every nova node and restart nova-compute and
#     nova-scheduler.
package stacklint.rules.credentials.nova_placement_credentials

import data.stacklint.lib.auth

# aggregate: each node's copies of placement's own user ({"own": copy of
# auth.own}) and its nova clients' copies ({"client": copy of
# auth.client_copies}); the report compares the clients with the reference
# the owners' copies give over the fleet.
aggregate contains {"own": c} if {
	some c in auth.own
	c.service in auth.targets("SL-PASS-004")
}

aggregate contains {"client": c} if some c in auth.client_copies("SL-PASS-004")

_views := auth.views({r.own | some r in aggregate; r.own})

report contains auth.mismatch_finding(m, "nova-compute cannot report its inventory and the scheduler finds no host") if {
	some m in auth.mismatches({r.client | some r in aggregate; r.client}, _views)
}
