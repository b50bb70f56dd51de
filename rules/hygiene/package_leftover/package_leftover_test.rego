package stacklint.rules.hygiene.package_leftover_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.package_leftover as rule

test_none if {
	r := rule.report with input as object.union(fx.deployment([]), {"leftovers": []})
	r == set()
}

test_rpmnew if {
	r := rule.report with input as object.union(fx.deployment([]), {"leftovers": [{"path": "c1/etc/nova/nova.conf.rpmnew", "node": "c1", "of": "nova.conf"}]})
	r == {{
		"message": "c1/etc/nova/nova.conf.rpmnew is an unmerged package copy of nova.conf on c1: the service still reads the old file; merge and delete it",
		"locations": [{"path": "c1/etc/nova/nova.conf.rpmnew", "node": "c1"}],
	}}
}
