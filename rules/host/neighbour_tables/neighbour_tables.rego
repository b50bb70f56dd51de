# METADATA
# title: Neighbour table limits at kernel defaults on an L3 node
# description: |
#   For the record: every router namespace on an L3 agent node keeps ARP
#   and NDP entries for its networks, and the kernel defaults
#   (net.ipv4.neigh.default.gc_thresh1/2/3 = 128/512/1024) overflow with a
#   few hundred ports: "neighbour table overflow" and dropped traffic.
#   Deployment tools raise them on network nodes. Checked on L3 agent nodes
#   whose sysctl files are in the snapshot.
# custom:
#   id: SL-HOST-008
#   scope: node
#   severity: info
#   inputs: [sysctl]
#   remediation: |
#     Raise net.ipv4.neigh.default.gc_thresh1/2/3 (and the ipv6 ones), for
#     example to 128/28672/32768, in /etc/sysctl.d/ on L3 agent nodes.
package stacklint.rules.host.neighbour_tables

import data.stacklint.lib
import data.stacklint.lib.host

report contains finding if {
	some name, node in input.nodes
	lib.runs(node, "neutron-l3-agent")
	host.has_kind(node, "sysctl")
	not host.sysctl(node, "net.ipv4.neigh.default.gc_thresh3")
	files := sort([f.path | some f in node.files; f.kind == "sysctl"])
	finding := {
		"message": sprintf("L3 agent node %s leaves net.ipv4.neigh.default.gc_thresh3 at the kernel default (1024): router namespaces overflow the neighbour table as ports grow", [name]),
		"locations": [{"path": files[0], "node": name}],
	}
}
