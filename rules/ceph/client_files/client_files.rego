# METADATA
# title: A Ceph client's configuration or keyring is missing on its node
# description: |
#   nova-compute with instance disks in Ceph ([libvirt] images_type = rbd,
#   rbd_user, images_rbd_ceph_conf), cinder-volume's RBD backends
#   (rbd_user, rbd_ceph_conf), cinder-backup's Ceph driver
#   (backup_ceph_user, backup_ceph_conf) and glance-api's rbd store
#   ([glance_store] rbd_store_user, rbd_store_ceph_conf) connect to Ceph
#   through librados on their own node: it reads the Ceph configuration
#   the option names (unset: /etc/ceph/ceph.conf) and the key of
#   client.<user> from a keyring (/etc/ceph/<cluster>.client.<user>.keyring
#   by default). Without them the service cannot reach the cluster
#   ("error connecting to the cluster", "permission denied"). Judged only
#   on nodes whose snapshot holds Ceph files: the configuration when the
#   node holds some, the keyring when the node holds some keyring or is
#   no sos report (sos reports leave keyrings out) and its ceph.conf names no keyring of its
#   own; any keyring of /etc/ceph with a [client.<user>] key counts (in a
#   kolla-ansible container, one its own config.json lands).
# custom:
#   id: SL-CEPH-002
#   scope: node
#   severity: error
#   inputs: [ceph.conf, ceph-keyring]
#   remediation: |
#     Copy the cluster's ceph.conf and the client's keyring
#     (ceph auth get client.<user> -o /etc/ceph/ceph.client.<user>.keyring)
#     to the node, readable by the service's user, or correct the option.
package stacklint.rules.ceph.client_files

import data.stacklint.lib
import data.stacklint.lib.ceph

# _clients are the Ceph clients of a node: {service, user: [file, section,
# key, occurrence] or null, conf: [file, section, key, occurrence] or
# null, path (the configuration in use)}.
_clients(node) := {c |
	some src in _sources(node)
	c := object.union(src, {"path": _conf_path(src.conf)})
}

_sources(node) := {{"service": "nova-compute", "user": _opt(node, lib.compute_kinds, "libvirt", "rbd_user"), "conf": _opt(node, lib.compute_kinds, "libvirt", "images_rbd_ceph_conf")} | ceph.rbd_compute(node)} | {s |
	some [backend, _, _] in ceph.rbd_backends(node)
	lib.runs(node, "cinder-volume")
	s := {"service": "cinder-volume", "user": _opt(node, ceph.cinder_kinds, backend, "rbd_user"), "conf": _opt(node, ceph.cinder_kinds, backend, "rbd_ceph_conf")}
} | {{"service": "cinder-backup", "user": _opt(node, ceph.cinder_kinds, "DEFAULT", "backup_ceph_user"), "conf": _opt(node, ceph.cinder_kinds, "DEFAULT", "backup_ceph_conf")} |
	lib.runs(node, "cinder-backup")
	[_, d] := lib.effective(node, ceph.cinder_kinds, "DEFAULT", "backup_driver")
	contains(d.value, ".ceph")
} | {{"service": "glance-api", "user": _opt(node, ["glance-api.conf"], "glance_store", "rbd_store_user"), "conf": _opt(node, ["glance-api.conf"], "glance_store", "rbd_store_ceph_conf")} | ceph.glance_rbd(node)}

# _client_file is the file holding the client's Ceph options.
_client_file(c) := c.conf[0] if c.conf != null

else := c.user[0] if c.user != null

else := {}

_opt(node, kinds, section, key) := [f, section, key, occ] if {
	[f, occ] := lib.effective(node, kinds, section, key)
	trim_space(occ.value) != ""
} else := null

_conf_path(null) := "/etc/ceph/ceph.conf"

_conf_path(conf) := trim_space(conf[3].value) if conf != null

# The configuration the client reads is not on the node.
report contains finding if {
	some name, node in input.nodes
	count(ceph.ceph_files(node)) > 0
	some c in _clients(node)
	not ceph.conf_at_for(node, c.path, _client_file(c))
	finding := _conf_finding(name, c)
}

_conf_finding(name, c) := {
	"message": sprintf("%s names %s, which is not on %s (its Ceph files: %s): %s cannot reach the cluster", [lib.where(f, section, key), c.path, name, _listing(input.nodes[name]), c.service]),
	"locations": [lib.loc(f, section, key, occ)],
} if {
	[f, section, key, occ] := c.conf
} else := {
	"message": sprintf("%s uses /etc/ceph/ceph.conf (the default), which is not on %s (its Ceph files: %s): %s cannot reach the cluster", [c.service, name, _listing(input.nodes[name]), c.service]),
	"locations": [_anchor(c)],
}

_anchor(c) := lib.loc(f, section, key, occ) if [f, section, key, occ] := c.user

# The client's user has no key in the node's keyrings.
report contains finding if {
	some name, node in input.nodes
	_keyrings_known(node)
	some c in _clients(node)
	[f, section, key, occ] := c.user
	entity := sprintf("client.%s", [trim_space(occ.value)])
	not entity in ceph.keyring_entities_for(node, f)
	not _own_keyring(node, c.path)
	finding := {
		"message": sprintf("%s is %s, but no keyring on %s holds a key for %s (keyrings there: %s): %s cannot authenticate to Ceph", [lib.where(f, section, key), occ.value, name, entity, _keyrings(node), c.service]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

# _keyrings_known: the node's /etc/ceph is in the snapshot (some Ceph
# file), and its keyrings are there when it holds one or is no sos report
# (sos leaves keyrings out).
_keyrings_known(node) if count(lib.files_of(node, "ceph-keyring")) > 0

_keyrings_known(node) if {
	object.get(node, "layout", "") != "sos-report"
	count(ceph.ceph_files(node)) > 0
}

# _own_keyring: the configuration names a keyring itself (its place may
# be outside the snapshot's /etc/ceph).
_own_keyring(node, p) if {
	conf := ceph.conf_at(node, p)
	some _, settings in conf.ceph
	settings.keyring
}

_listing(node) := concat(", ", sort([_base(f.path) | some f in ceph.ceph_files(node)]))

_keyrings(node) := concat(", ", sort([_base(f.path) | some f in lib.files_of(node, "ceph-keyring")])) if count(lib.files_of(node, "ceph-keyring")) > 0

else := "none"

_base(p) := parts[count(parts) - 1] if parts := split(p, "/")
