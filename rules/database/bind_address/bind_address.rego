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
#   scope: aggregate
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

# aggregate: each node's MariaDB that binds a named address ({"bind":
# [node, address, path, location of its last bind-address]}) and each
# client reference to port 3306 ({"client": host.references entry}); the
# report matches them over the fleet.
aggregate contains {"bind": [name, bind, f.path, host.dloc(f, d)]} if {
	some name, node in input.nodes
	[f, d] := _bind(node)
	bind := trim_space(d.args[0])
	not host.wildcard(bind)
}

aggregate contains {"client": c} if some c in host.references_to(3306)

_clients := {r.client | some r in aggregate; r.client}

report contains finding if {
	some r in aggregate
	[name, bind, path, at] := r.bind
	missed := [c | some c in host.clients_among(_clients, name, 3306); c.addr != bind]
	count(missed) > 0
	finding := {
		"message": sprintf("MariaDB on %s binds %s (%s), but %s reach it at %s: those services cannot connect", [name, bind, path, host.listed(missed), concat(", ", sort({c.addr | some c in missed}))]),
		"locations": array.concat([at], [c.loc | some c in host.sort_by_where(missed)]),
	}
}
