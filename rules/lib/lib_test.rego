package stacklint.lib_test

import data.stacklint.fixtures as fx
import data.stacklint.lib

# A process loads RDO's dist file, its own file, then its config-dir files
# in path order: the last of them that sets an option wins (issue 16).
_node(files) := fx.node("n", [], files)

test_effective_layers if {
	node := _node([
		fx.file("n", "nova-dist.conf", "usr/share/nova/nova-dist.conf", {"DEFAULT": {"debug": "false", "state_path": "/var/lib/nova"}}),
		fx.file("n", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"debug": "true"}}),
		fx.file("n", "nova.conf.d", "etc/nova/nova.conf.d/10-a.conf", {"DEFAULT": {"debug": "yes"}}),
		fx.file("n", "nova.conf.d", "etc/nova/nova.conf.d/20-b.conf", {"DEFAULT": {"debug": "no"}}),
	])
	[f, occ] := lib.effective(node, ["nova.conf"], "DEFAULT", "debug")
	f.path == "n/etc/nova/nova.conf.d/20-b.conf"
	occ.value == "no"
	[g, _] := lib.effective(node, ["nova.conf"], "DEFAULT", "state_path")
	g.kind == "nova-dist.conf"
}

test_effective_main_file_over_dist if {
	node := _node([
		fx.file("n", "nova-dist.conf", "usr/share/nova/nova-dist.conf", {"DEFAULT": {"debug": "false"}}),
		fx.file("n", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"debug": "true"}}),
	])
	[_, occ] := lib.effective(node, ["nova.conf"], "DEFAULT", "debug")
	occ.value == "true"
}
