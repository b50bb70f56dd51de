# METADATA
# title: Placement vhost differs between nodes or runs a removed script
# description: |
#   Placement runs under httpd in a <VirtualHost *:8778> whose
#   WSGIScriptAlias points at the placement-api script. Two ways this goes
#   wrong. Placement 15.0.0 (2026.1) no longer ships the placement-api
#   script (its WSGI application is placement.wsgi.api:application), so a
#   vhost still aliasing /usr/bin/placement-api serves nothing after the
#   upgrade; checked only when the release is known (--release or
#   release: in .stacklint.yaml). And placement nodes behind one endpoint
#   must serve it on the same port: a node whose vhost uses another port
#   is skipped by the load balancer or by clients of the catalog's URL.
#   The placement nodes are peers: a differing one is compared with the
#   port most serve it on (the first by path on a tie), and the message
#   says which.
# custom:
#   id: SL-PLC-003
#   scope: aggregate
#   severity: error
#   inputs: [httpd]
#   remediation: |
#     Point WSGIScriptAlias at a .wsgi file that imports
#     placement.wsgi.api:application (or run placement under uWSGI or
#     gunicorn with that module), and use the same vhost port (8778) on
#     every placement node.
package stacklint.rules.placement.vhost_target

import data.stacklint.lib
import data.stacklint.lib.host

_script := "/placement-api"

# aggregate: each node's aliases of the removed placement-api script
# ({"alias": {path, line, script, release, loc}}) and the ports its httpd
# serves placement on ({"copy": {v, node, loc, pos}}); the reports name
# the aliases and compare the ports over the fleet.
aggregate contains {"alias": a} if {
	some [f, d] in host.directives("httpd")
	d.name == "WSGIScriptAlias"
	count(d.args) > 1
	endswith(d.args[1], _script)
	lib.service_release_at_least(f.node, "placement", "2026.1")
	a := {"path": f.path, "line": d.line, "script": d.args[1], "release": lib.service_release_named(f.node, "placement"), "loc": host.dloc(f, d)}
}

aggregate contains {"copy": c} if {
	some name, node in input.nodes
	served := host.wsgi_served(node, "placement")
	count(served) > 0
	[f, vd, _] := served[0]
	ports := sort({p | some [_, _, p] in served})
	c := {"v": ports, "node": name, "loc": host.dloc(f, vd), "pos": [f.path, vd.line]}
}

report contains finding if {
	some r in aggregate
	a := r.alias
	finding := {
		"message": sprintf("%s:%d aliases %s, which placement 15.0.0 (2026.1) no longer ships; the release checked against is %s: placement answers 404 or httpd fails to load the vhost", [a.path, a.line, a.script, a.release]),
		"locations": [a.loc],
	}
}

_copies := {r.copy | some r in aggregate; r.copy}

report contains finding if {
	some [c, r] in lib.drift(_copies)
	finding := {
		"message": sprintf("placement on %s is served on port %s (%s:%d), but on %s (%s on %s; placement nodes are peers, none is the authority: %s): clients of the one endpoint miss this node", [c.node, _ports(c.v), c.loc.path, c.loc.line, _ports(r.v), r.loc.path, r.node, lib.compared(_copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}

_ports(ps) := concat(", ", [sprintf("%d", [p]) | some p in ps])
