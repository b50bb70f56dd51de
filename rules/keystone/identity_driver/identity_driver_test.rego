package stacklint.rules.keystone.identity_driver_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.keystone.identity_driver as rule

_f(v) := fx.file("c", "keystone.conf", "etc/keystone/keystone.conf", {"identity": {"driver": v}})

test_sql_and_class_path if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_f("sql")]), fx.node("d", [], [_f("keystone.identity.backends.ldap.Identity")])])
	r == set()
}

test_other if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_f("kvs")])])
	r == {{
		"message": "keystone.conf [identity] driver on c is 'kvs', not one of keystone's drivers (sql, ldap)",
		"locations": [fx.loc(_f("kvs"), "identity", "driver", 1)],
	}}
}

# The value in effect: keystone.conf.d is read after keystone.conf (issue 16).
test_config_dir_driver if {
	d := fx.deployment([fx.node("k", [], [
		fx.file("k", "keystone.conf", "etc/keystone/keystone.conf", {"identity": {"driver": "sql"}}),
		fx.file("k", "keystone.conf.d", "etc/keystone/keystone.conf.d/ad.conf", {"identity": {"driver": "keystone.identity.backends.kv.Identity"}}),
	])])
	r := rule.report with input as d
	count(r) == 1
	good := rule.report with input as fx.deployment([fx.node("k", [], [
		fx.file("k", "keystone.conf", "etc/keystone/keystone.conf", {"identity": {"driver": "kv"}}),
		fx.file("k", "keystone.conf.d", "etc/keystone/keystone.conf.d/ad.conf", {"identity": {"driver": "ldap"}}),
	])])
	good == set()
}
