package stacklint.rules.nova.novncproxy_base_url_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.novncproxy_base_url as rule

_compute(name, vnc) := object.union(fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"vnc": vnc})]), {"roles": ["compute"]})

_good := {"novncproxy_base_url": fx.url("http", "controller", 6080, "/vnc_auto.html", ["10.0.0.11"], 23)}

test_proxy_on_controller if {
	r := rule.report with input as fx.deployment([_compute("c1", _good), _compute("c2", _good)])
	r == set()
}

test_vnc_disabled_needs_nothing if {
	r := rule.report with input as fx.deployment([_compute("c1", {"enabled": "false"})])
	r == set()
}

_defaults := {"2024.1": {"nova.conf": {"vnc": {
	"novncproxy_base_url": {"text": "http://127.0.0.1:6080/vnc_auto.html", "host": false},
	"enabled": {"text": "true", "host": false},
}}}}

_released(nodes) := object.union(fx.released_as(fx.deployment(nodes), "2024.1", "2024.1", "auto"), {"defaults": _defaults})

_with_headers(n) := object.union(n, {"files": {p: object.union(f, {"headers": [{"name": "vnc", "line": 5}]}) | some p, f in n.files}})

test_unset if {
	r := rule.report with input as _released([_with_headers(_compute("c1", {"enabled": "true"}))])
	r == {{
		"message": "nova.conf [vnc] novncproxy_base_url on c1 is not set: its default in 2024.1, http://127.0.0.1:6080/vnc_auto.html (the user's own machine): consoles of its instances do not open",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 5, "column": 1, "section": "vnc", "key": "novncproxy_base_url"}],
	}}
}

# Unset with VNC left on by default (only another [vnc] option written).
test_unset_enabled_by_default if {
	r := rule.report with input as _released([_compute("c1", {"server_listen": "0.0.0.0"})])
	count(r) == 1
}

test_unset_enabled_off_by_default_no_hit if {
	d := _released([_compute("c1", {"server_listen": "0.0.0.0"})])
	r := rule.report with input as json.patch(d, [{"op": "replace", "path": "/defaults/2024.1/nova.conf/vnc/enabled/text", "value": "false"}])
	r == set()
}

test_unset_other_default_no_hit if {
	d := _released([_compute("c1", {"enabled": "true"})])
	r := rule.report with input as json.patch(d, [{"op": "replace", "path": "/defaults/2024.1/nova.conf/vnc/novncproxy_base_url/text", "value": "http://proxy:6080/vnc_auto.html"}])
	r == set()
}

test_unset_no_vnc_config_no_hit if {
	r := rule.report with input as _released([_compute("c1", {})])
	r == set()
}

test_drift if {
	other := {"novncproxy_base_url": fx.url("http", "proxy2", 6080, "/vnc_auto.html", ["10.0.0.12"], 23)}
	r := rule.report with input as fx.deployment([_compute("c1", _good), _compute("c2", other), _compute("c3", _good)])
	some f in r
	f.message == "nova.conf [vnc] novncproxy_base_url on c2 = http://proxy2:6080/vnc_auto.html, but nova.conf [vnc] novncproxy_base_url on c1 = http://controller:6080/vnc_auto.html (no node runs nova-novncproxy or nova-api in the snapshot: compared with the majority, 2 of 3)"
}

# URLs that reach nodes of the snapshot (ctl, or the compute node c1).
_to(host, port) := {"novncproxy_base_url": {
	"value": sprintf("http://%s:%d/vnc_auto.html", [host, port]), "line": 23, "column": 1,
	"url": {"scheme": "http", "driver": "http", "path": "/vnc_auto.html", "endpoint": sprintf("http://%s:%d", [host, port]), "hosts": [{"host": host, "port": port, "resolved": ["10.0.0.1"], "reaches": host}]},
}}

_ctl(services) := fx.node("ctl", services, [fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {"vnc": {"novncproxy_port": "6080"}})])

