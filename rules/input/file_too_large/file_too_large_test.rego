package stacklint.rules.input.file_too_large_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.input.file_too_large as rule

test_over_the_limit if {
	msg := "is 9961472 bytes (9.5 MiB), over the size limit of 8MiB (--max-file-size, max_file_size in .stacklint.yaml); not read"
	r := rule.report with input as {"problems": [{"path": "c/etc/nova/nova.conf", "kind": "too-large", "message": msg}]}
	r == {{
		"message": sprintf("c/etc/nova/nova.conf: %s", [msg]),
		"locations": [{"path": "c/etc/nova/nova.conf"}],
	}}
}

test_other_kinds_no_finding if {
	r := rule.report with input as {"problems": [{"path": "c/etc/nova/nova.conf", "kind": "unreadable", "message": "x"}]}
	r == set()
}

# Node scope: each part of the nodes holds its own nodes' problems (a
# file of no node in the last part); the parts' reports together are the
# whole document's.
test_parts if {
	d := object.union(fx.deployment([fx.node("a", [], []), fx.node("b", [], [])]), {"problems": [
		{"path": "a/etc/nova/nova.conf", "node": "a", "kind": "too-large", "message": "x"},
		{"path": "b/etc/nova/nova.conf", "node": "b", "kind": "too-large", "message": "y"},
		{"path": "loose.conf", "node": "", "kind": "too-large", "message": "z"},
	]})
	r := {f | some p in passes.parts(d); some f in rule.report with input as p}
	count(r) == 3
	r == rule.report with input as d
}
