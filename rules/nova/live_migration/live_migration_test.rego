package stacklint.rules.nova.live_migration_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.live_migration as rule

_cmp(name, libvirt) := object.union(
	fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"libvirt": libvirt})]),
	{"roles": ["compute"]},
)

test_same if {
	r := rule.report with input as fx.deployment([_cmp("c1", {"cpu_mode": "host-model"}), _cmp("c2", {"cpu_mode": "Host-Model"}), _cmp("c3", {})])
	r == set()
}

test_one_differs if {
	r := rule.report with input as fx.deployment([
		_cmp("c1", {"cpu_mode": "host-model"}), _cmp("c2", {"cpu_mode": "host-model"}),
		_cmp("c3", {"cpu_mode": "host-passthrough"}),
	])
	r == {{
		"message": "nova.conf [libvirt] cpu_mode on c3 is host-passthrough, but nova.conf [libvirt] cpu_mode on c1 is host-model (compute nodes are peers, none is the authority: compared with the majority, 2 of 3): live migration to and from it fails",
		"locations": [
			{"path": "c3/etc/nova/nova.conf", "node": "c3", "line": 1, "column": 1, "section": "libvirt", "key": "cpu_mode"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "cpu_mode"},
		],
	}}
}

# Unset options have their release's default (issue 16).
_defaults := {"zed": {"nova.conf": {
	"libvirt": {"cpu_mode": {"text": "", "host": false}, "virt_type": {"text": "kvm", "host": false}, "live_migration_with_native_tls": {"text": "false", "host": false}},
	"DEFAULT": {"instances_path": {"text": "<python_path>/instances", "host": true}, "state_path": {"text": "<python_path>", "host": true}},
}}}

_rel(nodes) := object.union(fx.released_as(fx.deployment(nodes), "zed", "2022.2", "auto"), {"defaults": _defaults})

_node(name, sections) := object.union(
	fx.node(name, ["nova-compute"], [object.union(fx.file(name, "nova.conf", "etc/nova/nova.conf", sections), {"headers": [{"name": "DEFAULT", "line": 1}, {"name": "libvirt", "line": 9}]})]),
	{"roles": ["compute"]},
)

# cpu_mode unset under kvm is host-model: the same as a written host-model.
test_unset_cpu_mode_is_host_model if {
	r := rule.report with input as _rel([_node("c1", {"libvirt": {"cpu_mode": "host-model"}}), _node("c2", {"libvirt": {"virt_type": "kvm"}})])
	r == set()
}

test_unset_cpu_mode_differs if {
	r := rule.report with input as _rel([_node("c1", {"libvirt": {"cpu_mode": "host-passthrough"}}), _node("c2", {"libvirt": {"cpu_mode": "host-passthrough"}}), _node("c3", {})])
	r == {{
		"message": "nova.conf [libvirt] cpu_mode on c3 is unset (its default in zed, (none): host-model for virt_type kvm and qemu), but nova.conf [libvirt] cpu_mode on c1 is host-passthrough (compute nodes are peers, none is the authority: compared with the majority, 2 of 3): live migration to and from it fails",
		"locations": [
			{"path": "c3/etc/nova/nova.conf", "node": "c3", "line": 9, "column": 1, "section": "libvirt", "key": "cpu_mode"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "cpu_mode"},
		],
	}}
}

# An unset instances_path is $state_path/instances.
test_instances_path_follows_state_path if {
	r := rule.report with input as _rel([
		_node("c1", {"DEFAULT": {"state_path": "/var/lib/nova"}}), _node("c2", {"DEFAULT": {"instances_path": "/var/lib/nova/instances/"}}),
		_node("c3", {"DEFAULT": {"state_path": "/srv/nova"}}),
	])
	{f.message | some f in r} == {"nova.conf [DEFAULT] instances_path on c3 is unset (its default in zed, /srv/nova/instances), but nova.conf [DEFAULT] instances_path on c1 is unset (its default in zed, /var/lib/nova/instances) (compute nodes are peers, none is the authority: compared with the majority, 2 of 3): live migration to and from it fails"}
}

# A default computed on the host (state_path unset too) is not compared.
test_instances_path_host_default if {
	r := rule.report with input as _rel([_node("c1", {"DEFAULT": {"instances_path": "/srv/i"}}), _node("c2", {"DEFAULT": {"instances_path": "/srv/i"}}), _node("c3", {})])
	r == set()
}

test_unset_tls_differs if {
	r := rule.report with input as _rel([_node("c1", {"libvirt": {"live_migration_with_native_tls": "true"}}), _node("c2", {"libvirt": {"live_migration_with_native_tls": "true"}}), _node("c3", {})])
	{f.message | some f in r} == {"nova.conf [libvirt] live_migration_with_native_tls on c3 is unset (its default in zed, false), but nova.conf [libvirt] live_migration_with_native_tls on c1 is true (compute nodes are peers, none is the authority: compared with the majority, 2 of 3): live migration to and from it fails"}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_cmp("c1", {"cpu_mode": "host-model"}), _cmp("c2", {"cpu_mode": "host-model"}), _cmp("c3", {"cpu_mode": "host-passthrough"})]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
