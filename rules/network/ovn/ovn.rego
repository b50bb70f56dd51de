# METADATA
# title: ML2/OVN settings that stop or split the OVN driver
# description: |
#   The OVN mechanism driver carries project networks as Geneve with a
#   38-byte option header: type_drivers must load geneve and
#   [ml2_type_geneve] max_header_size must be at least 38, or neutron-server
#   logs "Geneve max_header_size set too low" and OVN networks fail. Every
#   neutron-server must also talk to the same OVN databases
#   ([ovn] ovn_nb_connection and ovn_sb_connection): a server pointing at
#   another NB database creates ports no ovn-controller ever binds. The
#   OVN databases' own configuration is not read, so the servers are
#   peers: a differing one is compared with the value most hold (the
#   first by path on a tie), and the message says which.
# custom:
#   id: SL-NET-020
#   scope: aggregate
#   severity: error
#   inputs: [ml2_conf.ini, plugin.ini]
#   remediation: |
#     With mechanism_drivers = ovn set type_drivers to include geneve,
#     max_header_size = 38, and the same ovn_nb_connection and
#     ovn_sb_connection on every neutron-server.
package stacklint.rules.network.ovn

import data.stacklint.lib
import data.stacklint.lib.network as net

# aggregate: the findings of each OVN server's own ML2 file ({"finding":
# finding}) and its OVN database connections ({"copy": {key, v, where,
# loc}}); the report compares the servers' connections.
_ovn := [f | some f in net.ml2; "ovn" in net.mechanism_drivers(f)]

aggregate contains {"finding": finding} if {
	some f in _ovn
	not "geneve" in net.type_drivers(f)
	finding := {
		"message": sprintf("%s on %s uses ovn, but [ml2] type_drivers%s does not load geneve: OVN project networks cannot be created", [f.kind, f.node, _elsewhere(f)]),
		"locations": [net.ml2_at(f, "type_drivers")],
	}
}

aggregate contains {"finding": finding} if {
	some f in _ovn
	occ := lib.last(f, "ml2_type_geneve", "max_header_size")
	to_number(occ.value) < 38
	finding := {
		"message": sprintf("%s is %s, below the 38 bytes OVN needs: neutron-server refuses OVN Geneve networks", [lib.where(f, "ml2_type_geneve", "max_header_size"), occ.value]),
		"locations": [lib.loc(f, "ml2_type_geneve", "max_header_size", occ)],
	}
}

aggregate contains {"copy": c} if {
	some f in _ovn
	some key in ["ovn_nb_connection", "ovn_sb_connection"]
	[cf, occ] := lib.effective(input.nodes[f.node], ["neutron.conf", "ml2_conf.ini", "plugin.ini"], "ovn", key)
	c := {"key": key, "v": occ.value, "where": lib.where(cf, "ovn", key), "loc": lib.loc(cf, "ovn", key, occ)}
}

report contains r.finding if {
	some r in aggregate
	r.finding
}

_copies(key) := {c | some r in aggregate; c := r.copy; c.key == key}

report contains finding if {
	some key in ["ovn_nb_connection", "ovn_sb_connection"]
	copies := _copies(key)
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %s, but %s is %s (neutron servers are peers, and the OVN databases' own configuration is not read: %s): neutron servers write to different OVN databases", [c.where, c.v, r.where, r.v, lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}

# _elsewhere names the file that sets type_drivers for neutron-server when
# it is not the ML2 file itself (neutron.conf or a config-dir).
_elsewhere(f) := "" if net.ml2_setting(f, "type_drivers").file.path == f.path

else := sprintf(" (%s)", [net.ml2_named(f, "type_drivers")])
