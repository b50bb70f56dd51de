# METADATA
# title: nova looks cinder up as a Block Storage API cinder no longer serves
# description: |
#   nova finds cinder in the Keystone catalog by nova.conf [cinder]
#   catalog_info, <service_type>:<service_name>:<endpoint_type> (default
#   volumev3::publicURL). The service types volume (API v1, removed in
#   cinder 12.0.0, Queens) and volumev2 (API v2, deprecated in Pike and
#   removed in cinder 19.0.0, Xena) name APIs a cinder of those releases
#   does not serve: on a deployment checked against Xena or later, every
#   volume operation of nova (boot from volume, attach, detach) fails.
#   Judged on the release nova's files on the node are checked against
#   (files older than every schema are left alone).
# custom:
#   id: SL-CINDER-002
#   scope: node
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Set [cinder] catalog_info = volumev3::publicURL (or delete it for the
#     default) and register cinder's v3 endpoints in the catalog.
package stacklint.rules.cinder.catalog_info

import data.stacklint.lib

# _removed: service type -> [cinder version, series] that removed its API.
_removed := {"volume": ["12.0.0", "2018.1"], "volumev2": ["19.0.0", "2021.2"]}

report contains finding if {
	some name, node in input.nodes
	[f, occ] := lib.effective(node, lib.compute_kinds, "cinder", "catalog_info")
	type := lower(trim_space(split(occ.value, ":")[0]))
	[version, series] := _removed[type]
	lib.service_release_at_least(name, "nova", series)
	not f.release.below_oldest
	finding := {
		"message": sprintf("%s = %s looks cinder up as %s, whose API cinder %s (%s) removed; the release checked against is %s: nova's volume operations fail", [lib.where(f, "cinder", "catalog_info"), occ.value, type, version, series, lib.release_of(f)]),
		"locations": [lib.loc(f, "cinder", "catalog_info", occ)],
	}
}
