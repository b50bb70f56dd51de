# METADATA
# description: |
#   Whether a compute node serves VNC consoles, read from the nova files
#   nova-compute loads (nova.conf, then nova-compute.conf).
package stacklint.lib.console

import data.stacklint.lib
import data.stacklint.lib.network as net

# kinds are the files nova-compute reads, in --config-file order
# (devstack's n-cpu reads nova-cpu.conf, a copy of nova.conf with the
# compute settings: read last, it wins where it sets an option).
kinds := ["nova.conf", "nova-compute.conf", "nova-cpu.conf"]

# disabled: VNC is written off ([vnc] enabled, Icehouse..Kilo [DEFAULT]
# vnc_enabled); unset, it is on (true in every release).
disabled(node) if {
	[_, occ] := lib.effective(node, kinds, "vnc", "enabled")
	not net.bool(occ.value)
}

disabled(node) if {
	[_, occ] := lib.effective(node, kinds, "DEFAULT", "vnc_enabled") # Icehouse..Kilo
	not net.bool(occ.value)
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
