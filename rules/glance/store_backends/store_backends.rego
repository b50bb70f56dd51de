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
#   is set.
# custom:
#   id: SL-GLN-002
#   severity: error
#   inputs: [glance-api.conf]
#   remediation: |
#     Make [glance_store] default_backend one of the names in
#     enabled_backends, and give each backend its section (for a file
#     backend, [fs] filesystem_store_datadir = /var/lib/glance/images/).
package stacklint.rules.glance.store_backends

import data.stacklint.lib

# _backends maps each backend name of enabled_backends to its type.
_backends(f) := {trim_space(p[0]): trim_space(p[1]) |
	some item in lib.items(lib.last(f, "DEFAULT", "enabled_backends").value)
	p := split(item, ":")
	count(p) == 2
}

_problem(f) := [sprintf("[glance_store] default_backend is not set, but enabled_backends is %s", [lib.last(f, "DEFAULT", "enabled_backends").value]), "DEFAULT", "enabled_backends"] if {
	not lib.has(f, "glance_store", "default_backend")
}

_problem(f) := [sprintf("[glance_store] default_backend '%s' is not one of enabled_backends (%s)", [v, concat(", ", sort(object.keys(_backends(f))))]), "glance_store", "default_backend"] if {
	v := lib.last(f, "glance_store", "default_backend").value
	not _backends(f)[v]
}

_problem(f) := [sprintf("file backend '%s' has no [%s] filesystem_store_datadir, so [glance_store] filesystem_store_datadir = %s is ignored and images go to /var/lib/glance/images/", [name, name, dir]), "glance_store", "filesystem_store_datadir"] if {
	some name, type in _backends(f)
	type == "file"
	not lib.has(f, name, "filesystem_store_datadir")
	not lib.has(f, name, "filesystem_store_datadirs")
	dir := lib.last(f, "glance_store", "filesystem_store_datadir").value
	trim_right(dir, "/") != "/var/lib/glance/images"
}

report contains finding if {
	some [_, f] in lib.files("glance-api.conf")
	lib.has(f, "DEFAULT", "enabled_backends")
	[problem, section, key] := _problem(f)
	finding := {
		"message": sprintf("glance-api.conf on %s: %s", [f.node, problem]),
		"locations": [lib.loc(f, section, key, lib.last(f, section, key))],
	}
}
