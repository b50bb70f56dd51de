# METADATA
# title: Endpoint option nova no longer reads
# description: |
#   For the record: nova found neutron through [neutron] url until Queens
#   deprecated it (nova 17.0.0); Train (20.0.0) removed it, and nova then
#   finds neutron in the Keystone catalog through region_name and
#   valid_interfaces. [placement] os_region_name and os_interface were
#   removed in nova 18.0.0 for region_name and valid_interfaces. On a
#   Queens-or-later deployment these options are dead or about to be, and
#   a wrong catalog entry goes unnoticed while the option hides it.
# custom:
#   id: SL-EP-010
#   scope: aggregate
#   severity: info
#   inputs: [nova.conf]
#   remediation: |
#     Remove [neutron] url (use endpoint_override only when the catalog
#     must be bypassed) and rename [placement] os_region_name /
#     os_interface to region_name / valid_interfaces.
package stacklint.rules.endpoints.deprecated_endpoint_options

import data.stacklint.lib

_old := {
	["neutron", "url"]: "deprecated in nova 17.0.0 and removed in 20.0.0: nova finds neutron in the catalog (region_name, valid_interfaces)",
	["placement", "os_region_name"]: "removed in nova 18.0.0: use region_name",
	["placement", "os_interface"]: "removed in nova 18.0.0: use valid_interfaces",
}

# aggregate: whether the part shows a Queens-or-later deployment
# ({"queens": true}) and each nova file's old endpoint option
# ({"finding": finding}, of its node alone); the report keeps the
# findings when some node shows Queens.
aggregate contains {"queens": true} if lib.queens_or_later

aggregate contains {"finding": finding} if {
	some [f, section, key, occ] in lib.keyed(["url", "os_region_name", "os_interface"])
	f.kind in {"nova.conf", "nova-compute.conf", "nova-cpu.conf"}
	why := _old[[section, key]]
	finding := {
		"message": sprintf("%s is %s", [lib.where(f, section, key), why]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

report contains r.finding if {
	{"queens": true} in aggregate
	some r in aggregate
	r.finding
}
