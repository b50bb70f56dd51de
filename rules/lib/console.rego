# METADATA
# description: |
#   Whether a compute node serves VNC consoles, read from the nova files
#   nova-compute loads (nova.conf, then nova-compute.conf).
package stacklint.lib.console

import data.stacklint.lib
import data.stacklint.lib.settings

# kinds are the files nova-compute reads, in --config-file order
# (devstack's n-cpu reads nova-cpu.conf, a copy of nova.conf with the
# compute settings: read last, it wins where it sets an option).
kinds := ["nova.conf", "nova-compute.conf", "nova-cpu.conf"]

# enabled is the setting of VNC's switch in effect for the node's nova
# files: [vnc] enabled where written, else its Icehouse..Kilo name [DEFAULT]
# vnc_enabled where written, else [vnc] enabled's default in the release of
# the node's first nova file (true in every release: a rule that reads it
# lists [nova.conf, vnc, enabled] in custom.defaults), else {"written":
# false, "value": null} when the defaults lack it.
enabled(node) := s if {
	s := lib.setting(node, kinds, "vnc", "enabled")
	s.written
} else := s if {
	s := lib.setting(node, kinds, "DEFAULT", "vnc_enabled") # Icehouse..Kilo
	s.written
} else := s if {
	s := lib.setting(node, kinds, "vnc", "enabled")
} else := {"written": false, "value": null}

# disabled: VNC is off in effect (written false, or a default of false).
disabled(node) if {
	s := enabled(node)
	s.value != null
	not settings.is_true(s)
}

# configured: the node's nova files set up consoles (a [vnc] option, or
# Icehouse's [DEFAULT] vnc*/novncproxy* ones): a node that says nothing of
# VNC may not serve consoles at all (a nova-network node).
configured(node) if {
	some f in node.files
	f.kind in kinds
	count(object.get(f.sections, "vnc", {})) > 0
}

configured(node) if {
	some f in node.files
	f.kind in kinds
	some key, _ in object.get(f.sections, "DEFAULT", {})
	regex.match(`^(vnc|novncproxy)`, key)
}

# written is true when any of the names of an option (each [section, key])
# is set in the node's nova files.
written(node, names) if {
	some [section, key] in names
	lib.effective(node, kinds, section, key)
}

# remote_compute: a compute node without nova-api whose consoles are on
# (configured, not disabled): the console proxy runs on another node.
remote_compute(node) if {
	"compute" in node.roles
	not "nova-api" in node.services # all-in-one: the console proxy is local
	configured(node)
	not disabled(node)
}
