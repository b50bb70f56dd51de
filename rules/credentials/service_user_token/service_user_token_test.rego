package stacklint.rules.credentials.service_user_token_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
import data.stacklint.rules.credentials.service_user_token as rule

_nova(name, su) := fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"service_user": su})])

_full := {"send_service_user_token": "true", "auth_url": "http://c:5000", "username": "nova", "password": fx.secret("a", 1)}

test_all_send if {
	r := rule.report with input as fx.deployment([_nova("c1", _full), _nova("c2", _full)])
	r == set()
}

test_none_send if {
	r := rule.report with input as fx.deployment([_nova("c1", {}), _nova("c2", {})])
	r == set()
}

test_incomplete if {
	r := rule.report with input as fx.deployment([_nova("c1", {"send_service_user_token": "true", "username": "nova"})])
	r == {{
		"message": "nova.conf [service_user] send_service_user_token on c1 is true, but [service_user] lacks auth_url, password: nova's calls with a service token fail",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "service_user", "key": "send_service_user_token"}],
	}}
}

test_one_node_does_not_send if {
	r := rule.report with input as fx.deployment([_nova("c1", _full), _nova("c2", {})])
	r == {{
		"message": "nova on c2 does not send service user tokens (nova.conf [service_user] send_service_user_token on c2 is not set), but c1 do: calls that need a service token fail from c2",
		"locations": [{"path": "c2/etc/nova/nova.conf", "node": "c2", "line": 1, "column": 1, "section": "service_user", "key": "send_service_user_token"}],
	}}
}

_defaults := {"2024.1": {"nova.conf": {"service_user": {"send_service_user_token": {"text": "false", "host": false}}}}}

_with_headers(n) := object.union(n, {"files": {p: object.union(f, {"headers": [{"name": "service_user", "line": 4}]}) | some p, f in n.files}})

test_one_node_unset_names_default if {
	d := fx.released_as(fx.deployment([_nova("c1", _full), _with_headers(_nova("c2", {"auth_url": "http://c:5000"}))]), "2024.1", "2024.1", "auto")
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	r == {{
		"message": "nova on c2 does not send service user tokens (nova.conf [service_user] send_service_user_token on c2 is not set: its default in 2024.1, false), but c1 do: calls that need a service token fail from c2",
		"locations": [{"path": "c2/etc/nova/nova.conf", "node": "c2", "line": 4, "column": 1, "section": "service_user", "key": "send_service_user_token"}],
	}}
}

test_one_node_written_false if {
	d := fx.deployment([_nova("c1", _full), _nova("c2", {"send_service_user_token": "False"})])
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	[m] := [f.message | some f in r]
	contains(m, "send_service_user_token on c2 is False), but c1 do")
}

test_all_send_unset_defaults_no_hit if {
	d := fx.released_as(fx.deployment([_nova("c1", _full), _nova("c2", _full)]), "2024.1", "2024.1", "auto")
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	r == set()
}

# Each node is a part of its own: c3's incomplete section, and c2 not
# sending while c1 and c3 do, from records.
test_two_passes if {
	d := fx.deployment([_nova("c1", _full), _nova("c2", {}), _nova("c3", {"send_service_user_token": "true", "username": "nova"})])
	whole := rule.report with input as d
	count(whole) == 2
	_two_passes(d) == whole
}

# _two_passes is the report as the engine's two passes give it, one node
# per part: each part's aggregate, the report over no nodes.
_two_passes(d) := r if {
	recs := {x | some p in parts.parts(d); some x in _records(p)}
	r := rule.report with rule.aggregate as recs with input as parts.fleet(d)
}

_records(p) := a if a := rule.aggregate with input as p
