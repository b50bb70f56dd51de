# METADATA
# title: A node's service config differs from its peers'
# description: |
#   Nodes that run the same services should read the same configuration,
#   apart from what names the node itself. When most compute nodes set an
#   option one way and a few another (or leave it unset), those few were
#   missed by a change or edited by hand: they schedule, migrate or log
#   differently, and the difference shows only when an instance lands
#   there. Nodes are grouped by the services they run; in a group of three
#   or more, an option whose value most share is compared. Left out are
#   options that name the node (host, my_ip, local_ip, listen and proxy
#   client addresses, interface mappings, values that contain the node's
#   own name or address), secrets (SL-PASS rules) and options holding URLs
#   or host names (the endpoint, broker and database rules compare those).
#   A file that differs in more than a third of its group's options is
#   not drift but another role: it is left alone (set the node's roles in
#   .stacklint.yaml to compare it with the right peers).
# custom:
#   id: SL-HYG-013
#   scope: node
#   severity: info
#   inputs: [config]
#   remediation: |
#     Apply the peers' value on the node (or make the difference explicit
#     in the configuration management that renders these files).
package stacklint.rules.hygiene.role_drift

import data.stacklint.lib

_host_keys := {
	"host", "my_ip", "my_block_storage_ip", "local_ip", "server_proxyclient_address",
	"vncserver_proxyclient_address", "server_listen", "vncserver_listen", "bind_host", "bind_ip",
	"novncproxy_host", "live_migration_inbound_addr", "physical_interface_mappings",
	"bridge_mappings", "interface_mappings", "ovn_cms_options", "resource_provider_hypervisors",
}

# _diffs: the model's role_drift entries (computed in Go: the options
# whose value most of a group shares, with the files that differ) that
# this rule reports.
_diffs contains d if {
	some d in input.role_drift
	not d.key in _host_keys
	not endswith(d.key, "_listen")
	not d.secret
	not d.address
	not d.names_node
}

# _files: [node, file key] of each file with reported differences.
_files contains [d.node, d.file] if some d in _diffs

report contains finding if {
	some [node, fk] in _files
	ds := [d | some d in _diffs; d.node == node; d.file == fk]
	count(ds) * 3 <= ds[0].keys
	f := input.nodes[node].files[fk]
	finding := {
		"message": sprintf("%s on %s differs from most of the %d other nodes running %s in %s", [ds[0].kind, node, ds[0].members - 1, replace(ds[0].services, ",", ", "), _listed(ds)]),
		"locations": [_at(f, d.section, d.key) | some d in ds],
	}
}

_listed(ds) := concat(", ", [_one(d) | some d in ds]) if count(ds) <= 3

else := sprintf("%s and %d more", [concat(", ", [_one(d) | some d in array.slice(ds, 0, 3)]), count(ds) - 3])

_one(d) := sprintf("[%s] %s = %s (most: %s)", [d.section, d.key, d.value, d.majority])

_at(f, s, k) := lib.loc(f, s, k, lib.last(f, s, k)) if lib.has(f, s, k)

else := {"path": f.path, "node": f.node, "section": s, "key": k}
