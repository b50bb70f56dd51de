# METADATA
# title: Keystone admin_token left on
# description: |
#   keystone.conf [DEFAULT] admin_token is a shared secret that bypasses
#   authentication and most authorization: whoever knows it is cloud admin.
#   Since keystone-manage bootstrap (Mitaka) it is not needed at all.
#   Reported on Queens-or-later deployments; Icehouse-era guides used it to
#   bootstrap and never removed it. Read in effect across keystone's files
#   (keystone-dist.conf, keystone.conf, keystone.conf.d): a drop-in that
#   sets it counts, one that empties it turns it off (unset, it is empty in
#   every release).
# custom:
#   id: SL-PASS-014
#   scope: aggregate
#   severity: warning
#   inputs: [keystone.conf]
#   remediation: |
#     Remove admin_token from keystone.conf (use keystone-manage bootstrap
#     for the first admin) and restart Keystone.
package stacklint.rules.keystone.admin_token

import data.stacklint.lib

# aggregate: whether the part shows a Queens-or-later deployment
# ({"queens": true}) and each keystone node's admin_token in effect
# ({"finding": finding}, of its node alone); the report keeps the
# findings when some node shows Queens.
aggregate contains {"queens": true} if lib.queens_or_later

aggregate contains {"finding": finding} if {
	some [name, _] in lib.files("keystone.conf")
	[f, occ] := lib.effective(input.nodes[name], ["keystone.conf"], "DEFAULT", "admin_token")
	not occ.empty
	finding := {
		"message": sprintf("%s is set (%s): anyone holding it bypasses authentication; remove it after keystone-manage bootstrap", [lib.where(f, "DEFAULT", "admin_token"), lib.label(occ)]),
		"locations": [lib.loc(f, "DEFAULT", "admin_token", occ)],
	}
}

report contains r.finding if {
	{"queens": true} in aggregate
	some r in aggregate
	r.finding
}
