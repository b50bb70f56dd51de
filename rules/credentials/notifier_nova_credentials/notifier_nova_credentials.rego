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
#   scope: aggregate
#   severity: error
#   inputs: [neutron.conf]
#   remediation: |
#     Copy nova's service username and password into neutron.conf [nova] on
#     every neutron-server node and restart neutron-server.
package stacklint.rules.credentials.notifier_nova_credentials

import data.stacklint.lib.auth

# aggregate: each node's copies of nova's own user ({"own": copy of
# auth.own}) and neutron's [nova] client copies ({"client": copy of
# auth.client_copies}); the report compares the clients with the reference
# the owners' copies give over the fleet (neutron-server and nova-api often
# run on different nodes).
aggregate contains {"own": c} if {
	some c in auth.own
	c.service in auth.targets("SL-PASS-002")
}

aggregate contains {"client": c} if some c in auth.client_copies("SL-PASS-002")

_views := auth.views({r.own | some r in aggregate; r.own})

report contains auth.mismatch_finding(m, "port events never reach nova, so boots wait for vif-plugged and time out") if {
	some m in auth.mismatches({r.client | some r in aggregate; r.client}, _views)
}
