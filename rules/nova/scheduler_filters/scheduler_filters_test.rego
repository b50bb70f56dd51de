package stacklint.rules.nova.scheduler_filters_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.scheduler_filters as rule

_d(v) := fx.deployment([fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"filter_scheduler": {"enabled_filters": v}})])])

test_current if {
	r := rule.report with input as _d("RamFilter, ComputeFilter, AvailabilityZoneFilter, ImagePropertiesFilter")
	r == set()
}

test_removed if {
	r := rule.report with input as _d("ExactRamFilter,ComputeFilter")
	r == {{
		"message": "nova.conf [filter_scheduler] enabled_filters on c names ExactRamFilter (removed in nova 18.0.0): nova-scheduler does not start on releases without them",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 1, "column": 1, "section": "filter_scheduler", "key": "enabled_filters"}],
	}}
}

test_clash if {
	r := rule.report with input as _d("AggregateInstanceExtraSpecsFilter,ComputeCapabilitiesFilter")
	count(r) == 1
}
