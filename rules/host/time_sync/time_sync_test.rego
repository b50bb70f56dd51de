package stacklint.rules.host.time_sync_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.time_sync as rule

_chrony(node, ds) := {"kind": "chrony", "path": sprintf("%s/etc/chrony.conf", [node]), "node": node, "directives": ds}

_ctl(allow) := object.union(fx.node("ctl", [], [_chrony("ctl", [
	{"line": 1, "name": "pool", "args": ["2.debian.pool.ntp.org", "iburst"], "block": ""},
	{"line": 3, "name": "allow", "args": [allow], "block": ""},
])]), {"roles": ["controller"], "addresses": ["10.0.0.11"]})

_cmp(name, ip, src) := object.union(fx.node(name, [], [_chrony(name, [{"line": 2, "name": "server", "args": [src, "iburst"], "block": ""}])]), {"addresses": [ip]})

test_guide if {
	r := rule.report with input as fx.deployment([_ctl("10.0.0.0/24"), _cmp("c1", "10.0.0.31", "ctl"), _cmp("c2", "10.0.0.32", "10.0.0.11")])
	r == set()
}

test_other_source if {
	r := rule.report with input as fx.deployment([_ctl("10.0.0.0/24"), _cmp("c1", "10.0.0.31", "ctl"), _cmp("c2", "10.0.0.32", "ntp.example.org")])
	r == {{
		"message": "c2/etc/chrony.conf on c2 takes its time from ntp.example.org, not the controller as c1 do: clocks drift apart",
		"locations": [{"path": "c2/etc/chrony.conf", "node": "c2", "line": 2, "column": 1}],
	}}
}

test_allow_misses if {
	r := rule.report with input as fx.deployment([_ctl("10.0.1.0/24"), _cmp("c1", "10.0.0.31", "ctl")])
	count(r) == 1
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_ctl("10.0.0.0/24"), _cmp("c1", "10.0.0.31", "ctl"), _cmp("c2", "10.0.0.32", "ntp.example.org")]),
		fx.deployment([_ctl("10.0.1.0/24"), _cmp("c1", "10.0.0.31", "ctl")]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
