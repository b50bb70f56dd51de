package stacklint.rules.input.file_too_large_test

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
