# METADATA
# title: Keystone identity driver is not sql or ldap
# description: |
#   Keystone ships two identity drivers, sql and ldap ([identity] driver;
#   Icehouse wrote them as class paths such as
#   keystone.identity.backends.sql.Identity). Anything else is an
#   out-of-tree driver keystone loads by entry point: unsupported upstream,
#   and keystone stops at start if the package is missing.
# custom:
#   id: SL-KS-003
#   scope: node
#   severity: info
#   inputs: [keystone.conf]
#   remediation: |
#     Use driver = sql (with LDAP domains through domain-specific
#     configuration when needed), or make sure the out-of-tree driver is
#     installed on every keystone node.
package stacklint.rules.keystone.identity_driver

import data.stacklint.lib

_supported(v) if lower(v) in {"sql", "ldap"}

_supported(v) if regex.match(`^keystone\.identity\.backends\.(sql|ldap)(\.[A-Za-z]+)?$`, v)

report contains finding if {
	some [name, _] in lib.files("keystone.conf")
	[f, occ] := lib.effective(input.nodes[name], ["keystone.conf"], "identity", "driver") # in effect: dist file, keystone.conf, keystone.conf.d
	not _supported(occ.value)
	finding := {
		"message": sprintf("%s is '%s', not one of keystone's drivers (sql, ldap)", [lib.where(f, "identity", "driver"), occ.value]),
		"locations": [lib.loc(f, "identity", "driver", occ)],
	}
}
