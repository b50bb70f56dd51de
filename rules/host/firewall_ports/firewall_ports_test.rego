package stacklint.rules.host.firewall_ports_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.firewall_ports as rule

_rule(line, words) := {"line": line, "name": "-A", "args": array.concat(["INPUT"], split(words, " ")), "block": ""}

# The RHEL iptables-services default ruleset, with extra rules inserted
# before the final REJECT.
_iptables(extra) := {"kind": "iptables", "path": "ctl/etc/sysconfig/iptables", "node": "ctl", "directives": array.concat(
	array.concat(
		[
			{"line": 1, "name": "*filter", "args": [], "block": ""},
			{"line": 2, "name": ":INPUT", "args": ["ACCEPT", "[0:0]"], "block": ""},
			_rule(5, "-m state --state RELATED,ESTABLISHED -j ACCEPT"),
			_rule(6, "-p icmp -j ACCEPT"),
			_rule(7, "-i lo -j ACCEPT"),
			_rule(8, "-p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT"),
		],
		extra,
	),
	[_rule(20, "-j REJECT --reject-with icmp-host-prohibited"), {"line": 22, "name": "COMMIT", "args": [], "block": ""}],
)}

_client := fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": {
	"value": "(url)", "line": 2, "column": 1,
	"url": {"scheme": "rabbit", "hosts": [{"host": "ctl", "port": 5672, "resolved": ["10.0.0.11"], "reaches": "ctl"}]},
}}})])

_d(fw) := fx.deployment([
	object.union(fx.node("ctl", [], [fw]), {"known_addresses": ["10.0.0.11"]}),
	object.union(_client, {"known_addresses": ["10.0.0.31"]}),
])

_closed(path, line) := {{
	"message": sprintf("the firewall of ctl (%s:%d) rejects new TCP connections to port 5672, which nova.conf [DEFAULT] transport_url on c1 use: they time out or are refused", [path, line]),
	"locations": [
		{"path": path, "node": "ctl", "line": line, "column": 1},
		{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 2, "column": 1, "section": "DEFAULT", "key": "transport_url"},
	],
}}

test_default_ruleset_rejects if {
	r := rule.report with input as _d(_iptables([]))
	r == _closed("ctl/etc/sysconfig/iptables", 20)
}

test_port_opened_for_the_network if {
	r := rule.report with input as _d(_iptables([_rule(10, "-s 10.0.0.0/24 -p tcp -m multiport --dports 5671:5672,15672 -j ACCEPT")]))
	r == set()
}

test_opened_for_another_network if {
	r := rule.report with input as _d(_iptables([_rule(10, "-s 192.168.0.0/24 -p tcp -m tcp --dport 5672 -j ACCEPT")]))
	r == _closed("ctl/etc/sysconfig/iptables", 20)
}

# A jump to another chain or an interface match cannot be judged here.
test_unknown_rules_say_nothing if {
	r1 := rule.report with input as _d(_iptables([_rule(10, "-j INPUT_direct")]))
	r1 == set()
	r2 := rule.report with input as _d(_iptables([_rule(10, "-i eth1 -j ACCEPT")]))
	r2 == set()
	r3 := rule.report with input as _d(_iptables([_rule(10, "-p tcp ! --dport 22 -j ACCEPT")]))
	r3 == set()
}

_zone(extra) := {"kind": "firewalld", "path": "ctl/etc/firewalld/zones/public.xml", "node": "ctl", "directives": array.concat(
	[
		{"line": 2, "name": "zone", "args": [], "block": ""},
		{"line": 4, "name": "service", "args": ["name=ssh"], "block": "zone"},
	],
	extra,
)}

test_firewalld_zone_closed if {
	r := rule.report with input as _d(_zone([]))
	r == _closed("ctl/etc/firewalld/zones/public.xml", 2)
}

test_firewalld_zone_open if {
	r1 := rule.report with input as _d(_zone([{"line": 5, "name": "service", "args": ["name=amqp"], "block": "zone"}]))
	r1 == set()
	r2 := rule.report with input as _d(_zone([{"line": 5, "name": "port", "args": ["port=5670-5680", "protocol=tcp"], "block": "zone"}]))
	r2 == set()
}

test_firewalld_unknown_service if {
	r := rule.report with input as _d(_zone([{"line": 5, "name": "service", "args": ["name=openstack-rabbit"], "block": "zone"}]))
	r == set()
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		_d(_iptables([])),
		_d(_zone([])),
		_d(_iptables([_rule(10, "-s 192.168.0.0/24 -p tcp -m tcp --dport 5672 -j ACCEPT")])),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}

# With the fleet's file kinds known (the model's file_kinds), a fleet
# without firewall files gives no reference records; with them, the
# client's node, which holds none, gives its own.
test_records_only_where_a_firewall_is_held if {
	d := _d(_iptables([]))
	none := object.union(d, {"file_kinds": ["nova.conf"]})
	count({r | some r in rule.aggregate with input as none; r.ref}) == 0
	held := object.union(d, {"file_kinds": ["iptables", "nova.conf"]})
	client := object.union(object.remove(held, ["nodes"]), {"nodes": {"c1": held.nodes.c1}})
	count({r | some r in rule.aggregate with input as client; r.ref}) > 0
	rule.report with input as held == rule.report with input as d
}
