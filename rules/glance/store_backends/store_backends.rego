# METADATA
# title: glance store backends do not fit together
# description: |
#   With multiple stores, glance-api.conf [DEFAULT] enabled_backends lists
#   name:type pairs and [glance_store] default_backend must name one of
#   them; each file backend reads its directory from its own section
#   ([fs] filesystem_store_datadir). glance-api refuses to start when
#   default_backend is missing or unknown, and a file backend without that
#   section stores images in /var/lib/glance/images/ whatever [glance_store]
#   filesystem_store_datadir says. Legacy
#   [glance_store] stores / default_store are ignored once enabled_backends
#   is set; without it, default_store (default file) must be a scheme of
#   one of the stores (default file, http), or glance-api stops at start
#   ("Store for scheme file not found"). Values are those in effect
#   across glance-api's files (glance-api-dist.conf, glance-api.conf,
#   glance-api.conf.d); an unset option has its release's default.
# custom:
#   id: SL-GLN-002
#   scope: node
#   severity: error
#   inputs: [glance-api.conf]
#   defaults:
#     - [glance-api.conf, glance_store, default_backend]
#     - [glance-api.conf, glance_store, default_store]
#     - [glance-api.conf, glance_store, stores]
#   remediation: |
#     Make [glance_store] default_backend one of the names in
#     enabled_backends, and give each backend its section (for a file
#     backend, [fs] filesystem_store_datadir = /var/lib/glance/images/).
#     With a single store, list the default_store's store in stores.
package stacklint.rules.glance.store_backends

import data.stacklint.lib
import data.stacklint.lib.settings

_kinds := ["glance-api.conf"]

# _eff is [file, occurrence] of an option in effect on node.
_eff(node, section, key) := lib.effective(node, _kinds, section, key)

# _backends maps each backend name of enabled_backends to its type.
_backends(node) := {trim_space(p[0]): trim_space(p[1]) |
	some item in lib.items(_eff(node, "DEFAULT", "enabled_backends")[1].value)
	p := split(item, ":")
	count(p) == 2
}

_multi(node) if count(lib.items(_eff(node, "DEFAULT", "enabled_backends")[1].value)) > 0

_enabled(node) := _eff(node, "DEFAULT", "enabled_backends")[1].value

# _problem is [message, location] of the node's store configuration.
_problem(node) := [sprintf("%s, but enabled_backends is %s: glance-api does not start", [settings.unset(s, "glance_store", "default_backend"), _enabled(node)]), settings.at(s, "glance_store", "default_backend")] if {
	_multi(node)
	s := lib.setting(node, _kinds, "glance_store", "default_backend")
	not s.written
}

_problem(node) := [sprintf("glance-api.conf on %s: [glance_store] default_backend '%s' is not one of enabled_backends (%s)", [f.node, occ.value, concat(", ", sort(object.keys(_backends(node))))]), lib.loc(f, "glance_store", "default_backend", occ)] if {
	_multi(node)
	[f, occ] := _eff(node, "glance_store", "default_backend")
	not _backends(node)[occ.value]
}

_problem(node) := [sprintf("glance-api.conf on %s: file backend '%s' has no [%s] filesystem_store_datadir, so [glance_store] filesystem_store_datadir = %s is ignored and images go to /var/lib/glance/images/", [f.node, name, name, occ.value]), lib.loc(f, "glance_store", "filesystem_store_datadir", occ)] if {
	_multi(node)
	some name, type in _backends(node)
	type == "file"
	not _eff(node, name, "filesystem_store_datadir")
	not _eff(node, name, "filesystem_store_datadirs")
	[f, occ] := _eff(node, "glance_store", "filesystem_store_datadir")
	trim_right(occ.value, "/") != "/var/lib/glance/images"
}

_problem(node) := [sprintf("%s, but %s: glance-api does not start (Store for scheme %s not found)", [_said(d, "default_store"), _said(st, "stores"), scheme]), settings.at(d, "glance_store", "default_store")] if {
	not _multi(node)
	not _icehouse(node)
	d := lib.setting(node, _kinds, "glance_store", "default_store")
	st := lib.setting(node, _kinds, "glance_store", "stores")
	scheme := trim_space(d.value)
	drivers := [_driver(x) | some x in lib.items(st.value)]
	count(drivers) == count(lib.items(st.value)) # every store known
	not _served(scheme, drivers)
}

# _said is a setting in a message: where and what it is.
_said(s, key) := sprintf("%s is %s", [lib.where(s.file, "glance_store", key), s.value]) if s.written

else := settings.unset(s, "glance_store", key)

# _icehouse: Icehouse's glance read [DEFAULT] default_store and known_stores.
_icehouse(node) if _eff(node, "DEFAULT", "default_store")

_icehouse(node) if _eff(node, "DEFAULT", "known_stores")

# _driver is the driver a stores item loads (glance_store's entry points,
# short names and the old class paths), undefined for others.
_driver(x) := d if {
	d := trim_space(x)
	d in object.keys(_schemes)
} else := _modules[m[1]] if {
	m := regex.find_all_string_submatch_n(`^glance(?:\.store|_store\._drivers)\.([a-z_]+)\.Store$`, trim_space(x), 1)[0]
}

_modules := {"filesystem": "file", "http": "http", "swift": "swift", "rbd": "rbd", "cinder": "cinder", "vmware_datastore": "vmware", "s3": "s3", "sheepdog": "sheepdog"}

# _schemes are the schemes each driver registers (glance_store's drivers).
_schemes := {
	"file": {"file", "filesystem"}, "http": {"http", "https"}, "rbd": {"rbd"}, "cinder": {"cinder"},
	"swift": {"swift", "swift+http", "swift+https", "swift+config"}, "vmware": {"vsphere"}, "s3": {"s3"},
	"sheepdog": {"sheepdog"},
}

_served(scheme, drivers) if {
	some d in drivers
	scheme in _schemes[d]
}

report contains finding if {
	some [name, _] in lib.files("glance-api.conf")
	[message, at] := _problem(input.nodes[name])
	finding := {"message": message, "locations": [at]}
}
