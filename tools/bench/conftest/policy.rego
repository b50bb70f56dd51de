# The yardstick of `make bench`: three checks over the INI files of a
# snapshot, written as a conftest user writes them (conftest test --parser
# ini --combine). stacklint runs its whole catalog over the same snapshot.
package main

import rego.v1

# conftest's ini parser leaves out [DEFAULT] (and reads true, false and
# numbers as JSON booleans and numbers), so the checks look at named
# sections only.

# keystonemiddleware without a token cache in any service.
deny contains msg if {
	some f in input
	f.contents.keystone_authtoken
	not f.contents.keystone_authtoken.memcached_servers
	msg := sprintf("%s: [keystone_authtoken] memcached_servers is not set", [f.path])
}

# nova.conf without the Image service's address.
deny contains msg if {
	some f in input
	endswith(f.path, "nova.conf")
	not f.contents.glance.api_servers
	msg := sprintf("%s: [glance] api_servers is not set", [f.path])
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
