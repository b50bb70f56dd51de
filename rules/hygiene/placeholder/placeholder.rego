# METADATA
# title: Install-guide placeholder left in a value
# description: |
#   The install guides write NOVA_PASS, NEUTRON_DBPASS, RABBIT_PASS,
#   the secret METADATA_SECRET, OVERLAY_INTERFACE_IP_ADDRESS, PROVIDER_INTERFACE_NAME,
#   MANAGEMENT_INTERFACE_IP_ADDRESS and the like for the reader to replace;
#   Icehouse-era packages shipped %SERVICE_PASSWORD%-style tokens. A value
#   that still holds one is a step of the guide that was skipped: a password
#   everyone knows, or an address or interface that does not exist. The
#   placeholder itself is public text, so it is shown; real secrets never are.
# custom:
#   id: SL-HYG-001
#   severity: error
#   inputs: [config, rc]
#   remediation: |
#     Replace the placeholder with the real value (a generated password, the
#     node's address or interface name) and restart the service.
package stacklint.rules.hygiene.placeholder

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.flagged("placeholders")
	finding := {
		"message": sprintf("%s still holds the install-guide placeholder %s", [lib.where(f, section, key), _names(occ.placeholders)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

report contains finding if {
	some rc in input.rc
	some name, v in rc.vars
	name != "OS_PASSWORD"
	count(v.placeholders) > 0
	finding := {
		"message": sprintf("%s sets %s to the install-guide placeholder %s", [rc.path, name, _names(v.placeholders)]),
		"locations": [lib.rc_loc(rc, name)],
	}
}

_names(ps) := concat(", ", [sprintf("'%s'", [p]) | some p in ps])
