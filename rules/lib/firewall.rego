# METADATA
# description: |
#   Whether a node's firewall, as its files in the snapshot describe it,
#   lets a new TCP connection from other nodes reach a port: iptables-save
#   files (/etc/sysconfig/iptables, /etc/iptables/rules.v4) evaluated rule
#   by rule in the INPUT chain of the filter table, and firewalld's default
#   zone (zones/<DefaultZone>.xml). verdict is "open", "closed", or
#   undefined when the files cannot tell (a jump to another chain, an
#   interface match, a firewalld service whose ports are not in the
#   snapshot, rich rules): checks then say nothing. The verdict is computed
#   from a summary of the node's firewall files (summary), small enough
#   for an aggregate rule's record, so that a rule may judge connections
#   from other nodes without the node at hand.
package stacklint.lib.firewall

# verdict(node, port, sources) for a new TCP connection to port from the
# given source addresses (an empty list: sources unknown), with the path
# and line of the file that decides it: [verdict, path, line]
# (verdict_of(summary(node), ...)).
verdict(node, port, sources) := verdict_of(summary(node), port, sources)

# verdict_of is verdict over a node's summary: the iptables file's
# verdict, else (no iptables file, or one that cannot tell) firewalld's.
verdict_of(fw, port, sources) := v if {
	fw.iptables != null
	v := _ipt_verdict(fw.iptables, port, sources)
} else := v if {
	fw.firewalld != null
	v := _zone_verdict(fw.firewalld, port)
}

# summary is what verdict_of needs of a node's firewall files:
# {"iptables": the first readable iptables-save file's {"path", "rules":
# the INPUT rules of its filter table, in order, each {"args", "line"},
# "policy": [target, line] of its INPUT policy, or null}, or null;
# "firewalld": the default zone's {"path", "accept": lines of a zone tag
# whose target is ACCEPT, "unclear": true when rich rules, a service of
# unknown ports or another zone bound to sources or interfaces leave it
# open, "opens": the zone's port and service entries that may open a
# port, each {"line", "range"} (a TCP port or "lo-hi") or {"line",
# "ports"} (a service's TCP ports), "zone": lines of the zone tag}, or
# null}. Locations are the node's own files'.
summary(node) := {"iptables": _ipt_or_null(node), "firewalld": _zone_or_null(node)}

_ipt_or_null(node) := {"path": f.path, "rules": [{"args": d.args, "line": d.line} | some d in _input(f)], "policy": _policy_or_null(f)} if {
	f := _iptables(node)
} else := null

_policy_or_null(f) := p if p := _policy(f)

else := null

_zone_or_null(node) := {
	"path": f.path,
	"accept": [d.line | some d in f.directives; d.name == "zone"; _attr(d, "target") == "ACCEPT"],
	"unclear": _unclear(node, f),
	"opens": [o | some d in f.directives; d.block == "zone"; o := _open_entry(node, d)],
	"zone": [d.line | some d in f.directives; d.name == "zone"],
} if {
	f := _zone(node)
} else := null

_unclear(node, f) if _zone_unclear(node, f)

default _unclear(_, _) := false

_open_entry(_, d) := {"line": d.line, "range": _attr(d, "port")} if {
	d.name == "port"
	_attr(d, "protocol") == "tcp"
}

_open_entry(node, d) := {"line": d.line, "ports": ports} if {
	d.name == "service"
	ports := _service_ports(node, _attr(d, "name"))
}

_iptables(node) := [f | some f in node.files; f.kind == "iptables"; not f.error][0]

# --- iptables ---------------------------------------------------------------

# _input: the INPUT rules of the filter table, in order.
_input(f) := [d |
	some i, d in f.directives
	d.name == "-A"
	count(d.args) > 0
	d.args[0] == "INPUT"
	_table_of(f, i) == "*filter"
]

