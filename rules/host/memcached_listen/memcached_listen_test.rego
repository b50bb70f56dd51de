package stacklint.rules.host.memcached_listen_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.memcached_listen as rule

_mc(opts) := fx.node("ctl", [], [{"kind": "memcached", "path": "ctl/etc/sysconfig/memcached", "node": "ctl", "directives": [{"line": 5, "name": "OPTIONS", "args": [opts], "block": ""}]}])

_client := fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"memcached_servers": {
	"value": "ctl:11211", "line": 7, "column": 1,
	"host_refs": [{"host": "ctl", "port": 11211, "resolved": ["10.0.0.11"], "reaches": "ctl"}],
}}})])

test_management_address if {
	r := rule.report with input as fx.deployment([_mc("-l 127.0.0.1,::1,10.0.0.11"), _client])
	r == set()
}

test_loopback_only if {
	r := rule.report with input as fx.deployment([_mc("-l 127.0.0.1,::1"), _client])
	r == {{
		"message": "memcached on ctl listens on 127.0.0.1,::1 only (ctl/etc/sysconfig/memcached), but nova.conf [keystone_authtoken] memcached_servers on c reach it at 10.0.0.11: their token cache is unreachable",
		"locations": [
			{"path": "ctl/etc/sysconfig/memcached", "node": "ctl", "line": 5, "column": 1},
			{"path": "c/etc/nova/nova.conf", "node": "c", "line": 7, "column": 1, "section": "keystone_authtoken", "key": "memcached_servers"},
		],
	}}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_mc("-l 127.0.0.1,::1"), _client]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}

# With the fleet's file kinds known (the model's file_kinds), client
# records are built only when some node holds memcached's configuration.
test_client_records_only_where_memcached_is_held if {
	d := fx.deployment([_mc("-l 127.0.0.1,::1"), _client])
	count({r | some r in rule.aggregate with input as object.union(d, {"file_kinds": ["nova.conf"]}); r.client}) == 0
	count({r | some r in rule.aggregate with input as object.union(d, {"file_kinds": ["memcached", "nova.conf"]}); r.client}) > 0
}
