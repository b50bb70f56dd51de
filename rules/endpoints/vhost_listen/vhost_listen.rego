# METADATA
# title: httpd virtual host on a port httpd does not listen on
# description: |
#   An httpd <VirtualHost *:PORT> answers only if some Listen directive
#   opens PORT. keystone (5000), placement (8778) and the dashboard vhosts
#   each bring their own Listen line; one lost in an edit leaves the vhost
#   defined and the port closed, so clients get "connection refused" while
#   httpd runs fine. Checked only on nodes whose main httpd configuration
#   (httpd.conf or ports.conf) is in the snapshot.
# custom:
#   id: SL-EP-012
#   scope: node
#   severity: error
#   inputs: [httpd]
#   remediation: |
#     Add Listen PORT next to the vhost (as wsgi-keystone.conf and
#     00-placement-api.conf do) and reload httpd.
package stacklint.rules.endpoints.vhost_listen

import data.stacklint.lib.host

_main(f) if endswith(f.path, "/etc/httpd/conf/httpd.conf")

_main(f) if endswith(f.path, "/etc/apache2/ports.conf")

_port(a) := p if {
	parts := split(a, ":")
	p := parts[count(parts) - 1]
}

report contains finding if {
	some name, node in input.nodes
	some m in node.files
	m.kind == "httpd"
	_main(m)
	listens := {_port(d.args[0]) | some f in node.files; f.kind == "httpd"; some d in f.directives; d.name == "Listen"}
	some f in node.files
	f.kind == "httpd"
	some d in f.directives
	d.name == "<VirtualHost"
	some a in d.args
	port := _port(a)
	port != "*"
	not port in listens
	finding := {
		"message": sprintf("%s defines <VirtualHost %s>, but no httpd file on %s has Listen %s: the port is closed", [f.path, a, name, port]),
		"locations": [host.dloc(f, d)],
	}
}
