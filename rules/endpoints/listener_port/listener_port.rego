# METADATA
# title: URL port is not the port the target service listens on
# description: |
#   Clients name a port in their URLs; the service on the target node
#   listens on the port its own config sets: glance-api bind_port (9292),
#   neutron-server bind_port (9696), nova's metadata_listen_port (8775) and
#   [vnc] novncproxy_port (6080). A URL whose port differs (a typo, or a
#   port changed on one side) reaches nothing: image downloads, port
#   operations, metadata or consoles fail with "connection refused".
#   Checked when the target node's own config is in the snapshot.
# custom:
#   id: SL-EP-003
#   severity: error
#   inputs: [config]
#   remediation: |
#     Use the port the service listens on in the URL, or change the
#     listener back to the port its clients use.
package stacklint.rules.endpoints.listener_port

import data.stacklint.lib

# _refs: [client kind, section, key, target service, target kind,
# listener section, listener key, default port].
_refs := [
	["nova.conf", "glance", "api_servers", "glance-api", "glance-api.conf", "DEFAULT", "bind_port", 9292],
	["nova.conf", "neutron", "url", "neutron-server", "neutron.conf", "DEFAULT", "bind_port", 9696],
	["nova.conf", "vnc", "novncproxy_base_url", "nova-api", "nova.conf", "vnc", "novncproxy_port", 6080],
]

_port(f, section, key, dflt) := to_number(lib.last(f, section, key).value) if lib.has(f, section, key)

else := dflt

_target_file(node, kind) := f if {
	some f in node.files
	f.kind == kind
	not f.error
}

report contains finding if {
	some [ckind, csec, ckey, service, tkind, lsec, lkey, dflt] in _refs
	some [f, sec, key, occ] in lib.keyed([ckey])
	sec == csec
	f.kind in {ckind, "nova-compute.conf"}
	some h in occ.url.hosts
	target := lib.ident(h)
	node := input.nodes[target]
	lib.runs(node, service)
	tf := _target_file(node, tkind)
	listen := _port(tf, lsec, lkey, dflt)
	h.port != listen
	finding := {
		"message": sprintf("%s reaches %s on port %d, but %s there listens on %d (%s): the connection is refused", [lib.where(f, csec, ckey), target, h.port, service, listen, lib.where(tf, lsec, lkey)]),
		"locations": [lib.loc(f, csec, ckey, occ)],
	}
}

report contains finding if {
	some [f, "DEFAULT", key, occ] in lib.keyed(["nova_metadata_host", "nova_metadata_ip"])
	f.kind == "metadata_agent.ini"
	some h in occ.host_refs
	target := lib.ident(h)
	node := input.nodes[target]
	tf := _target_file(node, "nova.conf")
	lib.runs(node, "nova-api")
	port := _port(f, "DEFAULT", "nova_metadata_port", 8775)
	listen := _port(tf, "DEFAULT", "metadata_listen_port", 8775)
	port != listen
	finding := {
		"message": sprintf("%s and nova_metadata_port reach %s on port %d, but nova's metadata API there listens on %d (%s): instances get no metadata", [lib.where(f, "DEFAULT", key), target, port, listen, lib.where(tf, "DEFAULT", "metadata_listen_port")]),
		"locations": [lib.loc(f, "DEFAULT", key, occ)],
	}
}
