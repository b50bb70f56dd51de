# METADATA
# title: Services require different roles on service tokens
# description: |
#   keystonemiddleware accepts a service token (sent with
#   send_service_user_token) only when it carries one of
#   [keystone_authtoken] service_token_roles (default: service), and with
#   service_token_roles_required = true rejects it otherwise. The service
#   users (nova, neutron, placement, ...) hold one set of roles in Keystone;
#   when services ask for different roles, the users lack one of them and
#   service-to-service calls fail with 401/403. The roles given to the
#   users live in Keystone, not in /etc, so only the services' demands are
#   compared: a differing demand with the one most services make (the first
#   by path on a tie), and the message says which.
# custom:
#   id: SL-KS-007
#   scope: aggregate
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Use the same service_token_roles (the default, service) in every
#     service and give each service user that role
#     (openstack role add --user nova --project service service).
package stacklint.rules.keystone.service_token_roles

import data.stacklint.lib

# aggregate: each file's service_token_roles ({"copy": {v (the roles,
# lowercase, sorted), shown, where, loc}}, of its node alone); the report
# compares the copies of every node.
aggregate contains {"copy": c} if {
	some [f, "keystone_authtoken", "service_token_roles", occ] in lib.keyed(["service_token_roles"])
	c := {"v": sort({lower(x) | some x in lib.items(occ.value)}), "shown": occ.value, "where": lib.where(f, "keystone_authtoken", "service_token_roles"), "loc": lib.loc(f, "keystone_authtoken", "service_token_roles", occ)}
}

_copies := {r.copy | some r in aggregate; r.copy}

report contains finding if {
	some [c, r] in lib.drift(_copies)
	finding := {
		"message": sprintf("%s is %s, but %s is %s (the roles the users hold are in Keystone, not in a file: %s): service users need every role some service demands, or service-to-service calls fail", [c.where, c.shown, r.where, r.shown, lib.compared(_copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
