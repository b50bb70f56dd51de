package stacklint.rules.hygiene.deprecated_option_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.deprecated_option as rule

_occ(value, line, schema) := {"value": value, "line": line, "column": 1, "schema": schema}

_dep := {"status": "deprecated", "replacements": ["keystone_authtoken/www_authenticate_uri"]}

_d(keys) := fx.released_as(
	fx.deployment([fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": keys})])]),
	"zed", "2022.2", "auto",
)

test_current_name if {
	r := rule.report with input as _d({"www_authenticate_uri": _occ("http://ctl:5000", 3, {"status": "ok"})})
	r == set()
}

test_old_name if {
	r := rule.report with input as _d({"auth_uri": _occ("http://ctl:5000", 3, _dep)})
	r == {{
		"message": "nova.conf [keystone_authtoken] auth_uri on c1 is a deprecated name of [keystone_authtoken] www_authenticate_uri in zed (from auto)",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 3, "column": 1, "section": "keystone_authtoken", "key": "auth_uri"}],
	}}
}

test_both_names_differ if {
	r := rule.report with input as _d({
		"auth_uri": _occ("http://old:5000", 3, _dep),
		"www_authenticate_uri": _occ("http://ctl:5000", 4, {"status": "ok"}),
	})
	r == {{
		"message": "nova.conf [keystone_authtoken] auth_uri on c1 is a deprecated name of [keystone_authtoken] www_authenticate_uri in zed (from auto); the file also sets the new name, which wins with another value: this line has no effect",
		"locations": [
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 3, "column": 1, "section": "keystone_authtoken", "key": "auth_uri"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 4, "column": 1, "section": "keystone_authtoken", "key": "www_authenticate_uri"},
		],
	}}
}

# Files older than the oldest known release: the old name may be right
# for their release; an info for the upgrade, unless the new name is set too.
test_older_files_info if {
	d := _d({"auth_uri": _occ("http://ctl:5000", 3, _dep)})
	older := object.union(d, {"nodes": {"c1": {"files": {"c1/etc/nova/nova.conf": {"release": {"below_oldest": true}}}}}})
	r := rule.report with input as older
	r == {{
		"message": "nova.conf [keystone_authtoken] auth_uri on c1 is a deprecated name of [keystone_authtoken] www_authenticate_uri in zed, the oldest release stacklint knows (the file looks older): rename it when upgrading",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 3, "column": 1, "section": "keystone_authtoken", "key": "auth_uri"}],
		"severity": "info",
	}}
}
