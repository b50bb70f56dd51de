package stacklint.rules.endpoints.memcached_drift_test

import data.stacklint.fixtures as fx
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
		"message": "nova.conf [keystone_authtoken] memcached_servers on c = 127.0.0.1:11211, but most nodes use 10.0.0.11:11211,10.0.0.12:11211 (nova.conf [keystone_authtoken] memcached_servers on a): token caches diverge",
		"locations": [fx.loc(_nova("c", []), "keystone_authtoken", "memcached_servers", 11), fx.loc(_nova("a", []), "keystone_authtoken", "memcached_servers", 11)],
	}}
}

_g(node, host) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"glance": {"api_servers": {"value": sprintf("http://%s:9292", [host]), "line": 26, "column": 1, "host_refs": [{"host": host, "port": 9292, "resolved": [host]}]}}})

test_glance_api_servers_differ if {
	r := rule.report with input as fx.deployment([fx.node("a", [], [_g("a", "10.0.0.11")]), fx.node("b", [], [_g("b", "10.0.0.11")]), fx.node("c", [], [_g("c", "10.0.0.12")])])
	some f in r
	f.message == "nova.conf [glance] api_servers on c = http://10.0.0.12:9292, but most nodes use http://10.0.0.11:9292 (nova.conf [glance] api_servers on a): image stores diverge"
}
