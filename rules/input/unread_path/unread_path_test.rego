package stacklint.rules.input.unread_path_test

import data.stacklint.rules.input.unread_path as rule

test_vanished_and_too_deep if {
	r := rule.report with input as {"problems": [
		{"path": "c/etc/nova/nova.conf", "kind": "unreadable", "message": "vanished while the snapshot was being read; not read"},
		{"path": "c/d/d", "kind": "too-deep", "message": "folder more than 32 levels deep, not read"},
	]}
	r == {
		{
			"message": "c/etc/nova/nova.conf: vanished while the snapshot was being read; not read",
			"locations": [{"path": "c/etc/nova/nova.conf"}],
		},
		{
			"message": "c/d/d: folder more than 32 levels deep, not read",
			"locations": [{"path": "c/d/d"}],
		},
	}
}

test_other_kinds_no_finding if {
	r := rule.report with input as {"problems": [{"path": "c/etc/nova/nova.conf", "kind": "loop", "message": "x"}]}
	r == set()
}

# The fleet pass: the report over the records alone gives the findings
# of one pass.
test_two_passes if {
	d := {"problems": [{"path": "c/etc/nova/nova.conf", "kind": "unreadable", "message": "x"}, {"path": "c/etc/nova", "kind": "too-deep", "message": "y"}]}
	agg := rule.aggregate with input as d
	r := rule.report with rule.aggregate as agg with input as {"problems": []}
	count(r) > 0
	r == rule.report with input as d
}