# _table_of: the "*table" line before directive i.
_table_of(f, i) := t if {
	tables := [[j, d.name] | some j, d in f.directives; startswith(d.name, "*"); j < i]
	t := tables[count(tables) - 1][1]
}

_policy(f) := [d.args[0], d.line] if {
	some i, d in f.directives
	d.name == ":INPUT"
	_table_of(f, i) == "*filter"
}

# _ipt_verdict over an iptables summary ipt.
_ipt_verdict(ipt, port, sources) := v if {
	outcomes := [[o, r.line] | some r in ipt.rules; o := _outcome(r.args, port, sources); o != "skip"]
	count(outcomes) > 0
	[o, line] := outcomes[0]
	o != "unknown"
	v := [o, ipt.path, line]
} else := [_policy_verdict(p), ipt.path, line] if {
	not _decided(ipt, port, sources)
	[p, line] := ipt.policy
}

_decided(ipt, port, sources) if {
	some r in ipt.rules
	_outcome(r.args, port, sources) != "skip"
}

_policy_verdict("ACCEPT") := "open"

_policy_verdict(p) := "closed" if p in {"DROP", "REJECT"}

# _outcome of one rule for the packet: "open", "closed", "skip" (does not
# match, or LOG and go on) or "unknown".
_outcome(args, port, sources) := "unknown" if not _understood(args)

else := "skip" if not _matches(args, port, sources)

else := "unknown" if _uncertain(args, sources)

else := o if o := _targets[_opt(args, ["-j", "--jump"])]

else := "unknown"

_targets := {"ACCEPT": "open", "DROP": "closed", "REJECT": "closed", "LOG": "skip"}

# _known: options the evaluation understands; anything else (negation,
# -d, ipset matches, ...) makes the rule unknown.
_known := {
	"-p", "--protocol", "-m", "--match", "--dport", "--destination-port", "--dports", "--destination-ports",
	"-s", "--source", "-i", "--in-interface", "--state", "--ctstate", "-j", "--jump", "--comment",
	"--reject-with", "--log-prefix", "--log-level",
}

_understood(args) if {
	every i, a in args {
		_arg_ok(i, a)
	}
}

_arg_ok(0, _)

_arg_ok(i, a) if {
	i > 0
	not startswith(a, "-")
	a != "!" # negation
}

_arg_ok(i, a) if {
	i > 0
	a in _known
}

_opt(args, names) := args[i + 1] if {
	some i, a in args
	a in names
	i + 1 < count(args)
}

# _matches: no match of the rule excludes the packet (matches that cannot
# be told are left to _uncertain).
_matches(args, port, sources) if {
	_proto_ok(args)
	_state_ok(args)
	_port_ok(args, port)
	not _loopback(args)
	not _source_outside(args, sources)
}

# (a helper: "not f(x) == v" is false when f(x) is undefined)
_loopback(args) if _opt(args, ["-i", "--in-interface"]) == "lo"

_proto_ok(args) if not _opt(args, ["-p", "--protocol"])

_proto_ok(args) if lower(_opt(args, ["-p", "--protocol"])) in {"tcp", "all", "6"}

_state_ok(args) if not _opt(args, ["--state", "--ctstate"])

_state_ok(args) if "NEW" in split(upper(_opt(args, ["--state", "--ctstate"])), ",")

_dports(args) := split(_opt(args, ["--dport", "--destination-port", "--dports", "--destination-ports"]), ",")

_port_ok(args, _) if not _dports(args)

_port_ok(args, port) if {
	some r in _dports(args)
	_in_range(r, port)
}

_port_ok(args, _) if {
	some r in _dports(args)
	not _numeric(r)
}

_numeric(r) if regex.match(`^[0-9]+(:[0-9]+)?$`, r)

_in_range(r, port) if to_number(r) == port

_in_range(r, port) if {
	[lo, hi] := split(r, ":")
	port >= to_number(lo)
	port <= to_number(hi)
}

_cidr(s) := s if contains(s, "/")

else := concat("", [s, "/32"])

