# METADATA
# description: |
#   Cinder's volume backends and the Ceph clients of a node, for the
#   cinder and Ceph rules: the backends cinder.conf [DEFAULT]
#   enabled_backends names (each a section of cinder's files), the RBD
#   ones among them, the cephx users nova, cinder and glance connect as,
#   the Ceph configuration files they name, and the keyrings the node
#   holds (nodes.<n>.files[i].ceph: names normalised, keys as
#   fingerprints only).
package stacklint.lib.ceph

import data.stacklint.lib

# cinder_kinds are cinder's files, in load order (lib.layers adds RDO's
# cinder-dist.conf before and cinder.conf.d after).
cinder_kinds := ["cinder.conf"]

# backends is [file, occurrence, names] of the node's [DEFAULT]
# enabled_backends in effect (undefined when unset or empty).
backends(node) := [f, occ, names] if {
	[f, occ] := lib.effective(node, cinder_kinds, "DEFAULT", "enabled_backends")
	names := lib.items(occ.value)
	count(names) > 0
}

# backend_setting is [file, occurrence] of a backend section's option in
# effect on the node.
backend_setting(node, name, key) := lib.effective(node, cinder_kinds, name, key)

# rbd_driver: a volume_driver value naming cinder's RBD driver.
rbd_driver(v) if endswith(trim_space(v), ".rbd.RBDDriver")

# rbd_backends are [backend name, file, volume_driver occurrence] of the
# node's enabled backends driven by RBD.
rbd_backends(node) := [[name, f, occ] |
	[_, _, names] := backends(node)
	some name in names
	[f, occ] := backend_setting(node, name, "volume_driver")
	rbd_driver(occ.value)
]

# rbd_computes: the node runs nova-compute with instance disks in Ceph.
rbd_compute(node) if {
	lib.runs(node, "nova-compute")
	[_, occ] := lib.effective(node, lib.compute_kinds, "libvirt", "images_type")
	lower(trim_space(occ.value)) == "rbd"
}

# glance_rbd: glance-api on the node stores images in Ceph (rbd in
# [glance_store] stores, or default_store = rbd).
glance_rbd(node) if {
	lib.runs(node, "glance-api")
	some key in ["stores", "default_store"]
	[_, occ] := lib.effective(node, ["glance-api.conf"], "glance_store", key)
	"rbd" in lib.items(lower(occ.value))
}

# ceph_files: the node's Ceph files (ceph.conf and keyrings), readable.
ceph_files(node) := [f | some kind in ["ceph.conf", "ceph-keyring"]; some f in lib.files_of(node, kind); not f.error]

# keyring_entities is the set of cephx entities ("client.cinder") a
# keyring of the node holds a key for.
keyring_entities(node) := {entity |
	some f in lib.files_of(node, "ceph-keyring")
	not f.error
	some entity, settings in f.ceph
	settings.key
}

# seen_path is where a Ceph file sits for the services that read it:
# where kolla's config.json lands it in its container (dest), else its
# path below the node ("/etc/ceph/ceph.conf"), whatever the node's folder
# is called (PATH/etc, a sos report, a TripleO service folder).
seen_path(rel, f) := f.dest if f.dest

else := concat("", ["/", rel])

# confs are [path as seen, file] of the node's readable Ceph
# configurations.
confs(node) := [[seen_path(rel, f), f] |
	some rel, f in node.files
	f.kind == "ceph.conf"
	not f.error
]

# keyring_entities_for is keyring_entities as the client whose setting is
# in file f sees them: in a kolla-ansible container (f.container, and the
# node's keyrings are in container folders) only the keyrings its own
# config.json lands; else every keyring of the node.
keyring_entities_for(node, f) := {entity |
	some k in lib.files_of(node, "ceph-keyring")
	not k.error
	object.get(k, "container", "") == f.container
	some entity, settings in k.ceph
	settings.key
} if {
	f.container
	some k in lib.files_of(node, "ceph-keyring")
	k.container
} else := keyring_entities(node)

# conf_at is the node's Ceph configuration at an absolute path
# ("/etc/ceph/ceph.conf"); undefined when the snapshot has none there.
conf_at(node, p) := [f | some [seen, f] in confs(node); seen == p][0]

# conf_at_for is conf_at as the client whose setting is in file f sees
# it: in a kolla-ansible container (f.container, and the node's Ceph
# configurations are in container folders) only its own container's.
conf_at_for(node, p, f) := cs[0] if {
	_in_containers(node, f)
	cs := [c |
		some [seen, c] in confs(node)
		seen == p
		object.get(c, "container", "") == f.container
	]
	count(cs) > 0
}

conf_at_for(node, p, f) := conf_at(node, p) if not _in_containers(node, f)

_in_containers(node, f) if {
	f.container
	some [_, c] in confs(node)
	c.container
}

# loc is the location of a Ceph setting of file f.
loc(f, section, name) := {
	"path": f.path, "node": f.node, "line": f.ceph[section][name].line, "column": 1,
	"section": section, "key": name,
}

# where names a Ceph setting in messages: "ceph.conf [global] mon_host on c1".
where(f, section, name) := sprintf("%s [%s] %s on %s", [_base(f.path), section, name, f.node])

_base(p) := parts[count(parts) - 1] if parts := split(p, "/")

# monitors is a mon_host value as a sorted, de-duplicated list of its
# addresses: "[v2:10.0.0.1:3300,v1:10.0.0.1:6789] 10.0.0.2" and
# "10.0.0.1, 10.0.0.2" list the hosts they reach (ports and protocol
# prefixes kept apart from the host are dropped).
monitors(v) := sorted if {
	words := [w | some w in regex.split(`[\s,;\[\]]+`, v); w != ""]
	sorted := sort({h | some w in words; h := _mon_host(w); h != ""})
}

# _mon_host drops a v1:/v2: prefix, a port and a nonce; an IPv6 address
# (more than one colon) is kept whole.
_mon_host(w) := rest if {
	rest := regex.replace(w, `^v[12]:`, "")
	count(indexof_n(rest, ":")) > 1
} else := regex.replace(regex.replace(w, `^v[12]:`, ""), `(:\d*)?(/\d+)?$`, "")
