# METADATA
# title: Tunnel interface MTU below what neutron assumes
# description: |
#   neutron-server gives every tunnelled project network the MTU
#   min(global_physnet_mtu, path_mtu when set) minus the tunnel's overhead
#   (VXLAN 50 bytes over IPv4 and 70 over IPv6, GRE 42, Geneve 50 and
#   more: neutron's type drivers), so an encapsulated packet of that size
#   takes min(global_physnet_mtu, path_mtu) bytes on the underlay. The
#   interface holding an agent's tunnel local_ip must carry that much:
#   when its MTU is smaller, instances send packets neutron said fit and
#   the underlay drops (or fragments) them; SSH banners pass and bulk
#   transfers hang. The interface's MTU comes from the node's interface
#   files (mtu, MTU=) or a sos report's ip -d address (the running value,
#   which wins), and the smallest known MTU on the way out counts: a
#   VLAN's raw device (a VLAN at 9000 on a bond at 1500 sends 1500 bytes)
#   and the physical ports of the bridge the address sits on (an Open
#   vSwitch internal port, a Linux bridge); an MTU no source states is not
#   taken as 1500. global_physnet_mtu (default 1500) and path_mtu (default 0,
#   unset) are the neutron-servers' in effect, the smallest when they
#   differ (SL-NET-014 reports that). Judged only when the snapshot holds
#   a neutron-server's configuration.
# custom:
#   id: SL-NET-026
#   scope: aggregate
#   severity: error
#   inputs: [neutron.conf, ml2_conf.ini, plugin.ini, linuxbridge_agent.ini, openvswitch_agent.ini]
#   defaults:
#     - [neutron.conf, DEFAULT, global_physnet_mtu]
#     - [ml2_conf.ini, ml2, path_mtu]
#   remediation: |
#     Raise the MTU of the tunnel interface (mtu 9000 in the interface
#     configuration, and on the switches), or lower global_physnet_mtu or
#     [ml2] path_mtu on the neutron-servers to what the underlay carries;
#     existing networks keep their MTU until updated.
package stacklint.rules.network.underlay_mtu

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

# _overhead: bytes each tunnel type adds over IPv4 (neutron-lib's
# encapsulation overheads plus the IP header); IPv6 adds 20 more.
_overhead := {"vxlan": 50, "geneve": 50, "gre": 42}

_int(s) := to_number(trim_space(s.value)) if {
	is_string(s.value)
	regex.match(`^\s*[0-9]+\s*$`, s.value)
}

# aggregate: each neutron-server's underlay MTU ({"physnet_mtu": {n, at}},
# {"path_mtu": {n, at}} when set above 0) and each tunnelling agent's
# interface holding its local_ip with a known MTU ({"tunnel": {node,
# iface, mtu, types, ip, at, iface_at}}).
aggregate contains {"physnet_mtu": {"n": n, "at": settings.at(s, "DEFAULT", "global_physnet_mtu")}} if {
	some node in input.nodes
	lib.runs(node, "neutron-server")
	some f in node.files
	f.kind == "neutron.conf"
	not f.error
	s := net.server_setting(f, "DEFAULT", "global_physnet_mtu")
	n := _int(s)
}

aggregate contains {"path_mtu": {"n": n, "at": net.ml2_at(f, "path_mtu")}} if {
	some f in net.ml2
	n := _int(net.ml2_setting(f, "path_mtu"))
	n > 0
}

aggregate contains {"tunnel": r} if {
	some a in net.node_agents
	count(a.tunnels) > 0
	node := input.nodes[a.node]
	[sec, key] := a.local_ip
	s := net.setting(node, a.proc, a.file, sec, key)
	s.written
	ip := trim_space(s.value)
	some name, i in object.get(node, "interfaces", {})
	ip in i.addresses
	[mtu, shown, source] := _mtu(name, i)
	r := {
		"node": a.node, "iface": shown, "mtu": mtu, "types": sort([t | some t in a.tunnels]), "ip": ip,
		"at": settings.at(s, sec, key), "source": source,
	}
}

# _mtu is [MTU, the device as the message names it, the source of the
# MTU] of the interface holding local_ip: a smaller MTU on the way out (a
# VLAN's raw device, the physical ports of its bridge: path_mtu) wins.
_mtu(name, i) := [p.mtu, sprintf("%s (through %s)", [name, p.via]), p.source] if {
	p := i.path_mtu
	p.mtu > 0
	i.mtu == 0
} else := [p.mtu, sprintf("%s (through %s)", [name, p.via]), p.source] if {
	p := i.path_mtu
	p.mtu > 0
	p.mtu < i.mtu
} else := [i.mtu, name, i.sources[count(i.sources) - 1]] if i.mtu > 0

_physnet := [r.physnet_mtu | some r in aggregate; r.physnet_mtu]

_path := [r.path_mtu | some r in aggregate; r.path_mtu]

# _need is [bytes, where it comes from]: the smallest of the servers'
# global_physnet_mtu and set path_mtu values.
_need := sort([[c.n, c.at.path, c] | some c in array.concat(_physnet, _path)])[0]

_overhead_of(t, ip) := _overhead[t] + 20 if contains(ip, ":")

else := _overhead[t]

report contains finding if {
	count(_physnet) > 0
	[need, _, c] := _need
	some r in aggregate
	t := r.tunnel
	t.mtu < need
	some ty in t.types
	_overhead[ty]
	ty == [x | some x in t.types; _overhead[x]][0]
	finding := {
		"message": sprintf("%s on %s holds the tunnel local_ip %s with MTU %d, but neutron gives %s networks an MTU of %d - %d = %d (%s [%s] %s on %s = %d): their encapsulated packets need %d bytes on the underlay and are dropped", [t.iface, t.node, t.ip, t.mtu, ty, need, _overhead_of(ty, t.ip), need - _overhead_of(ty, t.ip), _kind(c), c.at.section, c.at.key, c.at.node, need, need]),
		"locations": [{"path": t.source.path, "node": t.node, "line": t.source.line, "column": 1}, t.at, c.at],
	}
}

_kind(c) := "ml2_conf.ini" if c.at.key == "path_mtu"

else := "neutron.conf"
