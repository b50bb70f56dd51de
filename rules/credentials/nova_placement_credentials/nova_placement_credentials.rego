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
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Copy placement's service username and password into nova.conf
#     [placement] on every nova node and restart nova-compute and
#     nova-scheduler.
package stacklint.rules.credentials.nova_placement_credentials

import data.stacklint.lib.auth

report contains auth.client_finding(m, "nova-compute cannot report its inventory and the scheduler finds no host") if {
	some m in auth.client_mismatches("SL-PASS-004")
}