# Two compute nodes send browsers to c1, where no proxy runs: the one URL
# reaching nova-novncproxy on ctl is the authority.
test_proxy_node_is_the_authority if {
	r := rule.report with input as fx.deployment([_ctl(["nova-api", "nova-novncproxy"]), _compute("c1", _to("ctl", 6080)), _compute("c2", _to("c1", 6080)), _compute("c3", _to("c1", 6080))])
	r == {
		{
			"message": "nova.conf [vnc] novncproxy_base_url on c3 = http://c1:6080/vnc_auto.html, but nova-novncproxy runs on ctl, listening on port 6080, as nova.conf [vnc] novncproxy_base_url on c1 = http://ctl:6080/vnc_auto.html: consoles of its instances do not open",
			"locations": [fx.loc(fx.file("c3", "nova.conf", "etc/nova/nova.conf", {}), "vnc", "novncproxy_base_url", 23), fx.loc(fx.file("c1", "nova.conf", "etc/nova/nova.conf", {}), "vnc", "novncproxy_base_url", 23)],
		},
		{
			"message": "nova.conf [vnc] novncproxy_base_url on c2 = http://c1:6080/vnc_auto.html, but nova-novncproxy runs on ctl, listening on port 6080, as nova.conf [vnc] novncproxy_base_url on c1 = http://ctl:6080/vnc_auto.html: consoles of its instances do not open",
			"locations": [fx.loc(fx.file("c2", "nova.conf", "etc/nova/nova.conf", {}), "vnc", "novncproxy_base_url", 23), fx.loc(fx.file("c1", "nova.conf", "etc/nova/nova.conf", {}), "vnc", "novncproxy_base_url", 23)],
		},
	}
}

test_proxy_agrees if {
	r := rule.report with input as fx.deployment([_ctl(["nova-novncproxy"]), _compute("c1", _to("ctl", 6080)), _compute("c2", _to("ctl", 6080))])
	r == set()
}

# Without an enabled nova-novncproxy unit, the proxy is taken to run with
# nova-api, as the install guides have it.
test_proxy_with_nova_api if {
	r := rule.report with input as fx.deployment([_ctl(["nova-api"]), _compute("c1", _to("ctl", 6080)), _compute("c2", _to("c1", 6080)), _compute("c3", _to("c1", 6080))])
	count(r) == 2
	every f in r {
		contains(f.message, "= http://c1:6080/vnc_auto.html, but the console proxy runs on ctl with nova-api (where the install guides put nova-novncproxy), listening on port 6080, as nova.conf [vnc] novncproxy_base_url on c1 = http://ctl:6080/vnc_auto.html: consoles of its instances do not open")
	}
}

# Neither: the majority stays, and is said.
test_no_proxy_in_the_snapshot if {
	r := rule.report with input as fx.deployment([_ctl([]), _compute("c1", _to("ctl", 6080)), _compute("c2", _to("c1", 6080)), _compute("c3", _to("c1", 6080))])
	r == {{
		"message": "nova.conf [vnc] novncproxy_base_url on c1 = http://ctl:6080/vnc_auto.html, but nova.conf [vnc] novncproxy_base_url on c2 = http://c1:6080/vnc_auto.html (no node runs nova-novncproxy or nova-api in the snapshot: compared with the majority, 2 of 3)",
		"locations": [fx.loc(fx.file("c1", "nova.conf", "etc/nova/nova.conf", {}), "vnc", "novncproxy_base_url", 23), fx.loc(fx.file("c2", "nova.conf", "etc/nova/nova.conf", {}), "vnc", "novncproxy_base_url", 23)],
	}}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_ctl(["nova-api", "nova-novncproxy"]), _compute("c1", _to("ctl", 6080)), _compute("c2", _to("c1", 6080)), _compute("c3", _to("c1", 6080))]),
		fx.deployment([_ctl(["nova-api"]), _compute("c1", _to("ctl", 6080)), _compute("c2", _to("c1", 6080)), _compute("c3", _to("c1", 6080))]),
		_released([_with_headers(_compute("c1", {"enabled": "true"}))]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
