# METADATA
# title: Option set twice in a section with different values
# description: |
#   oslo.config keeps every occurrence of a key and a single-valued option
#   takes the last one; repeated sections are merged. An option written
#   twice with different values (often a guide step appended below the
#   packaged default) does what the last line says, whatever the reader of
#   the first one believes. Repeats with the same value are harmless and
#   not reported; multi-valued options may repeat on purpose, so only
#   options whose copies differ are.
# custom:
#   id: SL-HYG-004
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Keep one line per option (the value you mean) and delete the others.
package stacklint.rules.hygiene.conflicting_duplicate

import data.stacklint.lib

# Options that are lists by repetition (MultiStrOpt) in the services read:
# every one the known releases' schemas flag multi, and older ones.
_multi := {
	"config_file", "pci_passthrough_whitelist", "passthrough_whitelist", "alias", "device_spec",
	"service_provider", "notification_driver", "driver", "osapi_compute_extension",
	"available_filters", "scheduler_available_filters", "backend_argument", "filesystem_store_datadirs",
	"notification_opt_out", "policy_dirs", "pre_settled", "reserved_huge_pages", "trusted_dashboard",
	"trusted_issuer", "virt_mkfs", "vmware_datastores",
}

report contains finding if {
	some [f, section, key, _] in lib.flagged("repeated")
	occs := f.sections[section][key]
	count(occs) > 1
	not key in _multi
	last := occs[count(occs) - 1]
	some first in occs
	first.line < last.line
	_value(first) != _value(last)
	first.line == min([o.line | some o in occs; _value(o) != _value(last)])
	finding := {
		"message": sprintf("%s is set %d times with different values; the last (line %d, %s) wins over line %d (%s)", [lib.where(f, section, key), count(occs), last.line, _show(last), first.line, _show(first)]),
		"locations": [lib.loc(f, section, key, first), lib.loc(f, section, key, last)],
	}
}

# Secrets compare and show by fingerprint.
_value(o) := o.fp if o.secret

else := o.value

_show(o) := lib.label(o) if o.secret

else := sprintf("'%s'", [o.value])
