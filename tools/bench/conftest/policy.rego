# The yardstick of `make bench`: three checks over the INI files of a
# snapshot, written as a conftest user writes them (conftest test --parser
# ini --combine). stacklint runs its whole catalog over the same snapshot.
package main

import rego.v1

# debug left on in any service.
deny contains msg if {
	some f in input
	lower(f.contents.DEFAULT.debug) == "true"
	msg := sprintf("%s: [DEFAULT] debug is on", [f.path])
}

# nova.conf without a message broker.
deny contains msg if {
	some f in input
	endswith(f.path, "nova.conf")
	not f.contents.DEFAULT.transport_url
	msg := sprintf("%s: [DEFAULT] transport_url is not set", [f.path])
}

# a service password that differs from the controller's copy.
controller_password := g.contents.neutron.password if {
	some g in input
	endswith(g.path, "/controller/etc/nova/nova.conf")
}

deny contains msg if {
	some f in input
	endswith(f.path, "nova.conf")
	f.contents.neutron.password != controller_password
	msg := sprintf("%s: [neutron] password differs from the controller's", [f.path])
}
