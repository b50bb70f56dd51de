# METADATA
# title: Host name does not resolve, or reaches a node without the service
# description: |
#   The host of every URL and host option (transport_url, connection,
#   auth URLs, nova_metadata_host, memcached_servers, api_servers,
#   rabbit_host, ...) is resolved through the referring node's own
#   /etc/hosts. A name it does not know, while the deployment does rely on
#   /etc/hosts for it (another node resolves it, or it is one typo away
#   from a known name such as controler for controller), cannot be reached.
#   Names no node knows are left alone: they may be in DNS. Keystone and
#   glance references that resolve to a node of the snapshot that runs no
#   keystone or glance-api (while another node does) reach the wrong host.
# custom:
#   id: SL-EP-004
#   scope: aggregate
#   severity: error
#   inputs: [config]
#   remediation: |
#     Fix the host name, or add it to the node's /etc/hosts, so that it
#     reaches the node that runs the service.
package stacklint.rules.endpoints.unresolved_host

import data.stacklint.lib
import data.stacklint.lib.keystone as ks

# aggregate: each node's names it cannot resolve ({"unresolved": {where,
# loc, node, h: the host fact's host and near}}), its references that
# must reach a node running keystone or glance-api ({"ref": {reaches,
# host, where, loc, ...}, "service"}), those of the two services it runs
# ({"runs": [node, service]}) and its name ({"node"}); the reports judge
# the references against the nodes' services.
aggregate contains {"unresolved": {"where": where, "loc": loc, "node": node, "h": object.filter(h, ["host", "near"])}} if {
	some [where, loc, node, h] in _unresolved
}

aggregate contains r if some r in _my_refs

aggregate contains {"runs": [name, service]} if {
	some name, node in input.nodes
	some service in node.services
	service in {"keystone", "glance-api"}
}

aggregate contains {"node": name} if some name, _ in input.nodes

# _unresolved: [where, loc, node, host fact] for every host a value names
# that the referring node's /etc/hosts does not resolve.
_unresolved contains [lib.where(f, section, key), lib.loc(f, section, key, occ), f.node, h] if {
	some [f, section, key, occ] in lib.flagged("unresolved")
	some h in array.concat(object.get(occ, ["url", "hosts"], []), object.get(occ, "host_refs", []))
	count(h.resolved) == 0
}

_unresolved contains [sprintf("%s %s", [rc.path, name]), lib.rc_loc(rc, name), rc.node, h] if {
	some rc in input.rc
	some name, v in rc.vars
	some h in v.url.hosts
	count(h.resolved) == 0
}

_known_elsewhere(host) if {
	some table in input.hosts
	table[lower(host)]
}

report contains finding if {
	some r in aggregate
	u := r.unresolved
	hint := _hint(u.h)
	finding := {
		"message": sprintf("%s names host '%s', which %s's /etc/hosts does not resolve%s: the service cannot connect", [u.where, u.h.host, u.node, hint]),
		"locations": [u.loc],
	}
}

_hint(h) := sprintf(" (did you mean '%s'?)", [h.near]) if h.near

else := " (other nodes' /etc/hosts do)" if _known_elsewhere(h.host)

# _my_refs: {ref: {reaches, host, where, loc}, service} for references
# that must reach a node running the service: Keystone URLs (ks.records),
# and nova's glance api_servers.
_my_refs contains {"ref": r, "service": "keystone"} if some r in ks.records

_my_refs contains {"ref": r, "service": "glance-api"} if {
	some [f, section, key, occ] in lib.keyed(["api_servers"])
	f.kind in {"nova.conf", "nova-compute.conf", "nova-cpu.conf"}
	section == "glance"
	some h in occ.host_refs
	r := {"reaches": lib.ident(h), "host": h.host, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

# The fleet's view, from the records.
_runs := {r.runs | some r in aggregate; r.runs}

_deployed := {service | some [_, service] in _runs}

_nodes := {r.node | some r in aggregate; r.node}

report contains finding if {
	some x in aggregate
	r := x.ref
	service := x.service
	service in _deployed
	not [r.reaches, service] in _runs
	r.reaches in _nodes
	finding := {
		"message": sprintf("%s names '%s', which reaches %s, where no %s runs", [r.where, r.host, r.reaches, service]),
		"locations": [r.loc],
	}
}
