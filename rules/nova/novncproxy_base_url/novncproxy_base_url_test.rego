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

test_unset if {
	r := rule.report with input as fx.deployment([_compute("c1", {"enabled": "true"})])
	r == {{
		"message": "nova.conf [vnc] novncproxy_base_url on c1 is not set, so it defaults to http://127.0.0.1:6080/vnc_auto.html (the user's own machine): consoles of its instances do not open",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "section": "vnc", "key": "novncproxy_base_url"}],
	}}
}

test_drift if {
	other := {"novncproxy_base_url": fx.url("http", "proxy2", 6080, "/vnc_auto.html", ["10.0.0.12"], 23)}
	r := rule.report with input as fx.deployment([_compute("c1", _good), _compute("c2", other), _compute("c3", _good)])
	some f in r
	startswith(f.message, "nova.conf [vnc] novncproxy_base_url on c2 = http://proxy2:6080/vnc_auto.html, but most compute nodes use")
}
