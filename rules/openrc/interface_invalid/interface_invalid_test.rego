package stacklint.rules.openrc.interface_invalid_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.openrc.interface_invalid as rule

_d(v) := object.union(fx.deployment([]), {"rc": [{"path": "admin-openrc", "node": "", "vars": {"OS_INTERFACE": {"value": v, "line": 4, "column": 8}}}]})

test_public if {
	r := rule.report with input as _d("public")
	r == set()
}

test_typo if {
	r := rule.report with input as _d("pubilc")
	r == {{
		"message": "admin-openrc sets OS_INTERFACE=pubilc, which is not public, internal or admin: clients find no endpoint",
		"locations": [{"path": "admin-openrc", "node": "", "line": 4, "column": 8, "key": "OS_INTERFACE"}],
	}}
}
