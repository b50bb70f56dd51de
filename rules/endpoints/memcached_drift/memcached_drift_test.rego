package stacklint.rules.endpoints.memcached_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.endpoints.memcached_drift as rule

_occ(hosts) := {"value": concat(",", [sprintf("%s:11211", [h]) | some h in hosts]), "line": 11, "column": 1, "host_refs": [{"host": h, "port": 11211, "resolved": [h]} | some h in hosts]}

_nova(node, hosts) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"memcached_servers": _occ(hosts)}})

_input(third) := fx.deployment([
	fx.node("a", [], [_nova("a", ["10.0.0.11", "10.0.0.12"])]),
	fx.node("b", [], [_nova("b", ["10.0.0.12", "10.0.0.11"])]),
	fx.node("c", [], [_nova("c", third)]),
])

test_same_servers_any_order if {
	r := rule.report with input as _input(["10.0.0.11", "10.0.0.12"])
	r == set()
}

test_local_memcached if {
	r := rule.report with input as _input(["127.0.0.1"])
	r == {{
		"message": "nova.conf [keystone_authtoken] memcached_servers on c = 127.0.0.1:11211, but nova.conf [keystone_authtoken] memcached_servers on a = 10.0.0.11:11211,10.0.0.12:11211 (no memcached configuration in the snapshot: compared with the majority, 2 of 3): token caches diverge",
		"locations": [fx.loc(_nova("c", []), "keystone_authtoken", "memcached_servers", 11), fx.loc(_nova("a", []), "keystone_authtoken", "memcached_servers", 11)],
	}}
}

_g(node, host) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"glance": {"api_servers": {"value": sprintf("http://%s:9292", [host]), "line": 26, "column": 1, "host_refs": [{"host": host, "port": 9292, "resolved": [host]}]}}})

test_glance_api_servers_differ if {
	r := rule.report with input as fx.deployment([fx.node("a", [], [_g("a", "10.0.0.11")]), fx.node("b", [], [_g("b", "10.0.0.11")]), fx.node("c", [], [_g("c", "10.0.0.12")])])
	some f in r
	f.message == "nova.conf [glance] api_servers on c = http://10.0.0.12:9292, but nova.conf [glance] api_servers on a = http://10.0.0.11:9292 (no glance-api node in the snapshot: compared with the majority, 2 of 3): image stores diverge"
}

# Copies naming nodes of the snapshot (host references that reach them).
_at(node, hosts) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"memcached_servers": {
	"value": concat(",", [sprintf("%s:11211", [h]) | some h in hosts]), "line": 11, "column": 1,
	"host_refs": [{"host": h, "port": 11211, "resolved": ["10.0.0.1"], "reaches": h} | some h in hosts],
}}})

_memcached(node, port) := {"kind": "memcached", "path": sprintf("%s/etc/memcached.conf", [node]), "node": node, "directives": [
	{"line": 1, "name": "-l", "args": ["10.0.0.11"], "block": ""},
	{"line": 2, "name": "-p", "args": [port], "block": ""},
]}

# Most copies name compute1, where no memcached runs; the controller's own
# memcached configuration makes its copy the authority.
_cached(port, extra) := fx.deployment(array.concat([
	fx.node("ctl", [], [_at("ctl", ["ctl"]), _memcached("ctl", port)]),
	fx.node("compute1", [], [_at("compute1", ["compute1"])]),
	fx.node("compute2", [], [_at("compute2", ["compute1"])]),
], extra))

