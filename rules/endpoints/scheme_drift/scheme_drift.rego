# METADATA
# title: One endpoint reached over both http and https
# description: |
#   A listener speaks either TLS or plain HTTP. When some references to one
#   host and port use https:// and others http://, one group of clients
#   fails (SSL errors, or "Connection reset" against a TLS port), usually
#   after TLS was turned on and not every file followed. References are
#   compared by what they reach (host resolved on each node, and port).
# custom:
#   id: SL-EP-007
#   severity: warning
#   inputs: [config, rc]
#   remediation: |
#     Use the scheme the listener speaks in every URL pointing at it (and
#     cafile where https is used).
package stacklint.rules.endpoints.scheme_drift

import data.stacklint.lib

_keys := [
	"www_authenticate_uri", "auth_uri", "auth_url", "identity_uri", "admin_auth_url", "api_servers",
	"url", "endpoint_override", "novncproxy_base_url", "glance_api_servers",
]

_copies contains c if {
	some [f, section, key, occ] in lib.keyed(_keys)
	occ.url.scheme in {"http", "https"}
	some h in occ.url.hosts
	not lib.unresolved(h)
	c := {"target": sprintf("%s:%d", [lib.ident(h), h.port]), "v": occ.url.scheme, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

_copies contains c if {
	some rc in input.rc
	u := rc.vars.OS_AUTH_URL.url
	u.scheme in {"http", "https"}
	some h in u.hosts
	not lib.unresolved(h)
	c := {"target": sprintf("%s:%d", [lib.ident(h), h.port]), "v": u.scheme, "where": sprintf("%s OS_AUTH_URL", [rc.path]), "loc": lib.rc_loc(rc, "OS_AUTH_URL")}
}

report contains finding if {
	some target in {c.target | some c in _copies}
	some [c, r] in lib.drift({c | some c in _copies; c.target == target})
	finding := {
		"message": sprintf("%s reaches %s over %s, but %s uses %s: one of them cannot talk to the listener", [c.where, target, c.v, r.where, r.v]),
		"locations": [c.loc, r.loc],
	}
}
