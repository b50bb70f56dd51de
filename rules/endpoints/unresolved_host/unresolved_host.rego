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
#   remediation: |
#     Fix the host name, or add it to the node's /etc/hosts, so that it
#     reaches the node that runs the service.
package stacklint.rules.endpoints.unresolved_host

import data.stacklint.lib
import data.stacklint.lib.keystone as ks

# _refs: [where, loc, node, host fact] for every host named by a value.
_refs contains [lib.where(f, section, key), lib.loc(f, section, key, occ), f.node, h] if {
	some [f, section, key, occ] in lib.occurrences
	some h in array.concat(object.get(occ, ["url", "hosts"], []), object.get(occ, "host_refs", []))
}

_refs contains [sprintf("%s %s", [rc.path, name]), lib.rc_loc(rc, name), rc.node, h] if {
	some rc in input.rc
	some name, v in rc.vars
	some h in v.url.hosts
}

_known_elsewhere(host) if {
	some table in input.hosts
	table[lower(host)]
}

report contains finding if {
	some [where, loc, node, h] in _refs
	count(h.resolved) == 0
	hint := _hint(h)
	finding := {
		"message": sprintf("%s names host '%s', which %s's /etc/hosts does not resolve%s: the service cannot connect", [where, h.host, node, hint]),
		"locations": [loc],
	}
}

_hint(h) := sprintf(" (did you mean '%s'?)", [h.near]) if h.near

else := " (other nodes' /etc/hosts do)" if _known_elsewhere(h.host)

_service_checks := [
	["keystone", [r | some r in ks.refs]],
	["glance-api", [r |
		some [f, section, key, occ] in lib.occurrences
		f.kind in {"nova.conf", "nova-compute.conf"}
		section == "glance"
		key == "api_servers"
		some h in occ.host_refs
		r := {"where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ), "host": h}
	]],
]

report contains finding if {
	some [service, refs] in _service_checks
	some node in input.nodes
	lib.runs(node, service)
	some r in refs
	target := lib.ident(r.host)
	input.nodes[target]
	not lib.runs(input.nodes[target], service)
	finding := {
		"message": sprintf("%s names '%s', which reaches %s, where no %s runs", [r.where, r.host.host, target, service]),
		"locations": [r.loc],
	}
}
