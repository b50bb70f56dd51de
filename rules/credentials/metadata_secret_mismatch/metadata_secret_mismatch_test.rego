package stacklint.rules.credentials.metadata_secret_mismatch_test

import data.stacklint.partfixtures as parts
import data.stacklint.rules.credentials.metadata_secret_mismatch as rule

_occ(fp, line) := {"value": sprintf("fp:%s", [fp]), "fp": fp, "secret": true, "line": line, "column": 1}

_agent(node, fp) := {"kind": "metadata_agent.ini", "path": sprintf("%s/etc/neutron/metadata_agent.ini", [node]), "node": node,
	"sections": {"DEFAULT": {"metadata_proxy_shared_secret": [_occ(fp, 4)]}}}

_nova(node, section, key, fp) := {"kind": "nova.conf", "path": sprintf("%s/etc/nova/nova.conf", [node]), "node": node,
	"sections": {section: {key: [_occ(fp, 30)]}}}

_input(ctl_fp, net_fp, cmp_fp) := {"nodes": {
	"controller": {"services": ["nova-api"], "files": {"etc/nova/nova.conf": _nova("controller", "neutron", "metadata_proxy_shared_secret", ctl_fp)}},
	"network": {"services": ["neutron-metadata-agent"], "files": {"etc/neutron/metadata_agent.ini": _agent("network", net_fp)}},
	"network2": {"services": ["neutron-metadata-agent"], "files": {"etc/neutron/metadata_agent.ini": _agent("network2", cmp_fp)}},
}}

test_all_equal_no_finding if {
	r := rule.report with input as _input("aaaaaa", "aaaaaa", "aaaaaa")
	r == set()
}

test_agent_differs if {
	r := rule.report with input as _input("aaaaaa", "aaaaaa", "bbbbbb")
	r == {{
		"message": "metadata_agent.ini [DEFAULT] metadata_proxy_shared_secret on network2 (fp:bbbbbb) differs from nova.conf [neutron] metadata_proxy_shared_secret on controller (fp:aaaaaa), the secret nova's metadata API checks signatures with: instances get HTTP 403 'Invalid proxy request signature' from the metadata API",
		"locations": [
			{"path": "network2/etc/neutron/metadata_agent.ini", "node": "network2", "line": 4, "column": 1, "section": "DEFAULT", "key": "metadata_proxy_shared_secret"},
			{"path": "controller/etc/nova/nova.conf", "node": "controller", "line": 30, "column": 1, "section": "neutron", "key": "metadata_proxy_shared_secret"},
		],
	}}
}

# nova's copy is the authority: both agents differ from it, though they
# are the majority.
test_nova_differs_from_both_agents if {
	r := rule.report with input as _input("cccccc", "aaaaaa", "aaaaaa")
	count(r) == 2
	every f in r {
		endswith(f.locations[0].path, "/etc/neutron/metadata_agent.ini")
		f.locations[1].path == "controller/etc/nova/nova.conf"
	}
}

# No nova-api node: the agents' majority, and the message says so.
test_no_nova_api if {
	inp := {"nodes": {
		"network": {"services": [], "files": {"etc/neutron/metadata_agent.ini": _agent("network", "aaaaaa")}},
		"network2": {"services": [], "files": {"etc/neutron/metadata_agent.ini": _agent("network2", "aaaaaa")}},
		"network3": {"services": [], "files": {"etc/neutron/metadata_agent.ini": _agent("network3", "bbbbbb")}},
	}}
	r := rule.report with input as inp
	r == {{
		"message": "metadata_agent.ini [DEFAULT] metadata_proxy_shared_secret on network3 (fp:bbbbbb) differs from metadata_agent.ini [DEFAULT] metadata_proxy_shared_secret on network (fp:aaaaaa; no nova.conf of a node running nova-api in the snapshot: compared with the majority, 2 of 3): instances get HTTP 403 'Invalid proxy request signature' from the metadata API",
		"locations": [
			{"path": "network3/etc/neutron/metadata_agent.ini", "node": "network3", "line": 4, "column": 1, "section": "DEFAULT", "key": "metadata_proxy_shared_secret"},
			{"path": "network/etc/neutron/metadata_agent.ini", "node": "network", "line": 4, "column": 1, "section": "DEFAULT", "key": "metadata_proxy_shared_secret"},
		],
	}}
}

