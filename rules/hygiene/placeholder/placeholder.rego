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
#   The placeholders of one section are one finding (a section left as the
#   package wrote it, Icehouse's [keystone_authtoken] with its three
#   %SERVICE_...% tokens, is one skipped step), each key a location.
# custom:
#   id: SL-HYG-001
#   scope: node
#   severity: error
#   inputs: [config, rc]
#   remediation: |
#     Replace the placeholder with the real value (a generated password, the
#     node's address or interface name) and restart the service.
package stacklint.rules.hygiene.placeholder

import data.stacklint.lib

report contains finding if {
	some keys in _sections
	count(keys) == 1
	[[_, key, occ, f, section]] := keys
	finding := {
		"message": sprintf("%s still holds the install-guide placeholder %s", [lib.where(f, section, key), _names(occ.placeholders)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

# A section left as the package or the guide wrote it holds several
# placeholders: one step skipped, one finding.
report contains finding if {
	some keys in _sections
	count(keys) > 1
	[_, _, _, f, section] := keys[0]
	finding := {
		"message": sprintf("%s [%s] on %s still holds %d install-guide placeholders: %s", [f.kind, section, f.node, count(keys), concat(", ", [sprintf("%s %s", [key, _names(occ.placeholders)]) | some [_, key, occ, _, _] in keys])]),
		"locations": [lib.loc(f, section, key, occ) | some [_, key, occ, _, _] in keys],
	}
}

# _sections are the placeholders of each file's section, by line: lists
# of [line, key, occurrence, file, section].
_sections[[path, section]] := sorted if {
	some [f, section, _, _] in _held
	path := f.path
	sorted := sort([[occ.line, key, occ, g, s] | some [g, s, key, occ] in _held; g.path == path; s == section])
}

_held := lib.flagged("placeholders")

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
