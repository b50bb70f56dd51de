# METADATA
# title: Secret option is empty
# description: |
#   A password, secret or key option set to nothing (password =), or a URL
#   whose user has an empty password (rabbit://openstack:@controller). The
#   service sends an empty secret: Keystone, the broker or the database
#   refuses it, and an empty metadata_proxy_shared_secret signs metadata
#   requests with a key anyone can guess. Only the value oslo.config uses
#   (the last occurrence) counts. Empty OS_PASSWORD in rc files is SL-RC-003.
# custom:
#   id: SL-PASS-010
#   severity: warning
#   remediation: |
#     Set the secret, or remove the option when the service does not need it.
package stacklint.rules.credentials.empty_secret

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.occurrences
	occ.secret
	occ.empty
	finding := {
		"message": sprintf("%s is empty: the service sends an empty secret, which authenticates nothing", [lib.where(f, section, key)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

report contains finding if {
	some [f, section, key, occ] in lib.occurrences
	some h in occ.url.hosts
	h.password_empty
	finding := {
		"message": sprintf("%s gives user '%s' an empty password in the URL: the server refuses it", [lib.where(f, section, key), h.user]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
