# METADATA
# title: Token cache protection without a shared key
# description: |
#   keystonemiddleware can sign (MAC) or encrypt (ENCRYPT) the tokens it
#   caches in memcached ([keystone_authtoken] memcache_security_strategy);
#   both need memcache_secret_key, and the middleware raises
#   ConfigurationError at start without it. Every node of a service shares
#   one cache, so they must also share the key: a node with another key
#   cannot read (and keeps overwriting) what its peers cached.
# custom:
#   id: SL-PASS-013
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Set one random memcache_secret_key per service in
#     [keystone_authtoken] on all its nodes, or drop
#     memcache_security_strategy.
package stacklint.rules.credentials.memcache_protection

import data.stacklint.lib

report contains finding if {
	some [f, "keystone_authtoken", key, occ] in lib.keyed(["memcache_security_strategy"])
	upper(occ.value) in {"MAC", "ENCRYPT"}
	not _key(f)
	finding := {
		"message": sprintf("%s is %s, but memcache_secret_key is not set: the service does not start (ConfigurationError)", [lib.where(f, "keystone_authtoken", key), occ.value]),
		"locations": [lib.loc(f, "keystone_authtoken", key, occ)],
	}
}

_key(f) if lib.last(f, "keystone_authtoken", "memcache_secret_key").fp != ""

_copies contains c if {
	some [f, "keystone_authtoken", key, occ] in lib.keyed(["memcache_secret_key"])
	occ.fp != ""
	c := {"kind": f.kind, "v": occ.fp, "where": lib.where(f, "keystone_authtoken", key), "loc": lib.loc(f, "keystone_authtoken", key, occ)}
}

report contains finding if {
	some kind in {c.kind | some c in _copies}
	some [c, r] in lib.drift({c | some c in _copies; c.kind == kind})
	finding := {
		"message": sprintf("%s (fp:%s) differs from %s (fp:%s): nodes of one service cannot read each other's cached tokens", [c.where, c.v, r.where, r.v]),
		"locations": [c.loc, r.loc],
	}
}
