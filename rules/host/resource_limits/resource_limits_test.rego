package stacklint.rules.host.resource_limits_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.resource_limits as rule

_dropin(unit, value) := {"kind": "systemd", "path": sprintf("c/etc/systemd/system/%s.service.d/limits.conf", [unit]), "node": "c", "directives": [
	{"line": 2, "name": "LimitNOFILE", "args": [value], "block": "Service"},
]}

_mycnf := {"kind": "my.cnf", "path": "c/etc/my.cnf.d/openstack.cnf", "node": "c", "directives": [
	{"line": 3, "name": "max_connections", "args": ["4096"], "block": "mysqld"},
]}

_limits := {"kind": "limits", "path": "c/etc/security/limits.d/rabbitmq.conf", "node": "c", "directives": [
	{"line": 1, "name": "rabbitmq", "args": ["soft", "nofile", "65536"], "block": ""},
]}

_d(files) := fx.deployment([fx.node("c", [], files)])

test_enough if {
	r := rule.report with input as _d([_dropin("rabbitmq-server", "65536"), _dropin("mariadb", "infinity"), _mycnf])
	r == set()
}

test_rabbit_low if {
	r := rule.report with input as _d([_dropin("rabbitmq-server", "4096:65536")])
	r == {{
		"message": "c/etc/systemd/system/rabbitmq-server.service.d/limits.conf sets LimitNOFILE=4096:65536 for rabbitmq-server on c, below 10000: the broker refuses connections once every worker of every service holds its share",
		"locations": [{"path": "c/etc/systemd/system/rabbitmq-server.service.d/limits.conf", "node": "c", "line": 2, "column": 1}],
	}}
}

test_mariadb_below_max_connections if {
	r := rule.report with input as _d([_dropin("mariadb", "1024"), _mycnf])
	r == {{
		"message": "c/etc/systemd/system/mariadb.service.d/limits.conf sets LimitNOFILE=1024 for mariadb on c, below max_connections = 4096 (c/etc/my.cnf.d/openstack.cnf:3): mysqld lowers max_connections at start and services get \"Too many connections\"",
		"locations": [
			{"path": "c/etc/systemd/system/mariadb.service.d/limits.conf", "node": "c", "line": 2, "column": 1},
			{"path": "c/etc/my.cnf.d/openstack.cnf", "node": "c", "line": 3, "column": 1},
		],
	}}
}

test_limits_d_ignored_by_systemd if {
	r := rule.report with input as _d([_limits, _dropin("mariadb", "65536")])
	r == {{
		"message": "c/etc/security/limits.d/rabbitmq.conf:1 raises nofile for the rabbitmq user on c, but pam_limits applies to login sessions only: the systemd service (rabbitmq-server.service) keeps its unit's LimitNOFILE",
		"locations": [{"path": "c/etc/security/limits.d/rabbitmq.conf", "node": "c", "line": 1, "column": 1}],
	}}
}

# With a drop-in for the service the limits.d line is only redundant; and
# without any systemd file the node may not run systemd.
test_limits_d_with_dropin_or_no_systemd if {
	r1 := rule.report with input as _d([_limits, _dropin("rabbitmq-server", "65536")])
	r1 == set()
	r2 := rule.report with input as _d([_limits])
	r2 == set()
}

# The last drop-in by file name wins.
test_dropin_order if {
	later := {"kind": "systemd", "path": "c/etc/systemd/system/rabbitmq-server.service.d/zz-override.conf", "node": "c", "directives": [
		{"line": 2, "name": "LimitNOFILE", "args": ["65536"], "block": "Service"},
	]}
	r := rule.report with input as _d([_dropin("rabbitmq-server", "4096"), later])
	r == set()
}

test_floor_is_a_parameter if {
	inp := object.union(_d([_dropin("rabbitmq-server", "65536")]), {"params": {"SL-HOST-010": {"rabbitmq_min_nofile": 100000}}})
	some f in rule.report with input as inp
	contains(f.message, "below 100000")
}