test_memcached_configuration_is_the_authority if {
	r := rule.report with input as _cached("11211", [])
	r == {
		{
			"message": "nova.conf [keystone_authtoken] memcached_servers on compute1 = compute1:11211, but nova.conf [keystone_authtoken] memcached_servers on ctl = ctl:11211 names the memcached servers whose own configuration is in the snapshot (ctl/etc/memcached.conf): token caches diverge",
			"locations": [fx.loc(_at("compute1", []), "keystone_authtoken", "memcached_servers", 11), fx.loc(_at("ctl", []), "keystone_authtoken", "memcached_servers", 11)],
		},
		{
			"message": "nova.conf [keystone_authtoken] memcached_servers on compute2 = compute1:11211, but nova.conf [keystone_authtoken] memcached_servers on ctl = ctl:11211 names the memcached servers whose own configuration is in the snapshot (ctl/etc/memcached.conf): token caches diverge",
			"locations": [fx.loc(_at("compute2", []), "keystone_authtoken", "memcached_servers", 11), fx.loc(_at("ctl", []), "keystone_authtoken", "memcached_servers", 11)],
		},
	}
}

# memcached listens on another port than every copy names: no copy names
# it, so the majority is taken and the message says why.
test_memcached_on_another_port if {
	r := rule.report with input as _cached("11311", [])
	count(r) == 1
	some f in r
	endswith(f.message, "(no copy names only memcached servers whose own configuration is in the snapshot: compared with the majority, 2 of 3): token caches diverge")
}

# A copy names a server outside the snapshot: it may run memcached too.
test_server_outside_the_snapshot if {
	outside := fx.node("compute3", [], [_nova("compute3", ["10.9.9.9"])])
	r := rule.report with input as _cached("11211", [outside])
	some f in r
	contains(f.message, " (a copy names servers outside the snapshot: compared with the most common value, 2 of 4)")
}

test_authority_agrees if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", [], [_at("ctl", ["ctl"]), _memcached("ctl", "11211")]),
		fx.node("compute1", [], [_at("compute1", ["ctl"])]),
	])
	r == set()
}

# Two configured memcached servers, each named by as many copies.
test_configured_lists_tie if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", [], [_at("ctl", ["ctl"]), _memcached("ctl", "11211")]),
		fx.node("ctl2", [], [_at("ctl2", ["ctl2"]), _memcached("ctl2", "11211")]),
	])
	r == {{
		"message": "token caches diverge: copies name different memcached servers whose own configuration is in the snapshot (nova.conf [keystone_authtoken] memcached_servers on ctl = ctl:11211, nova.conf [keystone_authtoken] memcached_servers on ctl2 = ctl2:11211)",
		"locations": [fx.loc(_at("ctl", []), "keystone_authtoken", "memcached_servers", 11), fx.loc(_at("ctl2", []), "keystone_authtoken", "memcached_servers", 11)],
	}}
}

# RDO's unit passes -p ${PORT} before $OPTIONS: a -p in OPTIONS wins.
test_sysconfig_port if {
	sysconfig := {"kind": "memcached", "path": "ctl/etc/sysconfig/memcached", "node": "ctl", "directives": [
		{"line": 2, "name": "OPTIONS", "args": ["-l 10.0.0.11 -p 11211"], "block": ""},
		{"line": 3, "name": "PORT", "args": ["11311"], "block": ""},
	]}
	r := rule.report with input as fx.deployment([
		fx.node("ctl", [], [_at("ctl", ["ctl"]), sysconfig]),
		fx.node("compute1", [], [_at("compute1", ["compute1"])]),
		fx.node("compute2", [], [_at("compute2", ["compute1"])]),
	])
	count(r) == 2
	every f in r {
		contains(f.message, "(ctl/etc/sysconfig/memcached)")
	}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [
		_input(["127.0.0.1"]),
		fx.deployment([fx.node("a", [], [_g("a", "10.0.0.11")]), fx.node("b", [], [_g("b", "10.0.0.11")]), fx.node("c", [], [_g("c", "10.0.0.12")])]),
		_cached("11211", []),
		_cached("11311", []),
		_cached("11211", [fx.node("compute3", [], [_nova("compute3", ["10.9.9.9"])])]),
		fx.deployment([
			fx.node("ctl", [], [_at("ctl", ["ctl"]), _memcached("ctl", "11211")]),
			fx.node("ctl2", [], [_at("ctl2", ["ctl2"]), _memcached("ctl2", "11211")]),
		]),
	] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
