# METADATA
# title: A service talks to another Keystone than its peers
# description: |
#   Every auth_url of every service (keystone_authtoken, service_user,
#   nova [neutron]/[placement], neutron [nova], the Icehouse-era
#   auth_host/auth_port and *_admin_auth_url, the metadata agent) must
#   reach the same Keystone, and so must every www_authenticate_uri and
#   OS_AUTH_URL. Hosts are compared by what they resolve to on the referring
#   node, paths are ignored (http://controller:5000 and .../v3 are the same
#   Keystone), and the pre-Queens admin port 35357 counts as Keystone's
#   5000. Public URLs and service URLs are compared separately, since
#   public and internal endpoints may differ. A reference that reaches
#   another host or port than most do authenticates against a Keystone that
#   does not know its tokens, or nothing at all.
# custom:
#   id: SL-EP-001
#   severity: error
#   inputs: [config, rc]
#   remediation: |
#     Point the reference at the same Keystone endpoint as the others
#     (the guide's http://controller:5000) and restart the service.
package stacklint.rules.endpoints.keystone_drift

import data.stacklint.lib
import data.stacklint.lib.keystone as ks

_copies contains c if {
	some r in ks.refs
	not lib.unresolved(r.host) # SL-EP-004
	port := _port(r.port)
	c := object.union(r, {"v": [lib.ident(r.host), port]})
}

_port(35357) := 5000

_port(p) := p if p != 35357

report contains finding if {
	some class in {"public", "service"}
	copies := {c | some c in _copies; c.class == class}
	some [c, r] in lib.drift(copies)
	n := count([1 | some d in copies; d.v == r.v])
	finding := {
		"message": sprintf("%s reaches Keystone at %s, but %d of %d %s references reach %s (%s)", [ks.where(c), _shown(c, r), n, count(copies), class, _shown(r, c), ks.where(r)]),
		"locations": [ks.loc(c), ks.loc(r)],
	}
}

# _shown is a reference's endpoint as written, with the machine it reaches
# when the other side writes the same URL (the name resolves differently
# on the two nodes): a message never compares equal values.
_shown(c, other) := c.endpoint if c.endpoint != other.endpoint

else := sprintf("%s (%s on %s)", [c.endpoint, _target(c), c.node])

_target(c) := sprintf("node %s", [c.v[0]]) if input.nodes[c.v[0]]

else := c.v[0]
