# METADATA
# title: memcached does not listen where the services connect
# description: |
#   Packaged memcached listens on loopback only (Ubuntu's memcached.conf
#   "-l 127.0.0.1", RDO's OPTIONS="-l 127.0.0.1,::1"); the guides add the
#   controller's management address. Services on other nodes that cache
#   tokens at controller:11211 then cannot connect, and every request pays
#   a full token validation (keystonemiddleware logs "Unable to connect").
#   Only nodes whose memcached options are in the snapshot are checked.
# custom:
#   id: SL-HOST-004
#   scope: aggregate
#   severity: warning
#   inputs: [memcached]
#   remediation: |
#     Add the management address to memcached's -l list
#     (OPTIONS="-l 127.0.0.1,::1,controller" in /etc/sysconfig/memcached,
#     or -l 10.0.0.11 in /etc/memcached.conf) and restart memcached.
package stacklint.rules.host.memcached_listen

import data.stacklint.lib.host

# _listen: [file, directive, addresses] for each -l option.
_listen(node) := [[f, d, addrs] |
	some f in node.files
	f.kind == "memcached"
	some d in f.directives
	addrs := _addrs(d)
]

_addrs(d) := {a | some x in split(d.args[0], ","); a := trim_space(x)} if d.name == "-l"

_addrs(d) := {a |
	words := split(concat(" ", d.args), " ")
	some i, w in words
	w == "-l"
	some x in split(words[i + 1], ",")
	a := trim_space(x)
} if d.name == "OPTIONS"

# aggregate: each node's memcached that listens on named addresses only
# ({"listen": [node, addresses, path, location of its last -l]}) and each
# client reference to port 11211 ({"client": host.references entry}); the
# report matches them over the fleet.
aggregate contains {"listen": [name, addrs, f.path, host.dloc(f, d)]} if {
	some name, node in input.nodes
	listen := _listen(node)
	count(listen) > 0
	[f, d, _] := listen[count(listen) - 1]
	addrs := {a | some [_, _, s] in listen; some a in s}
	not _any_wildcard(addrs)
}

aggregate contains {"client": c} if {
	host.held_anywhere("memcached") # else no memcached to judge
	some c in host.references_to(11211)
}

_clients := {r.client | some r in aggregate; r.client}

report contains finding if {
	some r in aggregate
	[name, addrs, path, at] := r.listen
	missed := [c | some c in host.clients_among(_clients, name, 11211); not c.addr in addrs]
	count(missed) > 0
	finding := {
		"message": sprintf("memcached on %s listens on %s only (%s), but %s reach it at %s: their token cache is unreachable", [name, concat(",", sort(addrs)), path, host.listed(missed), concat(", ", sort({c.addr | some c in missed}))]),
		"locations": array.concat([at], [c.loc | some c in host.sort_by_where(missed)]),
	}
}

_any_wildcard(addrs) if {
	some a in addrs
	host.wildcard(a)
}
