# METADATA
# title: Secret option is empty
# description: |
#   A password, secret or key option set to nothing (password =), or a URL
#   whose user has an empty password (rabbit://openstack:@controller). The
#   service sends an empty secret: Keystone, the broker or the database
#   refuses it, and an empty metadata_proxy_shared_secret signs metadata
#   requests with a key anyone can guess. Only the value oslo.config uses
#   (the last occurrence) counts, and options the file does not use are
#   skipped (qpid_password of a service on rabbit, rabbit_password next to
#   transport_url, memcache_secret_key without memcache_security_strategy).
#   Empty OS_PASSWORD in rc files is SL-RC-003.
# custom:
#   id: SL-PASS-010
#   scope: node
#   severity: warning
#   inputs: [config, rc]
#   remediation: |
#     Set the secret, or remove the option when the service does not need it.
package stacklint.rules.credentials.empty_secret

import data.stacklint.lib
import data.stacklint.lib.messaging as mq

report contains finding if {
	some [f, section, key, occ] in lib.flagged("empty_secret")
	not _unused(f, section, key)
	finding := {
		"message": sprintf("%s is empty: the service sends an empty secret, which authenticates nothing", [lib.where(f, section, key)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

report contains finding if {
	some [f, section, key, occ] in lib.flagged("empty_url_password")
	some h in occ.url.hosts
	h.password_empty
	finding := {
		"message": sprintf("%s gives user '%s' an empty password in the URL: the server refuses it", [lib.where(f, section, key), h.user]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

# _unused: a legacy broker password of a driver the file does not use.
_unused(f, _, key) if {
	driver := {"rabbit_password": "rabbit", "qpid_password": "qpid"}[key]
	not _legacy_broker(f, driver)
}

_unused(f, section, "memcache_secret_key") if not lib.has(f, section, "memcache_security_strategy")

_legacy_broker(f, driver) if {
	some b in mq.brokers
	b.file.path == f.path
	b.legacy
	b.driver == driver
}
