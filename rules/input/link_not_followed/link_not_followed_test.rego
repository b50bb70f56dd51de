package stacklint.rules.input.link_not_followed_test

import data.stacklint.rules.input.link_not_followed as rule

test_target_not_in_snapshot_is_info if {
	r := rule.report with input as {"problems": [{"path": "c/etc/neutron/plugin.ini", "kind": "link", "message": "symbolic link to \"/etc/neutron/plugins/ml2/ml2_conf.ini\": not in the snapshot, not followed"}]}
	r == {{
		"message": "c/etc/neutron/plugin.ini: symbolic link to \"/etc/neutron/plugins/ml2/ml2_conf.ini\": not in the snapshot, not followed",
		"severity": "info",
		"locations": [{"path": "c/etc/neutron/plugin.ini"}],
	}}
}

test_loop_is_warning if {
	r := rule.report with input as {"problems": [{"path": "c/etc/nova/nova.conf", "kind": "loop", "message": "symbolic link loop (too many levels of symbolic links), not followed"}]}
	r == {{
		"message": "c/etc/nova/nova.conf: symbolic link loop (too many levels of symbolic links), not followed",
		"severity": "warning",
		"locations": [{"path": "c/etc/nova/nova.conf"}],
	}}
}

test_other_problems_not_reported_here if {
	r := rule.report with input as {"problems": [
		{"path": "c/etc/nova/nova.conf", "kind": "not-regular", "message": "is a named pipe (FIFO), not a regular file; not read"},
		{"path": "c/etc/nova/nova.conf", "kind": "too-large", "message": "x"},
	]}
	r == set()
}

test_no_problem if {
	r := rule.report with input as {"problems": []}
	r == set()
}

# The fleet pass: the report over the records alone gives the findings
# of one pass.
test_two_passes if {
	d := {"problems": [{"path": "c/etc/nova/nova.conf", "kind": "loop", "message": "symbolic link loop (too many levels of symbolic links), not followed"}]}
	agg := rule.aggregate with input as d
	r := rule.report with rule.aggregate as agg with input as {"problems": []}
	count(r) > 0
	r == rule.report with input as d
}
