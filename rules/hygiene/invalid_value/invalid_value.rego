# METADATA
# title: Value not valid for the option's type
# description: |
#   oslo.config converts each value when the service reads it: booleans
#   (true/false/yes/no/on/off/1/0, nothing else), integers and ports with
#   their bounds, floats, choices (nova_metadata_protocol is http or https),
#   lists and dicts (key:value pairs), IP addresses, host names and URIs
#   with their schemes. A value that does not convert makes the service
#   fail at start or when the option is first read. Checked against the
#   option schema of the release (--release or detected), after
#   $-substitution; a secret's value is never shown. A file older than
#   every schema is judged by its option types alone: choices, bounds and
#   patterns were added to many options later (nova's enabled_apis took
#   "ec2" until Mitaka), so Stein's say nothing of a Havana file.
# custom:
#   id: SL-HYG-008
#   scope: node
#   severity: error
#   inputs: [config]
#   yields: true
#   remediation: |
#     Write a value of the option's type (see the error for what was
#     expected) and restart the service.
package stacklint.rules.hygiene.invalid_value

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.flagged("schema_invalid")
	finding := {
		"message": sprintf("%s [%s] %s on %s is not valid in %s: %s", [f.kind, section, key, f.node, lib.release_of(f), occ.schema.error]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
