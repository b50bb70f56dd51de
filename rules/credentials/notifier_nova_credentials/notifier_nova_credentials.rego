# METADATA
# title: neutron's nova notifier does not use nova's credentials
# description: |
#   neutron-server tells nova about port status changes (network-vif-plugged)
#   with the user in neutron.conf [nova] (Icehouse-era: [DEFAULT]
#   nova_admin_username/nova_admin_password). That user and password must be
#   nova's own, as nova.conf [keystone_authtoken] holds them on the nova-api
#   nodes (the copy most nova nodes use). A wrong password gives 401 on every
#   event, and instances fail to boot after vif_plugging_timeout.
#   The user's domain must match too (Default and default are the same
#   domain name; the default domain's id is default).
# custom:
#   id: SL-PASS-002
#   scope: node
#   severity: error
#   inputs: [neutron.conf]
#   remediation: |
#     Copy nova's service username and password into neutron.conf [nova] on
#     every neutron-server node and restart neutron-server.
package stacklint.rules.credentials.notifier_nova_credentials

import data.stacklint.lib.auth

report contains auth.client_finding(m, "port events never reach nova, so boots wait for vif-plugged and time out") if {
	some m in auth.client_mismatches("SL-PASS-002")
}
