package stacklint.rules.input.unused_ignore_test

import data.stacklint.rules.input.unused_ignore as rule

test_unused_comment if {
	r := rule.report with input as {"unused_ignores": [{"kind": "inSource", "rule": "SL-HYG-009", "reason": "old", "path": "c/etc/nova/nova.conf", "line": 4}]}
	r == {{
		"message": "stacklint:ignore SL-HYG-009 comment matches no finding (old): delete it, or it will hide the next one",
		"locations": [{"path": "c/etc/nova/nova.conf", "line": 4, "column": 1}],
	}}
}

test_unused_config_ignore if {
	r := rule.report with input as {"unused_ignores": [{"kind": "config", "rule": "SL-POL-009", "reason": "r", "path": ".stacklint.yaml", "line": 7}]}
	some f in r
	startswith(f.message, "ignore of SL-POL-009 in .stacklint.yaml matches no finding")
}

test_model_document_no_finding if {
	r := rule.report with input as {"nodes": {}}
	r == set()
}
