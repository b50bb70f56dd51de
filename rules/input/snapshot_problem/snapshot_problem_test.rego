package stacklint.rules.input.snapshot_problem_test

import data.stacklint.rules.input.snapshot_problem as rule

test_link_loop if {
	r := rule.report with input as {"problems": [{"path": "c/etc/neutron/plugin.ini", "message": "symbolic link loop, not followed"}]}
	r == {{
		"message": "c/etc/neutron/plugin.ini: symbolic link loop, not followed",
		"locations": [{"path": "c/etc/neutron/plugin.ini"}],
	}}
}

test_no_problem if {
	r := rule.report with input as {"problems": []}
	r == set()
}
