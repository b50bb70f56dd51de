# METADATA
# title: Region name differs from the one the other references use
# description: |
#   Services pick endpoints from the Keystone catalog by region_name (nova
#   [neutron]/[placement]/[cinder], neutron [nova], keystone_authtoken, the
#   Icehouse-era os_region_name/neutron_region_name/nova_region_name, the
#   metadata agent's auth_region, OS_REGION_NAME). Region names are
#   case-sensitive: RegionOne and regionOne are two regions, and a
#   reference to one the catalog does not have fails with EndpointNotFound.
#   The catalog is not in a snapshot; the installer registers the endpoints
#   in the region it writes into the admin rc (packstack's keystonerc_admin,
#   the guide's admin-openrc: OS_REGION_NAME of an rc that logs in as admin),
#   so that region is the authority and every reference is compared with it.
#   When admin rc files name different regions, that is reported and only
#   the references matching none of them are. Without an admin rc the
#   region most references use is taken, and the message says so. Unset
#   regions (any region) are not compared.
# custom:
#   id: SL-EP-005
#   scope: aggregate
#   severity: error
#   inputs: [config, rc]
#   remediation: |
#     Use the region name the Keystone catalog has (the guide's RegionOne),
#     spelled exactly, everywhere.
package stacklint.rules.endpoints.region_drift

import data.stacklint.lib

_keys := {"region_name", "os_region_name", "neutron_region_name", "nova_region_name", "auth_region"}

# aggregate: each node's region names ({"copy": {v, where, loc, auth?}},
# the admin rc's marked "auth"); the reports compare them over the fleet.
aggregate contains {"copy": c} if some c in _my_copies

_copies := {r.copy | some r in aggregate; r.copy}

_my_copies contains c if {
	some [f, section, key, occ] in lib.keyed(_keys)
	f.kind != "keystone.conf"
	occ.value != ""
	c := {"v": occ.value, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

_my_copies contains c if {
	some rc in input.rc
	v := rc.vars.OS_REGION_NAME
	v.value != ""
	c := {
		"v": v.value, "where": sprintf("%s OS_REGION_NAME", [rc.path]), "loc": lib.rc_loc(rc, "OS_REGION_NAME"),
		"auth": _admin(rc),
	}
}

# _admin: the rc logs in as Keystone's admin user (OS_USERNAME admin), as
# the one the installer writes does.
_admin(rc) if rc.vars.OS_USERNAME.value == "admin"

default _admin(_) := false

report contains finding if {
	some [c, r] in lib.against(_copies)
	finding := {
		"message": sprintf("region '%s' in %s differs from '%s', %s: endpoint lookups fail with EndpointNotFound", [c.v, c.where, r.v, _basis(r)]),
		"locations": [c.loc, r.loc],
	}
}

_basis(r) := sprintf("the region of the admin rc %s (the installer registers the endpoints there)", [r.loc.path]) if r.auth

else := sprintf("used by %s references (%s; no admin rc in the snapshot names the catalog's region: %s)", [lib.tally(_copies, r.v), r.where, lib.compared_with(_copies, r.v)])

report contains finding if {
	firsts := lib.authority_conflict(_copies)
	names := [sprintf("'%s' in %s", [r.v, r.loc.path]) | some [_, r] in firsts]
	uses := [sprintf("'%s' %s", [r.v, lib.tally(_copies, r.v)]) | some [_, r] in firsts]
	finding := {
		"message": sprintf("the admin rc files name different regions (%s) and the references follow them (%s): the catalog has the endpoints in one of them, lookups in the others fail with EndpointNotFound", [concat(", ", names), concat(", ", uses)]),
		"locations": [r.loc | some [_, r] in firsts],
	}
}
