# METADATA
# title: Keystone v2.0 path or admin port 35357 after Queens
# description: |
#   Since Queens Keystone serves only the v3 API, on one port (5000) for
#   every interface: the v2.0 API and the admin port 35357 are gone. A
#   reference that still uses /v2.0 or 35357 fails once Keystone is
#   upgraded. Reported only when the snapshot shows a Queens-or-later
#   deployment ([keystone_authtoken] www_authenticate_uri, introduced with
#   it); in older deployments these URLs are correct.
# custom:
#   id: SL-EP-002
#   scope: aggregate
#   severity: warning
#   inputs: [config, rc]
#   remediation: |
#     Use http://controller:5000/v3 (or the endpoint without a version) and
#     restart the service.
package stacklint.rules.endpoints.keystone_v2_admin_port

import data.stacklint.lib
import data.stacklint.lib.keystone as ks

# aggregate: whether the part shows a Queens-or-later deployment
# ({"queens": true}) and each Keystone reference (option or rc file) to
# /v2.0 or 35357 ({"finding": finding}, of its node alone); the report
# keeps the findings when some node shows Queens.
aggregate contains {"queens": true} if lib.queens_or_later

aggregate contains {"finding": finding} if {
	some r in ks.refs
	what := _stale(r)
	finding := {
		"message": sprintf("%s uses %s: since Queens Keystone serves only v3, on port 5000", [ks.where(r), what]),
		"locations": [ks.loc(r)],
	}
}

report contains r.finding if {
	{"queens": true} in aggregate
	some r in aggregate
	r.finding
}

_stale(r) := "the removed admin port 35357" if r.port == 35357

else := "the removed v2.0 API" if startswith(r.path, "/v2.0")
