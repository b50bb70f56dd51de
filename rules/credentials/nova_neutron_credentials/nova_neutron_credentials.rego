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
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Copy neutron's service username and password into nova.conf [neutron]
#     on every nova node and restart nova-api and nova-compute.
package stacklint.rules.credentials.nova_neutron_credentials

import data.stacklint.lib.auth

report contains auth.client_finding(m, "port create and binding fail with 401, and so does every instance boot") if {
	some m in auth.client_mismatches("SL-PASS-003")
}
