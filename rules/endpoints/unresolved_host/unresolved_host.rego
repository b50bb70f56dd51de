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
#   severity: error
#   inputs: [config]
#   remediation: |
#     Fix the host name, or add it to the node's /etc/hosts, so that it
#     reaches the node that runs the service.
package stacklint.rules.endpoints.unresolved_host

import data.stacklint.lib
import data.stacklint.lib.keystone as ks

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
	some [where, loc, node, h] in _unresolved
	hint := _hint(h)
	finding := {
		"message": sprintf("%s names host '%s', which %s's /etc/hosts does not resolve%s: the service cannot connect", [where, h.host, node, hint]),
		"locations": [loc],
	}
}

_hint(h) := sprintf(" (did you mean '%s'?)", [h.near]) if h.near

else := " (other nodes' /etc/hosts do)" if _known_elsewhere(h.host)

# _service_refs: [service, reference] for references that must reach a
# node running the service: Keystone URLs, and nova's glance api_servers.
_service_refs contains ["keystone", r] if {
	"keystone" in _deployed
	some r in ks.refs
}

_service_refs contains ["glance-api", {"host": h, "src": [f, section, key, occ]}] if {
	"glance-api" in _deployed
	some [f, section, key, occ] in lib.keyed(["api_servers"])
	f.kind in {"nova.conf", "nova-compute.conf", "nova-cpu.conf"}
	section == "glance"
	some h in occ.host_refs
}

_deployed contains service if {
	some node in input.nodes
	some service in node.services
}

report contains finding if {
	some [service, r] in _service_refs
	target := lib.ident(r.host)
	not lib.runs(input.nodes[target], service)
	input.nodes[target]
	finding := {
		"message": sprintf("%s names '%s', which reaches %s, where no %s runs", [ks.where(r), r.host.host, target, service]),
		"locations": [ks.loc(r)],
	}
}
