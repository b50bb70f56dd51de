# METADATA
# title: Option set twice in a section with different values
# description: |
#   oslo.config keeps every occurrence of a key and a single-valued option
#   takes the last one; repeated sections are merged. An option written
#   twice with different values (often a guide step appended below the
#   packaged default) does what the last line says, whatever the reader of
#   the first one believes. Repeats with the same value are harmless and
#   not reported, and so are values written differently that the service
#   reads alike (True and true for a boolean, spaces in a list, a neutron
#   plugin's alias and its class path); multi-valued options may repeat on purpose, so only
#   options whose copies differ are.
# custom:
#   id: SL-HYG-004
#   scope: node
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Keep one line per option (the value you mean) and delete the others.
package stacklint.rules.hygiene.conflicting_duplicate

import data.stacklint.lib
import data.stacklint.lib.network as net

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
	_value(first, key) != _value(last, key)
	first.line == min([o.line | some o in occs; _value(o, key) != _value(last, key)])
	finding := {
		"message": sprintf("%s is set %d times with different values; the last (line %d, %s) wins over line %d (%s)", [lib.where(f, section, key), count(occs), last.line, _show(last), first.line, _show(first)]),
		"locations": [lib.loc(f, section, key, first), lib.loc(f, section, key, last)],
	}
}

# Secrets compare and show by fingerprint.
# _value is an occurrence's value as the service reads it: equal values
# written differently ("True" and "true" for a boolean, "a, b" and "a,b"
# for a list, a neutron plugin's alias and its class path) are one value.
_value(o, key) := o.fp if o.secret

else := concat(",", sort(net.neutron_plugins(o.value))) if {
	key in {"core_plugin", "service_plugins"}
}

else := _bool(o.value) if o.schema.type == "bool"

else := concat(",", lib.items(o.value)) if o.schema.type == "list"

else := o.value

_bool(v) := "true" if net.bool(v)

else := "false" if lower(trim_space(v)) in {"false", "0", "no", "off"}

else := v

_show(o) := lib.label(o) if o.secret

else := sprintf("'%s'", [o.value])
