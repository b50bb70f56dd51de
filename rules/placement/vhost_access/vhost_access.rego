# METADATA
# title: httpd denies access to the placement WSGI script
# description: |
#   RDO serves placement from httpd (00-placement-api.conf, formerly
#   00-nova-placement-api.conf) with WSGIScriptAlias pointing into
#   /usr/bin. Apache 2.4 denies every directory not granted explicitly,
#   and the packaged vhost long lacked the grant (BZ 1430540; the Ocata to
#   Rocky install guides told readers to add <Directory /usr/bin> Require
#   all granted). Without it every placement request gets 403:
#   nova-compute cannot report inventory and scheduling fails.
# custom:
#   id: SL-PLC-001
#   scope: node
#   severity: error
#   inputs: [httpd]
#   remediation: |
#     Add to the placement vhost: <Directory /usr/bin> <IfVersion >= 2.4>
#     Require all granted </IfVersion> </Directory>, then restart httpd.
package stacklint.rules.placement.vhost_access

import data.stacklint.lib
import data.stacklint.lib.host

_dir(p) := concat("/", array.slice(parts, 0, count(parts) - 1)) if parts := split(p, "/")

report contains finding if {
	some [f, d] in host.directives("httpd")
	d.name == "WSGIScriptAlias"
	count(d.args) > 1
	contains(d.args[1], "placement")
	dir := _dir(d.args[1])
	not _granted(input.nodes[f.node], f.path, dir, d.block)
	finding := {
		"message": sprintf("%s serves placement from %s, but no <Directory %s> grants access (Require all granted): every placement request gets 403", [f.path, d.args[1], dir]),
		"locations": [host.dloc(f, d)],
	}
}

# _granted: a Require all granted (or Apache 2.2's Allow from all) inside
# <Directory dir> at top level of any httpd file, or in the same virtual
# host (the same block of the same file: another file's <VirtualHost *:8778>
# is another vhost).
_granted(node, path, dir, vhost) if {
	some f in node.files
	f.kind == "httpd"
	some open in f.directives
	open.name == "<Directory"
	trim_right(open.args[0], "/") == trim_right(dir, "/")
	_scope_ok(open.block, f.path, vhost, path)
	some d in f.directives
	d.block == sprintf("Directory %s", [concat(" ", open.args)])
	_grants(d)
}

_grants(d) if {
	d.name == "Require"
	d.args == ["all", "granted"]
}

_grants(d) if {
	d.name == "Allow"
	lower(concat(" ", d.args)) == "from all"
}

_scope_ok("", _, _, _)

_scope_ok(block, path, block, path) if block != ""