_apis(fps) := {"nodes": {name: {"services": ["nova-api"], "files": {"etc/nova/nova.conf": _nova(name, "neutron", "metadata_proxy_shared_secret", fp)}} | some name, fp in fps}}

test_nova_api_nodes_tie if {
	r := rule.report with input as _apis({"ctl1": "aaaaaa", "ctl2": "bbbbbb"})
	r == {{
		"message": "the nodes running nova-api hold different metadata_proxy_shared_secret values (nova.conf [neutron] metadata_proxy_shared_secret on ctl1: fp:aaaaaa, nova.conf [neutron] metadata_proxy_shared_secret on ctl2: fp:bbbbbb): an agent's signature passes on one and gets HTTP 403 on the others",
		"locations": [
			{"path": "ctl1/etc/nova/nova.conf", "node": "ctl1", "line": 30, "column": 1, "section": "neutron", "key": "metadata_proxy_shared_secret"},
			{"path": "ctl2/etc/nova/nova.conf", "node": "ctl2", "line": 30, "column": 1, "section": "neutron", "key": "metadata_proxy_shared_secret"},
		],
	}}
}

test_nova_api_node_differs_from_most if {
	r := rule.report with input as _apis({"ctl1": "aaaaaa", "ctl2": "aaaaaa", "ctl3": "bbbbbb"})
	some f in r
	f.message == "nova.conf [neutron] metadata_proxy_shared_secret on ctl3 (fp:bbbbbb) differs from the secret most nodes running nova-api hold (fp:aaaaaa, nova.conf [neutron] metadata_proxy_shared_secret on ctl1, 2 of 3): the metadata API of one of them refuses the agents' requests with HTTP 403"
}

test_legacy_name_on_nova if {
	inp := {"nodes": {
		"controller": {"services": ["nova-api"], "files": {"etc/nova/nova.conf": _nova("controller", "DEFAULT", "neutron_metadata_proxy_shared_secret", "aaaaaa")}},
		"network": {"services": [], "files": {"etc/neutron/metadata_agent.ini": _agent("network", "bbbbbb")}},
	}}
	r := rule.report with input as inp
	count(r) == 1
	some f in r
	f.locations[1].key == "neutron_metadata_proxy_shared_secret"
	f.locations[1].section == "DEFAULT"
}

test_empty_secret_is_a_mismatch if {
	inp := {"nodes": {
		"controller": {"services": ["nova-api"], "files": {"etc/nova/nova.conf": _nova("controller", "neutron", "metadata_proxy_shared_secret", "aaaaaa")}},
		"network": {"services": [], "files": {"etc/neutron/metadata_agent.ini": _agent("network", "")}},
	}}
	r := rule.report with input as inp
	some f in r
	contains(f.message, "(empty)")
}

test_compute_nova_conf_is_ignored if {
	inp := {"nodes": {
		"compute1": {"services": ["nova-compute"], "files": {"etc/nova/nova.conf": _nova("compute1", "neutron", "metadata_proxy_shared_secret", "bbbbbb")}},
		"network": {"services": [], "files": {"etc/neutron/metadata_agent.ini": _agent("network", "aaaaaa")}},
	}}
	r := rule.report with input as inp
	r == set()
}

# Each node is a part of its own: nova-api's copy is the authority for the
# agents, and nova-api nodes that disagree are counted, from records.
test_two_passes if {
	d := {"nodes": object.union(_input("aaaaaa", "aaaaaa", "bbbbbb").nodes, _apis({"ctl1": "aaaaaa", "ctl2": "cccccc"}).nodes)}
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
