# METADATA
# title: Token cache protection without a shared key
# description: |
#   keystonemiddleware can sign (MAC) or encrypt (ENCRYPT) the tokens it
#   caches in memcached ([keystone_authtoken] memcache_security_strategy);
#   both need memcache_secret_key, and the middleware raises
#   ConfigurationError at start without it. Every node of a service shares
#   one cache, so they must also share the key: a node with another key
#   cannot read (and keeps overwriting) what its peers cached. Both
#   options are read in effect for every process on the node, across the
#   files it loads in order (dist file, main file, config-dir, the
#   process's own file), so a drop-in that holds the key or switches the
#   strategy counts; unset, the strategy is None in every release. The
#   nodes of a service are peers for the key: a differing key is compared
#   with the one most copies hold (the first by path on a tie), and the
#   message says which.
# custom:
#   id: SL-PASS-013
#   scope: aggregate
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Set one random memcache_secret_key per service in
#     [keystone_authtoken] on all its nodes, or drop
#     memcache_security_strategy.
package stacklint.rules.credentials.memcache_protection

import data.stacklint.lib

_key_name := "memcache_secret_key"

_strategy_name := "memcache_security_strategy"

# aggregate: each node's strategies without a key ({"no_key": {where,
# value, loc}}) and its memcache_secret_key copies ({"copy": {kind, v
# (fingerprint), where, loc}}); the report compares the copies of each
# service over the fleet (one node's copies alone would not show a peer
# with another key).
aggregate contains {"no_key": {"where": lib.where(f, "keystone_authtoken", _strategy_name), "value": occ.value, "loc": lib.loc(f, "keystone_authtoken", _strategy_name, occ)}} if {
	some name in {g.node | some [g, "keystone_authtoken", _, _] in lib.keyed([_strategy_name])}
	node := input.nodes[name]
	some paths in _loads(node)
	[f, occ] := lib.effective_in(node, paths, "keystone_authtoken", _strategy_name)
	upper(trim_space(occ.value)) in {"MAC", "ENCRYPT"}
	not _key(node, paths)
}

aggregate contains {"copy": c} if some c in _node_copies

_copies := {r.copy | some r in aggregate; r.copy}

report contains finding if {
	some r in aggregate
	m := r.no_key
	finding := {
		"message": sprintf("%s is %s, but memcache_secret_key is not set: the service does not start (ConfigurationError)", [m.where, m.value]),
		"locations": [m.loc],
	}
}

# _loads are the lists of files the node's processes load, in order
# (nodes.<n>.processes); without process facts, each file alone.
_loads(node) := {p.files | some p in node.processes} if count(object.get(node, "processes", {})) > 0

else := {[f.path] | some f in node.files}

_key(node, paths) if {
	[_, occ] := lib.effective_in(node, paths, "keystone_authtoken", _key_name)
	occ.fp != ""
}

_key(node, paths) if { # masked by sos: set, its value unknown
	[_, occ] := lib.effective_in(node, paths, "keystone_authtoken", _key_name)
	occ.masked
}

_node_copies contains c if {
	some [f, "keystone_authtoken", key, occ] in lib.keyed(["memcache_secret_key"])
	occ.fp != ""
	c := {"kind": f.kind, "v": occ.fp, "where": lib.where(f, "keystone_authtoken", key), "loc": lib.loc(f, "keystone_authtoken", key, occ)}
}

report contains finding if {
	some kind in {c.kind | some c in _copies}
	copies := {c | some c in _copies; c.kind == kind}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s (fp:%s) differs from %s (fp:%s; the nodes of a service are peers, none is the authority: %s): nodes of one service cannot read each other's cached tokens", [c.where, c.v, r.where, r.v, lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
