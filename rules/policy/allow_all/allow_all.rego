# METADATA
# title: Admin-level policy allows everyone
# description: |
#   An empty string, "@", an empty list and a YAML null all mean "allow
#   all" to oslo.policy, and so does an expression that is True whatever
#   the credentials ("role:admin or @"). On an admin-level policy that hands
#   the API to every authenticated user: context_is_admin makes everyone a
#   cloud admin, an empty identity: rule lets any user manage users and
#   roles, an empty trust rule lets anyone impersonate (keystone-status
#   upgrade check fails for those). Admin-level means the admin aliases
#   (context_is_admin, admin_api, admin_required, cloud_admin, admin_only,
#   service_api, service_role), keystone's identity:*, nova's hypervisor,
#   service, quota, aggregate and host APIs, placement:*, and any policy
#   whose registered default requires an admin. An empty value on an
#   ordinary project API is the old upstream style and is left alone, and so
#   is one on a policy the service itself registers as allow-all (in the
#   release, or in any known release when none is detected) and on the old
#   ":discoverable" rules, which only list an API extension. A service
#   older than every release stacklint has a schema for, whose policy file
#   repeats its own stock policy.json (keystone's "" trust rules up to
#   Ocata), gets an info: that was its release's upstream default.
# custom:
#   id: SL-POL-005
#   scope: node
#   severity: error
#   inputs: [policy]
#   remediation: |
#     Give the policy a check string: the registered default (see
#     oslopolicy-sample-generator), or role:admin / rule:context_is_admin.
#     To leave the default in force, delete the line.
package stacklint.rules.policy.allow_all

import data.stacklint.lib.policy

_aliases := {"context_is_admin", "admin_api", "admin_required", "cloud_admin", "admin_only", "service_api", "service_role", "is_admin"}

_prefixes := {
	"identity:", "placement:", "os_compute_api:os-hypervisors", "os_compute_api:os-services",
	"os_compute_api:os-quota", "os_compute_api:os-aggregates", "os_compute_api:os-hosts",
	"os_compute_api:os-migrate-server", "os_compute_api:os-evacuate", "os_compute_api:os-flavor-manage",
}

# _admin_default: the registered default needs an admin and nothing else.
_admin_default(r) if {
	d := lower(r.registered.default)
	contains(d, "admin")
	not contains(d, "member")
	not contains(d, "reader")
	not contains(d, "owner")
	not contains(d, "project_id:%(")
	not contains(d, "user_id:%(")
}

_protected(name, _) if name in _aliases

_protected(name, _) if {
	some pre in _prefixes
	startswith(name, pre)
}

_protected(_, r) if _admin_default(r)

_shown(r) := "null" if r.kind == "null"

else := "[]" if r.kind == "list"

else := sprintf("'%s'", [r.expr])

# _open_default: the service itself registers the policy as allow-all
# (keystone's identity:get_region is ""), so the override changes nothing;
# without a known release, any known release's default counts.
_open_default(r) if r.registered.default in {"", "@"}

_open_default(r) if r.default_allows_all

report contains finding if {
	some [p, name, r] in policy.entries
	r.allows_all
	_protected(name, r)
	not endswith(name, ":discoverable")
	not _open_default(r)
	not _own_stock(p, r)
	finding := {
		"message": sprintf("%s is %s, which allows everyone: any authenticated user passes this check, which guards an admin-level or sensitive API%s", [policy.where(p, name), _shown(r), _stock_note(p, r)]),
		"locations": [policy.loc(p, name, r)],
	}
}

# A policy file of a service older than every release stacklint has a
# schema for, repeating its stock policy.json's value: the release's own
# upstream default, which later releases changed. An info for the upgrade.
report contains finding if {
	some [p, name, r] in policy.entries
	r.allows_all
	_protected(name, r)
	not endswith(name, ":discoverable")
	not _open_default(r)
	_own_stock(p, r)
	finding := {
		"message": sprintf("%s is %s, the stock value of %s's policy.json up to %s; later releases require more: it still allows everyone, review it before or when upgrading", [policy.where(p, name), _shown(r), p.service, _last(r.stock)]),
		"locations": [policy.loc(p, name, r)],
		"severity": "info",
	}
}

_own_stock(p, r) if {
	count(object.get(r, "stock", [])) > 0
	input.nodes[p.node].releases[p.service].below_oldest
}

_last(releases) := releases[count(releases) - 1]

_stock_note(_, r) := sprintf(" (the stock value of policy.json up to %s, which later releases changed)", [_last(r.stock)]) if {
	count(object.get(r, "stock", [])) > 0
}

else := ""
