# METADATA
# title: Keystone token provider is not fernet or jws
# description: |
#   Since Pike Keystone ships only the fernet and jws token providers
#   (uuid, pki and pkiz were removed); [token] provider set to anything
#   else stops Keystone from issuing tokens. Reported on Queens-or-later
#   deployments only, where the old providers cannot work.
# custom:
#   id: SL-KS-001
#   scope: aggregate
#   severity: error
#   inputs: [keystone.conf]
#   remediation: |
#     Set [token] provider = fernet, create the key repository with
#     keystone-manage fernet_setup, and restart Keystone.
package stacklint.rules.keystone.token_provider

import data.stacklint.lib

# aggregate: whether the part shows a Queens-or-later deployment
# ({"queens": true}) and each keystone node's provider that is neither
# fernet nor jws ({"finding": finding}, of its node alone); the report
# keeps the findings when some node shows Queens.
aggregate contains {"queens": true} if lib.queens_or_later

aggregate contains {"finding": finding} if {
	some [name, _] in lib.files("keystone.conf")
	[f, occ] := lib.effective(input.nodes[name], ["keystone.conf"], "token", "provider") # in effect: dist file, keystone.conf, keystone.conf.d
	not lower(occ.value) in {"fernet", "jws"}
	finding := {
		"message": sprintf("%s is '%s': Keystone supports only fernet and jws tokens since Pike", [lib.where(f, "token", "provider"), occ.value]),
		"locations": [lib.loc(f, "token", "provider", occ)],
	}
}

report contains r.finding if {
	{"queens": true} in aggregate
	some r in aggregate
	r.finding
}
