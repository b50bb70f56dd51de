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
	startswith(f.message, "nova.conf [vnc] novncproxy_base_url on c2 = http://proxy2:6080/vnc_auto.html, but most compute nodes use")
}
