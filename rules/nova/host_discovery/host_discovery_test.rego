package stacklint.rules.nova.host_discovery_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.nova.host_discovery as rule

_defaults := {"zed": {"nova.conf": {"scheduler": {"discover_hosts_in_cells_interval": {"text": "-1", "host": false}}}}}

_nova(sched) := object.union(fx.file("c", "nova.conf", "etc/nova/nova.conf", {
	"scheduler": sched,
	"keystone_authtoken": {"www_authenticate_uri": "http://c:5000"},
}), {"headers": [{"name": "scheduler", "line": 4}]})

_d(files) := object.union(fx.released_as(fx.deployment([fx.node("c", ["nova-api"], files)]), "zed", "2022.2", "auto"), {"defaults": _defaults})

test_periodic if {
	r := rule.report with input as _d([_nova({"discover_hosts_in_cells_interval": "300"})])
	r == set()
}

test_written_off if {
	r := rule.report with input as _d([_nova({"discover_hosts_in_cells_interval": "-1"})])
	{f.message | some f in r} == {"nova.conf [scheduler] discover_hosts_in_cells_interval on c is -1: compute nodes added later stay unmapped until someone runs nova-manage cell_v2 discover_hosts"}
}

# Unset, the release's default (-1) applies; the finding points at the
# section where the option belongs.
test_unset if {
	r := rule.report with input as _d([_nova({})])
	r == {{
		"message": "nova.conf [scheduler] discover_hosts_in_cells_interval on c is not set: its default in zed, -1: compute nodes added later stay unmapped until someone runs nova-manage cell_v2 discover_hosts",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 4, "column": 1, "section": "scheduler", "key": "discover_hosts_in_cells_interval"}],
	}}
}

_confd(v) := fx.file("c", "nova.conf.d", "etc/nova/nova.conf.d/90-cells.conf", {"scheduler": {"discover_hosts_in_cells_interval": v}})

# nova.conf.d is read after nova.conf: its value is the one in effect.
test_config_dir_switches_off if {
	r := rule.report with input as _d([_nova({"discover_hosts_in_cells_interval": "300"}), _confd("-1")])
	{f.message | some f in r} == {"nova.conf.d [scheduler] discover_hosts_in_cells_interval on c is -1: compute nodes added later stay unmapped until someone runs nova-manage cell_v2 discover_hosts"}
}

test_config_dir_switches_on if {
	r := rule.report with input as _d([_nova({"discover_hosts_in_cells_interval": "-1"}), _confd("300")])
	r == set()
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives. The Queens-era option is
# on the image node g, the nova-api reported on c; without g, nothing.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

_old_nova := object.union(fx.file("c", "nova.conf", "etc/nova/nova.conf", {"scheduler": {}}), {"headers": [{"name": "scheduler", "line": 4}]})

_glance := fx.node("g", ["glance-api"], [fx.file("g", "glance-api.conf", "etc/glance/glance-api.conf", {"keystone_authtoken": {"www_authenticate_uri": "http://c:5000"}})])

_dq(nodes) := object.union(fx.released_as(fx.deployment(nodes), "zed", "2022.2", "auto"), {"defaults": _defaults})

test_two_passes if {
	d := _dq([fx.node("c", ["nova-api"], [_old_nova]), _glance])
	r := _two_pass(d)
	count(r) == 1
	r == rule.report with input as d
	_two_pass(_dq([fx.node("c", ["nova-api"], [_old_nova])])) == set()
}
