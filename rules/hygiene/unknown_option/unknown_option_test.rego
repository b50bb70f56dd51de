package stacklint.rules.hygiene.unknown_option_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.unknown_option as rule

_occ(value, line, schema) := {"value": value, "line": line, "column": 1, "schema": schema}

_d(sections) := fx.released_as(
	fx.deployment([fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", sections)])]),
	"zed", "2022.2", "--release",
)

test_known if {
	r := rule.report with input as _d({"libvirt": {"virt_type": _occ("kvm", 9, {"status": "ok"})}})
	r == set()
}

test_wrong_section if {
	r := rule.report with input as _d({"DEFAULT": {"virt_type": _occ("kvm", 4, {"status": "unknown", "group": "libvirt"})}})
	r == {{
		"message": "nova.conf [DEFAULT] virt_type on c1 is not an option of nova.conf in zed (from --release): the service ignores it (it belongs in [libvirt])",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 4, "column": 1, "section": "DEFAULT", "key": "virt_type"}],
	}}
}

test_typo_and_removed if {
	r := rule.report with input as _d({"libvirt": {
		"cpu_mod": _occ("host-model", 5, {"status": "unknown", "option": "cpu_mode"}),
		"old": _occ("x", 6, {"status": "unknown", "read_until": "zed"}),
	}})
	{f.message | some f in r} == {
		"nova.conf [libvirt] cpu_mod on c1 is not an option of nova.conf in zed (from --release): the service ignores it (did you mean cpu_mode?)",
		"nova.conf [libvirt] old on c1 is not an option of nova.conf in zed (from --release): the service ignores it (zed still read it)",
	}
}

test_unknown_section_once if {
	r := rule.report with input as _d({"ml2_odl": {
		"url": _occ("http://odl", 3, {"status": "unknown", "section_unknown": true}),
		"username": _occ("admin", 2, {"status": "unknown", "section_unknown": true}),
	}})
	r == {{
		"message": "nova.conf [ml2_odl] on c1 is not a section of nova.conf in zed (from --release): its options (url, username) are ignored",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 2, "column": 1, "section": "ml2_odl", "key": "username"}],
	}}
}

# A misspelt section is named as its header writes it, with the group meant.
test_misspelt_section_suggested if {
	d := _d({"defaut": {"debug": _occ("true", 2, {"status": "unknown", "section_unknown": true, "section_suggest": "DEFAULT"})}})
	r := rule.report with input as object.union(d, {"nodes": {"c1": {"files": {"c1/etc/nova/nova.conf": {"headers": [{"name": "DEFAUT", "line": 1}]}}}}})
	some x in r
	x.message == "nova.conf [DEFAUT] on c1 is not a section of nova.conf in zed (from --release): its option (debug) is ignored (did you mean [DEFAULT]?)"
}

# A file nothing reads any more, and [default] (SL-HYG-007), are other rules'.
test_dead_and_lowercase_default if {
	r := rule.report with input as _d({
		"vxlan": {"local_ip": _occ("10.0.0.31", 3, {"status": "unknown", "dead": true})},
		"default": {"debug": _occ("true", 2, {"status": "unknown", "section_unknown": true})},
	})
	r == set()
}

# _older is _d for files older than the oldest known release.
_older(sections) := {"nodes": {"c1": object.union(n, {"files": {p: object.union(f, {"release": object.union(f.release, {"below_oldest": true})}) | some p, f in n.files}})}} if {
	some n in _d(sections).nodes
}

# Older files: a name unknown to the oldest release may be right for the
# file's own release; only names no release reads are reported.
test_older_files_only_certain_names if {
	below := {"status": "unknown", "below_oldest": true}
	r := rule.report with input as object.union(_d({}), _older({"DEFAULT": {
		"scheduler_default_filters": _occ("RamFilter", 3, below),
		"vncserver_listen": _occ("0.0.0.0", 4, object.union(below, {"option": "server_listen"})),
		"Verbose": _occ("True", 5, object.union(below, {"lowercase": "verbose", "lowercase_known": false})),
		"log-dir": _occ("/var/log/nova", 6, object.union(below, {"option": "log_dir"})),
	}}))
	{f.message | some f in r} == {
		"nova.conf [DEFAULT] Verbose on c1 is not an option of nova.conf in zed (from --release; the file looks older, and zed is the oldest release stacklint knows): the service ignores it (option names are case-sensitive, and oslo.config's are all lower-case)",
		"nova.conf [DEFAULT] log-dir on c1 is not an option of nova.conf in zed (from --release; the file looks older, and zed is the oldest release stacklint knows): the service ignores it (did you mean log_dir?)",
	}
}

test_case_hint_when_lowercase_known if {
	r := rule.report with input as _d({"DEFAULT": {"Debug": _occ("True", 3, {"status": "unknown", "lowercase": "debug", "lowercase_known": true})}})
	{f.message | some f in r} == {"nova.conf [DEFAULT] Debug on c1 is not an option of nova.conf in zed (from --release): the service ignores it (option names are case-sensitive: did you mean debug?)"}
}

# Checked against the oldest known release, an option no release knows may
# be one an older release read: an info, without a guessed meaning.
test_oldest_release_info if {
	r := rule.report with input as _d({"placement": {"os_region_name": _occ("RegionOne", 7, {"status": "unknown", "group": "cinder", "at_oldest": "stein"})}})
	r == {{
		"message": "nova.conf [placement] os_region_name on c1 is not an option of nova.conf in stein or any later release: it is ignored from stein on (older releases may have read it)",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 7, "column": 1, "section": "placement", "key": "os_region_name"}],
		"severity": "info",
	}}
}

# An option of a close name the oldest release reads is named, not guessed
# at: the old option may have been renamed to it.
test_oldest_release_close_name if {
	r := rule.report with input as _d({"DEFAULT": {"nova_metadata_ip": _occ("10.0.0.11", 3, {"status": "unknown", "option": "nova_metadata_host", "at_oldest": "stein"})}})
	{f.message | some f in r} == {"nova.conf [DEFAULT] nova_metadata_ip on c1 is not an option of nova.conf in stein or any later release: it is ignored from stein on (older releases may have read it); stein reads nova_metadata_host, a close name"}
}

# At the oldest release, a close spelling of an option that no release
# from Icehouse on read is a typo: a warning with the suggestion.
test_oldest_release_misspelt if {
	r := rule.report with input as _d({"DEFAULT": {"nova_metdata_port": _occ("8775", 3, {"status": "unknown", "option": "nova_metadata_port", "never_read": true, "at_oldest": "stein"})}})
	{[f.message, object.get(f, "severity", "")] | some f in r} == {["nova.conf [DEFAULT] nova_metdata_port on c1 is not an option of nova.conf in zed (from --release): the service ignores it (did you mean nova_metadata_port?)", ""]}
}

# An option an older release read says which one.
test_oldest_release_read_until if {
	r := rule.report with input as _d({"DEFAULT": {"nova_metadata_ip": _occ("ctl", 3, {"status": "unknown", "read_until": "pike", "at_oldest": "stein"})}})
	{f.message | some f in r} == {"nova.conf [DEFAULT] nova_metadata_ip on c1 is not an option of nova.conf in stein or any later release: it is ignored from stein on (pike still read it)"}
}
