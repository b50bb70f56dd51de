package stacklint.rules.messaging.partial_cluster_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.messaging.partial_cluster as rule

_url(hosts) := {"value": "(url)", "line": 1, "column": 1, "url": {
	"scheme": "rabbit", "driver": "rabbit", "vhost": "", "user": "openstack", "password_fp": "a",
	"hosts": [{"host": h, "port": 5672, "user": "openstack", "password_fp": "a", "resolved": [_ips[h]]} | some h in hosts],
}}

_ips := {"mq1": "10.0.0.1", "mq2": "10.0.0.2", "mq3": "10.0.0.3", "vip": "10.0.0.9"}

_svc(node, kind, hosts) := fx.node(node, [], [fx.file(node, kind, sprintf("etc/%s", [kind]), {"DEFAULT": {"transport_url": _url(hosts)}})])

test_all_list_cluster if {
	r := rule.report with input as fx.deployment([_svc("c1", "nova.conf", ["mq1", "mq2"]), _svc("c1b", "neutron.conf", ["mq2", "mq1"])])
	r == set()
}

test_vip if {
	r := rule.report with input as fx.deployment([_svc("c1", "nova.conf", ["mq1", "mq2"]), _svc("c2", "neutron.conf", ["vip"])])
	r == set()
}

test_partial if {
	r := rule.report with input as fx.deployment([_svc("c1", "nova.conf", ["mq1", "mq2", "mq3"]), _svc("c2", "neutron.conf", ["mq1"])])
	r == {{
		"message": "neutron.conf [DEFAULT] transport_url on c2 lists 10.0.0.1:5672, but the broker cluster of vhost / also has 10.0.0.2:5672,10.0.0.3:5672: neutron loses RPC when its listed hosts fail",
		"locations": [{"path": "c2/etc/neutron.conf", "node": "c2", "line": 1, "column": 1, "section": "DEFAULT", "key": "transport_url"}],
	}}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_svc("c1", "nova.conf", ["mq1", "mq2", "mq3"]), _svc("c2", "neutron.conf", ["mq1"])]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