_source_outside(args, sources) if {
	src := _opt(args, ["-s", "--source"])
	count(sources) > 0
	every a in sources {
		not net.cidr_contains(_cidr(src), a)
	}
}

# _uncertain: the rule matches only some of the sources, matches on an
# interface, or names a port by service name.
_uncertain(args, _) if _opt(args, ["-i", "--in-interface"])

_uncertain(args, _) if {
	some r in _dports(args)
	not _numeric(r)
}

_uncertain(args, sources) if {
	_opt(args, ["-s", "--source"])
	count(sources) == 0
}

_uncertain(args, sources) if {
	src := _opt(args, ["-s", "--source"])
	some a in sources
	not _inside(src, a)
}

_inside(src, a) if net.cidr_contains(_cidr(src), a)

# --- firewalld --------------------------------------------------------------

_zone(node) := f if {
	name := _default_zone(node)
	some f in node.files
	f.kind == "firewalld"
	endswith(f.path, sprintf("/firewalld/zones/%s.xml", [name]))
}

_default_zone(node) := z if {
	some f in node.files
	f.kind == "firewalld"
	endswith(f.path, "/firewalld/firewalld.conf")
	some d in f.directives
	d.name == "DefaultZone"
	z := d.args[0]
} else := "public"

_attr(d, name) := v if {
	some a in d.args
	startswith(a, concat("", [name, "="]))
	v := substring(a, count(name) + 1, -1)
}

# _zone_verdict over a firewalld summary zone: a zone that accepts
# everything, else the first port or service entry that opens the port,
# else the zone tag (closed); undefined when the zone is unclear.
_zone_verdict(zone, port) := ["open", zone.path, zone.accept[0]] if {
	count(zone.accept) > 0
} else := v if {
	not zone.unclear
	v := _zone_ports(zone, port)
}

_zone_ports(zone, port) := ["open", zone.path, lines[0]] if {
	lines := [o.line | some o in zone.opens; _opens(o, port)]
	count(lines) > 0
} else := ["closed", zone.path, zone.zone[0]] if {
	count(zone.zone) > 0
}

_opens(o, port) if _fw_range(o.range, port)

_opens(o, port) if port in o.ports

_fw_range(r, port) if to_number(r) == port

_fw_range(r, port) if {
	[lo, hi] := split(r, "-")
	port >= to_number(lo)
	port <= to_number(hi)
}

# _service_ports: the TCP ports of a firewalld service: a service file in
# the snapshot, else the packaged definition of the common ones.
_service_ports(node, name) := {to_number(_attr(d, "port")) |
	some f in node.files
	f.kind == "firewalld"
	endswith(f.path, sprintf("/firewalld/services/%s.xml", [name]))
	some d in f.directives
	d.name == "port"
	_attr(d, "protocol") == "tcp"
	regex.match(`^[0-9]+$`, _attr(d, "port"))
} if _has_service_file(node, name)

else := _packaged[name]

_has_service_file(node, name) if {
	some f in node.files
	endswith(f.path, sprintf("/firewalld/services/%s.xml", [name]))
}

_packaged := {
	"ssh": {22}, "http": {80}, "https": {443}, "amqp": {5672}, "amqps": {5671}, "mysql": {3306},
	"memcache": {11211}, "dhcpv6-client": set(), "cockpit": {9090},
}

# _zone_unclear: rich rules, a service of unknown ports, or another zone
# bound to sources or interfaces (clients may land there).
_zone_unclear(_, f) if {
	some d in f.directives
	d.name == "rule"
}

_zone_unclear(node, f) if {
	some d in f.directives
	d.name == "service"
	not _service_ports(node, _attr(d, "name"))
}

_zone_unclear(node, f) if {
	some g in node.files
	g.kind == "firewalld"
	g.path != f.path
	contains(g.path, "/firewalld/zones/")
	some d in g.directives
	d.name in {"source", "interface"}
}
