package stacklint.rules.host.hostname_loopback_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.hostname_loopback as rule

_n(entries) := object.union(fx.node("c1", [], []), {"hosts_path": "c1/etc/hosts", "self_loopback": entries})

test_clean if {
	r := rule.report with input as fx.deployment([_n([])])
	r == set()
}

test_debian_default if {
	r := rule.report with input as fx.deployment([_n([{"addr": "127.0.1.1", "line": 2, "name": "c1"}])])
	r == {{
		"message": "c1/etc/hosts maps c1's own name 'c1' to 127.0.1.1: services on c1 resolve themselves to loopback and advertise it to their peers",
		"locations": [{"path": "c1/etc/hosts", "node": "c1", "line": 2, "column": 1}],
	}}
}
