# METADATA
# title: Scheduler filter list names removed or clashing filters
# description: |
#   nova-scheduler loads every filter named in [filter_scheduler]
#   enabled_filters (before Queens: [DEFAULT] scheduler_default_filters)
#   and stops at start on one it does not know. ExactCoreFilter,
#   ExactRamFilter and ExactDiskFilter, deprecated in Pike (which
#   introduced [filter_scheduler]), were removed in nova 18.0.0; they are
#   reported when listed under [filter_scheduler]. (CoreFilter, RamFilter
#   and DiskFilter, removed in nova 22.0.0, were right before Stein; they
#   wait for the release-aware option schema.) AggregateInstanceExtraSpecsFilter and
#   ComputeCapabilitiesFilter both read unscoped flavor extra specs, so
#   together they reject every host for such flavors.
# custom:
#   id: SL-NOVA-011
#   scope: node
#   severity: warning
#   inputs: [nova.conf]
#   remediation: |
#     Drop the removed filters from enabled_filters (placement enforces
#     CPU, RAM and disk), and scope aggregate extra specs
#     (aggregate_instance_extra_specs:...) or drop one of the clashing pair.
package stacklint.rules.nova.scheduler_filters

import data.stacklint.lib

_removed := {"ExactCoreFilter": "18.0.0", "ExactRamFilter": "18.0.0", "ExactDiskFilter": "18.0.0"}

_places := {["filter_scheduler", "enabled_filters"], ["DEFAULT", "scheduler_default_filters"]}

_lists contains [f, section, key, occ, filters] if {
	some [f, section, key, occ] in lib.keyed(["enabled_filters", "scheduler_default_filters"])
	[section, key] in _places
	filters := {x | some x in lib.items(occ.value)}
}

report contains finding if {
	some [f, "filter_scheduler", key, occ, filters] in _lists
	section := "filter_scheduler"
	removed := sort([sprintf("%s (removed in nova %s)", [x, _removed[x]]) | some x in filters; _removed[x]])
	count(removed) > 0
	finding := {
		"message": sprintf("%s names %s: nova-scheduler does not start on releases without them", [lib.where(f, section, key), concat(", ", removed)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

report contains finding if {
	some [f, section, key, occ, filters] in _lists
	"AggregateInstanceExtraSpecsFilter" in filters
	"ComputeCapabilitiesFilter" in filters
	finding := {
		"message": sprintf("%s enables both AggregateInstanceExtraSpecsFilter and ComputeCapabilitiesFilter: flavors with unscoped extra specs find no host", [lib.where(f, section, key)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
