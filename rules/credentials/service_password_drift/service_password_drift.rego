# METADATA
# title: A Keystone service user has different passwords
# description: |
#   Each service authenticates to Keystone as its own user ([keystone_authtoken]
#   username/password; Icehouse-era admin_user/admin_password, and the same
#   user in nova [service_user], glance [oslo_limit] and the Icehouse
#   metadata_agent.ini). Keystone holds one password per user, so every copy
#   of it, on every node, must be the same: the copies that differ from the
#   one most copies use get HTTP 401 and the service cannot validate tokens.
#   Other services' copies of a user (neutron [placement]) are compared with
#   the owner's password too. Empty passwords are reported by SL-PASS-010.
# related_resources:
#   - description: keystonemiddleware auth_token options
#     ref: https://docs.openstack.org/keystonemiddleware/latest/middlewarearchitecture.html
# custom:
#   id: SL-PASS-001
#   severity: error
#   inputs: [config]
#   remediation: |
#     Set the password Keystone holds for the user in every copy listed, on
#     every node, and restart the services that read them.
package stacklint.rules.credentials.service_password_drift

import data.stacklint.lib
import data.stacklint.lib.auth

report contains finding if {
	some user in {c.user | some c in auth.own}
	some service in {c.service | some c in auth.own; c.user == user}
	some [c, r] in lib.drift({c | some c in auth.own; c.user == user; c.service == service})
	finding := {
		"message": sprintf("Keystone user '%s': %s (%s) differs from %s (%s); the side Keystone does not know gets 401", [user, c.where, c.label, r.where, r.label]),
		"locations": [c.loc, r.loc],
	}
}

report contains auth.client_finding(m, "requests with it get 401") if {
	some m in auth.client_mismatches("SL-PASS-001")
}
