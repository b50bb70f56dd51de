package stacklint.rules.nova.host_discovery_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.host_discovery as rule

_d(sched) := fx.deployment([fx.node("c", ["nova-api"], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {
	"scheduler": sched,
	"keystone_authtoken": {"www_authenticate_uri": "http://c:5000"},
})])])

test_periodic if {
	r := rule.report with input as _d({"discover_hosts_in_cells_interval": "300"})
	r == set()
}

test_unset if {
	r := rule.report with input as _d({})
	r == {{
		"message": "nova.conf [scheduler] discover_hosts_in_cells_interval on c is not set: compute nodes added later stay unmapped until someone runs nova-manage cell_v2 discover_hosts",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "section": "scheduler", "key": "discover_hosts_in_cells_interval"}],
	}}
}
