package stacklint.rules.keystone.service_token_roles_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.keystone.service_token_roles as rule

_n(name, kind, roles) := fx.node(name, [], [fx.file(name, kind, sprintf("etc/%s", [kind]), {"keystone_authtoken": {"service_token_roles": roles}})])

test_same if {
	r := rule.report with input as fx.deployment([_n("a", "nova.conf", "service"), _n("b", "neutron.conf", "Service")])
	r == set()
}

test_differs if {
	r := rule.report with input as fx.deployment([_n("a", "nova.conf", "service"), _n("b", "glance-api.conf", "service"), _n("c", "neutron.conf", "admin")])
	r == {{
		"message": "neutron.conf [keystone_authtoken] service_token_roles on c is admin, but nova.conf [keystone_authtoken] service_token_roles on a is service (the roles the users hold are in Keystone, not in a file: compared with the majority, 2 of 3): service users need every role some service demands, or service-to-service calls fail",
		"locations": [
			{"path": "c/etc/neutron.conf", "node": "c", "line": 1, "column": 1, "section": "keystone_authtoken", "key": "service_token_roles"},
			{"path": "a/etc/nova.conf", "node": "a", "line": 1, "column": 1, "section": "keystone_authtoken", "key": "service_token_roles"},
		],
	}}
}

# The two passes: the majority's copies on nodes a and b, the differing
# one on c; each node's records alone, the report over their union with no
# nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	d := fx.deployment([_n("a", "nova.conf", "service"), _n("b", "glance-api.conf", "service"), _n("c", "neutron.conf", "admin")])
	r := _two_pass(d)
	count(r) == 1
	r == rule.report with input as d
}
