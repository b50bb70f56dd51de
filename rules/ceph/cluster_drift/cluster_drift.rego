# METADATA
# title: Nodes disagree on their Ceph cluster
# description: |
#   Every Ceph client of the deployment (nova-compute, cinder-volume,
#   glance-api) finds the cluster through its ceph.conf: [global] fsid
#   names the cluster and mon_host ("mon host", "mon-host": one option)
#   lists its monitors. A node whose copy of the same file (the same path
#   as its clients see it, /etc/ceph/ceph.conf, in a kolla container too) names another fsid or other
#   monitors talks to another cluster, or to none: its volumes, images or
#   disks are not the ones the others see. Monitors are compared as the
#   set of hosts they name (order, ports and v1:/v2: prefixes aside). The
#   nodes are peers (the monitors' own configuration is not in a
#   snapshot): each differing node is compared with the value most of
#   them hold, and the message says so.
# custom:
#   id: SL-CEPH-001
#   scope: aggregate
#   severity: error
#   inputs: [ceph.conf]
#   remediation: |
#     Copy the cluster's ceph.conf (ceph config generate-minimal-conf) to
#     every node, so that fsid and mon_host are the same everywhere.
package stacklint.rules.ceph.cluster_drift

import data.stacklint.lib
import data.stacklint.lib.ceph

_keys := ["fsid", "mon_host"]

# aggregate: each node's value of each option per Ceph configuration
# path as its clients see it ({"copy": [path, key, {v, shown,
# where, loc}]}); the report compares the copies of each.
aggregate contains {"copy": [rel, key, c]} if {
	some _, node in input.nodes
	some [rel, f] in ceph.confs(node)
	some key in _keys
	s := f.ceph.global[key]
	c := {"v": _norm(key, s.value), "shown": s.value, "where": ceph.where(f, "global", key), "loc": ceph.loc(f, "global", key)}
}

_norm("mon_host", v) := concat(",", ceph.monitors(v))

_norm("fsid", v) := lower(trim_space(v))

_groups := {[rel, key] | some r in aggregate; [rel, key, _] := r.copy}

report contains finding if {
	some [rel, key] in _groups
	copies := {r.copy[2] | some r in aggregate; r.copy[0] == rel; r.copy[1] == key}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %s, but %s is %s (the nodes' Ceph clients are peers: %s): %s", [c.where, c.shown, r.where, r.shown, lib.compared(copies, r.v), _consequence[key]]),
		"locations": [c.loc, r.loc],
	}
}

_consequence := {
	"fsid": "this node's clients check the monitors against another cluster's id and do not connect",
	"mon_host": "this node's clients reach other monitors than the rest of the deployment, another cluster or none",
}
