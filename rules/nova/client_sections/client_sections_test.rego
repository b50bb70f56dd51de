package stacklint.rules.nova.client_sections_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.client_sections as rule

_cmp(sections) := object.union(fx.node("c1", ["nova-compute"], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", sections)]), {"roles": ["compute"]})

_neutron := fx.node("c", ["neutron-server"], [fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {})])

_modern := {"keystone_authtoken": {"www_authenticate_uri": "http://c:5000"}}

test_credentials if {
	r := rule.report with input as fx.deployment([_neutron, _cmp({"neutron": {"password": fx.secret("a", 1)}})])
	r == set()
}

test_missing if {
	r := rule.report with input as fx.deployment([_neutron, _cmp(_modern)])
	r == {{
		"message": "nova.conf on compute node c1 has no [neutron] credentials: instances on it cannot get ports",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "section": "neutron"}],
	}}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_neutron, _cmp(_modern)]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
