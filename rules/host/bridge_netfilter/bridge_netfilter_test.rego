package stacklint.rules.host.bridge_netfilter_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.bridge_netfilter as rule

_sysctl(v) := {"kind": "sysctl", "path": "c1/etc/sysctl.d/99-k8s.conf", "node": "c1", "directives": [{"line": 3, "name": "net.bridge.bridge-nf-call-iptables", "args": [v], "block": ""}]}

_node(v) := fx.node("c1", ["neutron-linuxbridge-agent"], [
	fx.file("c1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"enable_vxlan": "true"}}),
	_sysctl(v),
])

test_on if {
	r := rule.report with input as fx.deployment([_node("1")])
	r == set()
}

test_off if {
	r := rule.report with input as fx.deployment([_node("0")])
	r == {{
		"message": "c1/etc/sysctl.d/99-k8s.conf sets net.bridge.bridge-nf-call-iptables = 0 on c1, whose linuxbridge agent filters security groups with iptables on bridges: instance traffic is not filtered",
		"locations": [{"path": "c1/etc/sysctl.d/99-k8s.conf", "node": "c1", "line": 3, "column": 1}],
	}}
}
