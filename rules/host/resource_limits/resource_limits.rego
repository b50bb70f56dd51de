# METADATA
# title: RabbitMQ or MariaDB runs with too few file descriptors
# description: |
#   Every OpenStack worker holds AMQP and database connections, and each
#   is a file descriptor of the broker or the database. Under systemd the
#   service's limit is LimitNOFILE from its unit and drop-ins in
#   /etc/systemd/system/<unit>.service.d/; three mistakes are common.
#   A drop-in that lowers rabbitmq-server below 10000 descriptors (the
#   floor tripleo-validations' rabbitmq-limits checks) leaves the broker
#   refusing connections once it is reached. A MariaDB limit below my.cnf
#   max_connections makes mysqld lower max_connections itself at start
#   ("Changed limits: max_connections"), so the 4096 the guide sets never
#   applies. And nofile lines for the rabbitmq or mysql user in
#   /etc/security/limits.d are read by pam_limits for login sessions
#   only: a systemd service never sees them, so the limit the operator
#   raised is not raised. Checked on nodes whose systemd files are in the
#   snapshot. The floor is the parameter rabbitmq_min_nofile (10000).
# custom:
#   id: SL-HOST-010
#   scope: node
#   severity: warning
#   inputs: [systemd, limits]
#   params:
#     rabbitmq_min_nofile: 10000
#   remediation: |
#     Raise the limit in a drop-in, for example
#     /etc/systemd/system/rabbitmq-server.service.d/limits.conf with
#     [Service] LimitNOFILE=65536 (and likewise for mariadb.service),
#     then run systemctl daemon-reload and restart the service.
package stacklint.rules.host.resource_limits

import data.stacklint.lib.host

# _units: the service user's systemd units.
_units := {
	"rabbitmq": ["rabbitmq-server"],
	"mysql": ["mariadb", "mysqld", "mysql"],
}

# _rabbit_floor is the parameter (.stacklint.yaml rules.SL-HOST-010.params).
_rabbit_floor := object.get(input, ["params", "SL-HOST-010", "rabbitmq_min_nofile"], 10000)

# _unit_files: a node's unit file and drop-ins for unit, in the order
# systemd applies them (the unit, then drop-ins by file name).
_unit_files(node, unit) := [f | some [_, f] in sort([[_order(f, unit), f] |
	some f in node.files
	f.kind == "systemd"
	_order(f, unit)
])]

_order(f, unit) := "" if endswith(f.path, sprintf("/systemd/system/%s.service", [unit]))

_order(f, unit) := base if {
	contains(f.path, sprintf("/systemd/system/%s.service.d/", [unit]))
	parts := split(f.path, "/")
	base := parts[count(parts) - 1]
}

# limit: [file, directive, soft limit] of the last LimitNOFILE for unit.
limit(node, unit) := found[count(found) - 1] if {
	found := [[f, d, _soft(d.args[0])] |
		some f in _unit_files(node, unit)
		some d in f.directives
		d.block == "Service"
		d.name == "LimitNOFILE"
		count(d.args) > 0
	]
	count(found) > 0
}

# _soft: "65536", "4096:65536" (soft:hard) or "infinity".
_soft(v) := 1073741816 if lower(split(v, ":")[0]) == "infinity"

else := to_number(split(v, ":")[0]) if regex.match(`^[0-9]+$`, split(v, ":")[0])

report contains finding if {
	some name, node in input.nodes
	[f, d, n] := limit(node, "rabbitmq-server")
	n < _rabbit_floor
	finding := {
		"message": sprintf("%s sets LimitNOFILE=%s for rabbitmq-server on %s, below %d: the broker refuses connections once every worker of every service holds its share", [f.path, d.args[0], name, _rabbit_floor]),
		"locations": [host.dloc(f, d)],
	}
}

report contains finding if {
	some name, node in input.nodes
	some unit in _units.mysql
	[f, d, n] := limit(node, unit)
	some cf in node.files
	cf.kind == "my.cnf"
	some cd in cf.directives
	cd.block in {"mysqld", "mariadb", "server", "galera"}
	replace(lower(cd.name), "-", "_") == "max_connections"
	regex.match(`^[0-9]+$`, cd.args[0])
	to_number(cd.args[0]) > n
	finding := {
		"message": sprintf("%s sets LimitNOFILE=%s for %s on %s, below max_connections = %s (%s:%d): mysqld lowers max_connections at start and services get \"Too many connections\"", [f.path, d.args[0], unit, name, cd.args[0], cf.path, cd.line]),
		"locations": [host.dloc(f, d), host.dloc(cf, cd)],
	}
}

report contains finding if {
	some name, node in input.nodes
	host.has_kind(node, "systemd")
	some f in node.files
	f.kind == "limits"
	some d in f.directives
	count(d.args) > 2
	d.args[1] == "nofile"
	units := _units[d.name]
	not _any_limit(node, units)
	finding := {
		"message": sprintf("%s:%d raises nofile for the %s user on %s, but pam_limits applies to login sessions only: the systemd service (%s) keeps its unit's LimitNOFILE", [f.path, d.line, d.name, name, concat(" or ", [sprintf("%s.service", [u]) | some u in units])]),
		"locations": [host.dloc(f, d)],
	}
}

_any_limit(node, units) if {
	some u in units
	limit(node, u)
}
