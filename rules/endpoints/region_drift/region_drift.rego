# METADATA
# title: Region name differs from the one the other references use
# description: |
#   Services pick endpoints from the Keystone catalog by region_name (nova
#   [neutron]/[placement]/[cinder], neutron [nova], keystone_authtoken, the
#   Icehouse-era os_region_name/neutron_region_name/nova_region_name, the
#   metadata agent's auth_region, OS_REGION_NAME). Region names are
#   case-sensitive: RegionOne and regionOne are two regions, and a
#   reference to one the catalog does not have fails with EndpointNotFound.
#   Unset regions (any region) are not compared.
# custom:
#   id: SL-EP-005
#   severity: error
#   inputs: [config, rc]
#   remediation: |
#     Use the region name the Keystone catalog has (the guide's RegionOne),
#     spelled exactly, everywhere.
package stacklint.rules.endpoints.region_drift

import data.stacklint.lib

_keys := {"region_name", "os_region_name", "neutron_region_name", "nova_region_name", "auth_region"}

_copies contains c if {
	some [f, section, key, occ] in lib.keyed(_keys)
	f.kind != "keystone.conf"
	occ.value != ""
	c := {"v": occ.value, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

_copies contains c if {
	some rc in input.rc
	v := rc.vars.OS_REGION_NAME
	v.value != ""
	c := {"v": v.value, "where": sprintf("%s OS_REGION_NAME", [rc.path]), "loc": lib.rc_loc(rc, "OS_REGION_NAME")}
}

report contains finding if {
	some [c, r] in lib.drift(_copies)
	n := count([1 | some d in _copies; d.v == r.v])
	finding := {
		"message": sprintf("region '%s' in %s differs from '%s', used by %d of %d references (%s): endpoint lookups fail with EndpointNotFound", [c.v, c.where, r.v, n, count(_copies), r.where]),
		"locations": [c.loc, r.loc],
	}
}
