# METADATA
# title: Keystone admin vhost on 35357 left on a Queens-or-later deployment
# description: |
#   Since Queens keystone serves every interface from one application on
#   port 5000; the v2.0 admin API that listened on 35357 is gone. An httpd
#   Listen 35357 or <VirtualHost *:35357> left from an older guide keeps an
#   extra keystone process and port open that nothing should use, and hides
#   clients still pointing at it.
# custom:
#   id: SL-KS-005
#   scope: aggregate
#   severity: info
#   inputs: [httpd]
#   remediation: |
#     Remove Listen 35357 and the admin <VirtualHost> from the keystone
#     vhost (wsgi-keystone.conf), point any client still using 35357 at
#     5000, and reload httpd.
package stacklint.rules.keystone.admin_vhost

import data.stacklint.lib
import data.stacklint.lib.host

_port(d) := d.args[0] if d.name == "Listen"

_port(d) := d.args[0] if d.name == "<VirtualHost"

# aggregate: whether the part shows a Queens-or-later deployment
# ({"queens": true}) and each httpd Listen or <VirtualHost> on 35357
# ({"finding": finding}, of its node alone); the report keeps the
# findings when some node shows Queens.
aggregate contains {"queens": true} if lib.queens_or_later

aggregate contains {"finding": finding} if {
	some [f, d] in host.directives("httpd")
	endswith(_port(d), "35357")
	finding := {
		"message": sprintf("%s still has %s %s: keystone's admin port is unneeded since Queens", [f.path, trim_prefix(d.name, "<"), d.args[0]]),
		"locations": [host.dloc(f, d)],
	}
}

report contains r.finding if {
	{"queens": true} in aggregate
	some r in aggregate
	r.finding
}
