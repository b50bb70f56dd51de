# METADATA
# title: MTU settings disagree between servers or exceed the tunnel's room
# description: |
#   neutron-server computes every network's MTU from global_physnet_mtu
#   (neutron.conf, default 1500) and [ml2] path_mtu, minus the tunnel's
#   overhead (VXLAN and Geneve 50 bytes over IPv4, GRE 42). Two mistakes
#   follow. Servers with different values give a network a different MTU
#   depending on which server created it. And a dnsmasq_config_file that
#   forces an MTU with dhcp-option-force=26,N (the pre-Mitaka workaround)
#   overrides neutron's own: when N is larger than what the project
#   network type carries on the underlay (1454 is the GRE-era guide value,
#   but VXLAN on a 1500 underlay carries at most 1450), large packets are
#   dropped and SSH or HTTPS sessions hang. The servers are peers (the
#   underlay's own MTU is not compared): a differing server is compared
#   with the value most servers hold (the first by path on a tie), and
#   the message says which.
# custom:
#   id: SL-NET-014
#   scope: aggregate
#   severity: error
#   inputs: [neutron.conf, ml2_conf.ini, dnsmasq]
#   defaults:
#     - [neutron.conf, DEFAULT, global_physnet_mtu]
#     - [ml2_conf.ini, ml2, path_mtu]
#   remediation: |
#     Use the same global_physnet_mtu and path_mtu on every neutron-server,
#     and drop the dhcp-option-force=26 line (neutron advertises the right
#     MTU itself since Mitaka) or lower it to the underlay MTU minus the
#     tunnel overhead.
package stacklint.rules.network.mtu

import data.stacklint.lib
import data.stacklint.lib.host
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

# _overhead: bytes a project network type takes from the underlay MTU
# (neutron-lib's encapsulation overheads plus the IPv4 header).
_overhead := {"vxlan": 50, "geneve": 50, "gre": 42, "vlan": 0, "flat": 0}

# _settings: [kind, section, key] compared between servers, each read in
# effect for neutron-server (written in any file it loads, else the
# release's default: 1500 and 0 in every release).
_settings := [["neutron.conf", "DEFAULT", "global_physnet_mtu"], ["ml2_conf.ini", "ml2", "path_mtu"]]

# _int is the integer a setting holds; undefined when unknown (a release
# the defaults lack) or not an integer (schema validation reports that).
_int(s) := to_number(trim_space(s.value)) if {
	is_string(s.value)
	regex.match(`^\s*[0-9]+\s*$`, s.value)
}

# aggregate: each neutron-server's settings compared ({"copy": {key, v,
# node, loc, pos}}), the underlay MTUs it sets ({"path_mtu": n} for a set
# path_mtu, {"physnet_mtu": n}), its project network types with where they
# are set ({"type": [type, loc]}), and each DHCP agent's forced MTU
# ({"forced": {n, path, line, via, locs}}). The report compares the
# servers and weighs the forced MTUs against every server's types and
# underlay.
aggregate contains {"copy": c} if some c in _copies

aggregate contains {"path_mtu": m} if {
	some f in net.ml2
	m := _int(net.server_setting(f, "ml2", "path_mtu"))
	m > 0
}

aggregate contains {"physnet_mtu": m} if {
	some [_, f] in _servers
	f.kind == "neutron.conf"
	m := _int(net.server_setting(f, "DEFAULT", "global_physnet_mtu"))
}

aggregate contains {"type": [t, net.ml2_at(f, net.tenant_key(f))]} if {
	some f in net.ml2
	some t in net.tenant_types(f)
	_overhead[t]
}

aggregate contains {"forced": {
	"n": n, "path": df.path, "line": d.line,
	"via": lib.where(cfg.file, "DEFAULT", "dnsmasq_config_file"),
	"locs": [host.dloc(df, d), settings.at(cfg, "DEFAULT", "dnsmasq_config_file")],
}} if {
	some [name, f] in lib.files("dhcp_agent.ini")
	cfg := net.setting(input.nodes[name], "neutron-dhcp-agent", f, "DEFAULT", "dnsmasq_config_file")
	cfg.written
	file := trim_space(cfg.value)
	file != ""
	some df in input.nodes[f.node].files
	df.kind == "dnsmasq"
	endswith(df.path, file)
	some d in df.directives
	n := _forced(d)
}

# _servers: the neutron.conf and ML2 file of every neutron-server node of
# the part.
_servers := [[f.node, f] | some f in _server_files]

_server_files contains f if some f in net.ml2

_server_files contains f if {
	some node in input.nodes
	lib.runs(node, "neutron-server")
	some f in node.files
	f.kind == "neutron.conf"
	not f.error
}

_copies contains c if {
	some [name, f] in _servers
	some [kind, section, key] in _settings
	_kind(f) == kind
	s := net.server_setting(f, section, key)
	loc := settings.at(s, section, key)
	c := {"key": key, "v": _int(s), "node": name, "loc": loc, "pos": [loc.path, loc.line]}
}

_kind(f) := "ml2_conf.ini" if f.kind == "plugin.ini"

else := f.kind

# The fleet's view, from the records.
_all_copies := {r.copy | some r in aggregate; r.copy}

report contains finding if {
	some key in {c.key | some c in _all_copies}
	copies := {c | some c in _all_copies; c.key == key}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %d on %s (%s), but %d on %s (%s; neutron servers are peers, none is the authority: %s): a network's MTU depends on which neutron-server created it", [key, c.v, c.node, c.loc.path, r.v, r.node, r.loc.path, lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}

# _path_mtus and _physnet_mtus: the underlay MTUs the servers set; a set
# path_mtu wins. The largest is used, so a forced MTU is never blamed on
# the smaller of two disagreeing servers (drift is reported above).
_path_mtus := {r.path_mtu | some r in aggregate; r.path_mtu}

_physnet_mtus := {r.physnet_mtu | some r in aggregate; r.physnet_mtu}

_underlay := [max(_path_mtus), "path_mtu"] if count(_path_mtus) > 0

else := [max(_physnet_mtus | {1500}), "global_physnet_mtu"]

# _types: the project network types of the servers' ML2 configuration,
# each with the first place that sets it.
_types[t] := sort([[loc.path, loc] | some [t2, loc] in _type_locs; t2 == t])[0][1] if some [t, _] in _type_locs

_type_locs := {r.type | some r in aggregate; r.type}

_forced(d) := to_number(parts[i + 1]) if {
	d.name in {"dhcp-option-force", "dhcp-option"}
	parts := [trim_space(p) | some p in split(d.args[0], ",")]
	some i, p in parts
	p in {"26", "option:mtu"}
	i + 1 < count(parts)
	regex.match(`^[0-9]+$`, parts[i + 1])
}

report contains finding if {
	some r in aggregate
	fd := r.forced
	some t, tloc in _types
	[underlay, source] := _underlay
	room := underlay - _overhead[t]
	fd.n > room
	finding := {
		"message": sprintf("%s:%d forces MTU %d on instances (read through %s), but %s project networks carry at most %d on a %d underlay (%s - %d bytes of %s overhead): larger packets are dropped", [fd.path, fd.line, fd.n, fd.via, t, room, underlay, source, _overhead[t], t]),
		"locations": array.concat(fd.locs, [tloc]),
	}
}
