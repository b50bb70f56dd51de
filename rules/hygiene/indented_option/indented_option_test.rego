package stacklint.rules.hygiene.indented_option_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.indented_option as rule

_input(occ) := fx.deployment([fx.node("c", [], [fx.file("c", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"enable_vxlan": occ}})])])

test_plain_value if {
	r := rule.report with input as _input(fx.at("true", 5))
	r == set()
}

test_indented_option if {
	r := rule.report with input as _input({"value": "true\nlocal_ip = 10.0.0.31", "line": 5, "column": 1, "end_line": 6, "continuation_option": 6})
	r == {{
		"message": "c/etc/neutron/plugins/ml2/linuxbridge_agent.ini:6 is indented, so oslo.config appends it to the value of linuxbridge_agent.ini [vxlan] enable_vxlan on c instead of setting an option",
		"locations": [
			{"path": "c/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "c", "line": 6, "column": 1, "section": "vxlan"},
			{"path": "c/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "c", "line": 5, "column": 1, "section": "vxlan", "key": "enable_vxlan"},
		],
	}}
}
