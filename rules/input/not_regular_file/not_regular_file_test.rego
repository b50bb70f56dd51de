package stacklint.rules.input.not_regular_file_test

import data.stacklint.rules.input.not_regular_file as rule

test_named_pipe if {
	r := rule.report with input as {"problems": [{"path": "c/etc/neutron/neutron.conf", "kind": "not-regular", "message": "is a named pipe (FIFO), not a regular file; not read"}]}
	r == {{
		"message": "c/etc/neutron/neutron.conf: is a named pipe (FIFO), not a regular file; not read",
		"locations": [{"path": "c/etc/neutron/neutron.conf"}],
	}}
}

test_other_kinds_no_finding if {
	r := rule.report with input as {"problems": [{"path": "c/etc/nova/nova.conf", "kind": "link", "message": "x"}]}
	r == set()
}

# The fleet pass: the report over the records alone gives the findings
# of one pass.
test_two_passes if {
	d := {"problems": [{"path": "c/etc/neutron/neutron.conf", "kind": "not-regular", "message": "is a named pipe (FIFO), not a regular file; not read"}]}
	agg := rule.aggregate with input as d
	r := rule.report with rule.aggregate as agg with input as {"problems": []}
	count(r) > 0
	r == rule.report with input as d
}
