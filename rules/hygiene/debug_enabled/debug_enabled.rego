# METADATA
# title: debug logging left on
# description: |
#   [DEFAULT] debug = true makes a service log every request at DEBUG:
#   log volume grows by orders of magnitude and request bodies (with
#   tokens) land in the logs. Fine while troubleshooting, not in a
#   deployment's committed configuration.
# custom:
#   id: SL-HYG-011
#   scope: node
#   severity: info
#   inputs: [config]
#   remediation: |
#     Set debug = false (or remove it) once troubleshooting is over.
package stacklint.rules.hygiene.debug_enabled

import data.stacklint.lib
import data.stacklint.lib.network as net

report contains finding if {
	some [f, "DEFAULT", "debug", occ] in lib.keyed(["debug"])
	net.bool(occ.value)
	finding := {
		"message": sprintf("%s is on: DEBUG logs grow fast and record request details", [lib.where(f, "DEFAULT", "debug")]),
		"locations": [lib.loc(f, "DEFAULT", "debug", occ)],
	}
}
