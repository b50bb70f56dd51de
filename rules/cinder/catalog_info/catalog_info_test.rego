package stacklint.rules.cinder.catalog_info_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.cinder.catalog_info as rule

_d(info, name, series) := fx.released_as(fx.deployment([fx.node("c1", ["nova-compute"], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"cinder": {"catalog_info": info}})])]), name, series, "auto")

test_v3 if {
	r := rule.report with input as _d("volumev3:cinderv3:internalURL", "2023.1", "2023.1")
	r == set()
}

test_v2_before_xena if {
	r := rule.report with input as _d("volumev2:cinderv2:publicURL", "wallaby", "2021.1")
	r == set()
}

test_v2_from_xena if {
	r := rule.report with input as _d("volumev2:cinderv2:publicURL", "xena", "2021.2")
	r == {{
		"message": "nova.conf [cinder] catalog_info on c1 = volumev2:cinderv2:publicURL looks cinder up as volumev2, whose API cinder 19.0.0 (2021.2) removed; the release checked against is xena (from auto): nova's volume operations fail",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "cinder", "key": "catalog_info"}],
	}}
}

test_older_file_left_alone if {
	d := _d("volume:cinder:publicURL", "stein", "2019.1")
	old := json.patch(d, [{"op": "add", "path": "/nodes/c1/files/c1~1etc~1nova~1nova.conf/release/below_oldest", "value": true}])
	r := rule.report with input as old
	r == set()
}
