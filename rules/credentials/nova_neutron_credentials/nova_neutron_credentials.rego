# METADATA
# title: nova's neutron client does not use neutron's credentials
# description: |
#   nova-api and nova-compute talk to neutron as the user in nova.conf
#   [neutron] (Icehouse-era: [DEFAULT] neutron_admin_username and
#   neutron_admin_password): the install guide's NEUTRON_PASS. It must be
#   neutron's own service user and password, as neutron.conf
#   [keystone_authtoken] holds them (the copy most neutron nodes use).
#   The user's domain must match too (Default and default are the same
#   domain name; the default domain's id is default).
# custom:
#   id: SL-PASS-003
#   scope: aggregate
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Copy neutron's service username and password into nova.conf [neutron]
#     on every nova node and restart nova-api and nova-compute.
package stacklint.rules.credentials.nova_neutron_credentials

import data.stacklint.lib.auth

# aggregate: each node's copies of neutron's own user ({"own": copy of
# auth.own}) and its nova clients' copies ({"client": copy of
# auth.client_copies}); the report compares the clients with the reference
# the owners' copies give over the fleet.
aggregate contains {"own": c} if {
	some c in auth.own
	c.service in auth.targets("SL-PASS-003")
}

aggregate contains {"client": c} if some c in auth.client_copies("SL-PASS-003")

_views := auth.views({r.own | some r in aggregate; r.own})

report contains auth.mismatch_finding(m, "port create and binding fail with 401, and so does every instance boot") if {
	some m in auth.mismatches({r.client | some r in aggregate; r.client}, _views)
}
