package stacklint.rules.messaging.broker_password_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
import data.stacklint.rules.messaging.broker_password_drift as rule

_nova(node, fp) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": fx.transport("rabbit", "controller", "", "openstack", fp, 2)}})

_input(fps) := fx.deployment([fx.node(sprintf("n%d", [i]), [], [_nova(sprintf("n%d", [i]), fp)]) | some i, fp in fps])

test_same_password if {
	r := rule.report with input as _input(["aaaaaa", "aaaaaa", "aaaaaa"])
	r == set()
}

test_one_differs if {
	r := rule.report with input as _input(["aaaaaa", "aaaaaa", "bbbbbb"])
	r == {{
		"message": "broker user 'openstack' on controller:5672 vhost '/': nova.conf [DEFAULT] transport_url on n2 (fp:bbbbbb) differs from nova.conf [DEFAULT] transport_url on n0 (fp:aaaaaa), used by 2 of 3 copies (the broker's own user database is not in a snapshot: compared with the majority); the side the broker does not know gets ACCESS_REFUSED",
		"locations": [fx.loc(_nova("n2", ""), "DEFAULT", "transport_url", 2), fx.loc(_nova("n0", ""), "DEFAULT", "transport_url", 2)],
	}}
}

test_legacy_default_guest_password_differs if {
	legacy := fx.file("n1", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {
		"rabbit_host": {"value": "controller", "line": 3, "column": 1, "host_refs": [{"host": "controller", "port": 0}]},
		"rabbit_userid": "openstack",
	}})
	r := rule.report with input as fx.deployment([fx.node("n0", [], [_nova("n0", "aaaaaa")]), fx.node("n1", [], [legacy])])
	count(r) == 1
	some f in r
	contains(f.message, "(default 'guest')")
}

test_plurality_is_not_called_a_majority if {
	r := rule.report with input as _input(["aaaaaa", "aaaaaa", "bbbbbb", "cccccc", "dddddd"])
	count(r) == 3
	every f in r {
		contains(f.message, "used by 2 of 5 copies (the broker's own user database is not in a snapshot: compared with the most common value)")
	}
}

# Each node is a part of its own: the majority (2 of 3) is counted over
# the records of every part.
test_two_passes if {
	d := _input(["aaaaaa", "bbbbbb", "aaaaaa"])
	whole := rule.report with input as d
	count(whole) == 1
	_two_passes(d) == whole
}

# _two_passes is the report as the engine's two passes give it, one node
# per part: each part's aggregate, the report over no nodes.
_two_passes(d) := r if {
	recs := {x | some p in parts.parts(d); some x in _records(p)}
	r := rule.report with rule.aggregate as recs with input as parts.fleet(d)
}

_records(p) := a if a := rule.aggregate with input as p
