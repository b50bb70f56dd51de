package stacklint.rules.input.unparseable_file_test

import data.stacklint.rules.input.unparseable_file as rule

_err(msg, decode) := {"line": 2, "column": 1, "message": msg, "decode": decode}

test_ini_parse_error if {
	inp := {"nodes": {"c": {"files": {"etc/nova/nova.conf": {
		"kind": "nova.conf", "path": "c/etc/nova/nova.conf", "node": "c",
		"error": _err("Unexpected continuation line: '  y'", false),
	}}}}, "policies": [], "rc": []}
	r := rule.report with input as inp
	r == {{
		"message": "nova.conf cannot be parsed (oslo.config: the service will not start): Unexpected continuation line: '  y'",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 2, "column": 1}],
	}}
}

test_decode_error if {
	inp := {"nodes": {"c": {"files": {"etc/nova/nova.conf": {
		"kind": "nova.conf", "path": "c/etc/nova/nova.conf", "node": "c",
		"error": _err("'utf-8' codec can't decode byte 0xe9 in position 20: invalid continuation byte", true),
	}}}}, "policies": [], "rc": []}
	some f in rule.report with input as inp
	contains(f.message, "UnicodeDecodeError traceback")
}

test_policy_and_rc_errors if {
	inp := {"nodes": {}, "policies": [{"path": "c/etc/nova/policy.json", "node": "c", "error": _err("invalid JSON: x", false)}],
		"rc": [{"path": "c/root/admin-openrc", "node": "c", "error": _err("shell syntax error: y", false)}]}
	r := rule.report with input as inp
	count(r) == 2
}

test_clean_files_no_finding if {
	inp := {"nodes": {"c": {"files": {"etc/nova/nova.conf": {"kind": "nova.conf", "path": "c/etc/nova/nova.conf", "node": "c", "sections": {}}}}},
		"policies": [{"path": "p", "node": "c", "rules": {}}], "rc": [{"path": "r", "node": "c", "vars": {}}]}
	r := rule.report with input as inp
	r == set()
}
