# METADATA
# title: MariaDB does not listen where the services connect
# description: |
#   The install guide sets [mysqld] bind-address to the controller's
#   management address; Debian's packaged 50-server.cnf sets 127.0.0.1.
#   When the database node binds one address and a service's connection
#   URL reaches it at another (a remote client against 127.0.0.1, or the
#   management address against a loopback-only server), that service gets
#   "Can't connect to MySQL server". Only database nodes whose my.cnf files
#   are in the snapshot are checked.
# custom:
#   id: SL-DB-003
#   severity: error
#   inputs: [my.cnf]
#   remediation: |
#     Set bind-address in [mysqld] to the address the services use (the
#     management address, as the guide does) or 0.0.0.0, and restart
#     MariaDB.
package stacklint.rules.database.bind_address

import data.stacklint.lib.host

_server(d) if d.block in {"mysqld", "mariadb", "server", "galera"}

# _bind: the last bind-address of the node's my.cnf files, [file, directive].
_bind(node) := found[count(found) - 1] if {
	found := [[f, d] |
		some f in node.files
		f.kind == "my.cnf"
		some d in f.directives
		_server(d)
		replace(lower(d.name), "_", "-") == "bind-address"
	]
	count(found) > 0
}

report contains finding if {
	some name, node in input.nodes
	[f, d] := _bind(node)
	bind := trim_space(d.args[0])
	not host.wildcard(bind)
	missed := [c | some c in host.clients(name, 3306); c.addr != bind]
	count(missed) > 0
	finding := {
		"message": sprintf("MariaDB on %s binds %s (%s), but %s reach it at %s: those services cannot connect", [name, bind, f.path, host.listed(missed), concat(", ", sort({c.addr | some c in missed}))]),
		"locations": array.concat([host.dloc(f, d)], [c.loc | some c in host.sort_by_where(missed)]),
	}
}
