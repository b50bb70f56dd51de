# METADATA
# title: Two cinder-volume nodes register one local backend under the same name
# description: |
#   cinder-volume registers each backend as <host>@<backend>, host being
#   the backend section's backend_host, else [DEFAULT] backend_host, else
#   [DEFAULT] host, else the node's host name; the scheduler sends a
#   volume's work to that name over RPC, and whichever service listens on
#   it takes it. For a backend whose volumes live on the node itself (the
#   LVM driver) two nodes with the same name take each other's requests:
#   a volume created in one node's volume group is extended, exported or
#   deleted by the other, which does not have it. (Shared storage such as
#   RBD may use one name on several nodes on purpose, as kolla-ansible's
#   backend_host = rbd:volumes does: not reported.) A name written in
#   cinder's files is compared with the others written and with the host
#   names of the nodes that write none; the node whose own name the host
#   is keeps it, else the node listed first by path.
# custom:
#   id: SL-CINDER-003
#   scope: aggregate
#   severity: error
#   inputs: [cinder.conf]
#   remediation: |
#     Give each cinder-volume node its own host (delete a [DEFAULT] host or
#     backend_host copied from another node, so that the node's host name
#     applies), and move the volumes registered under the old name with
#     cinder-manage volume update_host.
package stacklint.rules.cinder.host_copied

import data.stacklint.lib
import data.stacklint.lib.ceph

# aggregate: each LVM backend of a cinder-volume node and the service name
# it registers, written or its host name ({"name": {node, v (host@backend),
# rank, written, where, loc}}); the report pairs the nodes that use one
# name and reports the written copies.
aggregate contains {"name": c} if {
	some name, node in input.nodes
	lib.runs(node, "cinder-volume")
	[_, _, backends] := ceph.backends(node)
	some backend in backends
	_lvm(node, backend)
	[f, section, key, occ] := _host(node, backend)
	host := trim_space(occ.value)
	c := {
		"node": name, "v": sprintf("%s@%s", [host, backend]), "rank": count({1 | not _own(name, node, host)}), "written": true,
		"where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ),
	}
}

# A node that writes no name registers under its host name: the node
# another one copied its name from.
aggregate contains {"name": c} if {
	some name, node in input.nodes
	lib.runs(node, "cinder-volume")
	[f, occ, backends] := ceph.backends(node)
	some backend in backends
	_lvm(node, backend)
	not _host(node, backend)
	host := object.get(node, "hostname", name)
	c := {
		"node": name, "v": sprintf("%s@%s", [host, backend]), "rank": 0, "written": false,
		"where": sprintf("%s (no host written: its host name %s)", [name, host]),
		"loc": lib.loc(f, "DEFAULT", "enabled_backends", occ),
	}
}

_lvm(node, backend) if {
	[_, drv] := ceph.backend_setting(node, backend, "volume_driver")
	endswith(trim_space(drv.value), ".lvm.LVMVolumeDriver")
}

# _own: the host is the node's own name (its folder or etc/hostname, or
# their short forms): that node is the one the name belongs to.
_own(name, node, host) if lower(host) in {lower(n) | some x in [name, object.get(node, "hostname", name)]; some n in [x, split(x, ".")[0]]}

_host(node, backend) := [f, backend, "backend_host", occ] if {
	[f, occ] := ceph.backend_setting(node, backend, "backend_host")
} else := [f, "DEFAULT", "backend_host", occ] if {
	[f, occ] := lib.effective(node, ceph.cinder_kinds, "DEFAULT", "backend_host")
} else := [f, "DEFAULT", "host", occ] if {
	[f, occ] := lib.effective(node, ceph.cinder_kinds, "DEFAULT", "host")
}

_names := {r.name | some r in aggregate; r.name}

report contains finding if {
	some c in _names
	c.written
	same := sort([[d.rank, d.loc.path, d.node] | some d in _names; d.v == c.v])
	count({n | some [_, _, n] in same}) > 1
	[_, _, first_node] := same[0]
	c.node != first_node
	first := [d | some d in _names; d.v == c.v; d.node == first_node][0]
	finding := {
		"message": sprintf("%s registers the local backend as %s, as %s does: the two cinder-volume services take each other's requests for volumes only one of them holds", [c.where, c.v, first.where]),
		"locations": [c.loc, first.loc],
	}
}
