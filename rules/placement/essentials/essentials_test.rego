package stacklint.rules.placement.essentials_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.placement.essentials as rule

_auth := {"auth_url": "http://controller:5000/v3", "username": "placement", "password": fx.secret("aaaaaa", 15)}

_input(sections) := fx.deployment([fx.node("ctl", [], [fx.file("ctl", "placement.conf", "etc/placement/placement.conf", sections)])])

test_complete if {
	r := rule.report with input as _input({"placement_database": {"connection": "mysql+pymysql://x"}, "keystone_authtoken": _auth})
	r == set()
}

test_no_database if {
	r := rule.report with input as _input({"keystone_authtoken": _auth})
	r == {{
		"message": "placement.conf on ctl has no [placement_database] connection (the database connection): the placement API cannot serve requests",
		"locations": [{"path": "ctl/etc/placement/placement.conf", "node": "ctl", "line": 1, "column": 1, "section": "placement_database", "key": "connection"}],
	}}
}

# Issue 16: unset, connection has its release's default (none).
_rel(sections) := object.union(fx.released_as(_input(sections), "zed", "2022.2", "auto"), {"defaults": {"zed": {"placement.conf": {"placement_database": {"connection": {"text": "", "host": false}}}}}})

test_unset_default if {
	r := rule.report with input as _rel({"keystone_authtoken": _auth})
	{f.message | some f in r} == {"placement.conf [placement_database] connection on ctl is not set: its default in zed, (none): the placement API cannot serve requests"}
}

# Placement (Stein on) reads no [database] connection.
test_database_section_not_read if {
	r := rule.report with input as _rel({"database": {"connection": "mysql+pymysql://x"}, "keystone_authtoken": _auth})
	{f.message | some f in r} == {"placement.conf [placement_database] connection on ctl is not set: its default in zed, (none); [database] connection, written here, is not read by placement: the placement API cannot serve requests"}
}

test_database_section_below_oldest if {
	d := _rel({"database": {"connection": "mysql+pymysql://x"}, "keystone_authtoken": _auth})
	older := object.union(d, {"nodes": {n: object.union(node, {"files": {p: object.union(f, {"release": object.union(f.release, {"below_oldest": true})}) | some p, f in node.files}}) | some n, node in d.nodes}})
	r := rule.report with input as older
	r == set()
}

test_empty_auth_url if {
	r := rule.report with input as _rel({"placement_database": {"connection": "mysql+pymysql://x"}, "keystone_authtoken": object.union(_auth, {"auth_url": ""})})
	{f.message | some f in r} == {"placement.conf [keystone_authtoken] auth_url on ctl is empty (Keystone's URL): the placement API cannot serve requests"}
}
