# METADATA
# title: plugin.ini and ml2_conf.ini disagree
# description: |
#   RDO's neutron-server unit reads /etc/neutron/plugin.ini, which the
#   install guide makes a symbolic link to plugins/ml2/ml2_conf.ini.
#   When plugin.ini is a separate file (a copy, or a link to another
#   file), edits to ml2_conf.ini never reach neutron-server, while every
#   operator and tool reads ml2_conf.ini.
# custom:
#   id: SL-NET-015
#   scope: node
#   severity: warning
#   inputs: [plugin.ini]
#   remediation: |
#     Replace plugin.ini with the link: ln -sf plugins/ml2/ml2_conf.ini
#     /etc/neutron/plugin.ini, after merging any setting only plugin.ini
#     has into ml2_conf.ini.
package stacklint.rules.network.plugin_ini

import data.stacklint.lib

_value(f, s, k) := lib.last(f, s, k).value if true

else := "(unset)"

report contains finding if {
	some [name, p] in lib.files("plugin.ini")
	some [name2, m] in lib.files("ml2_conf.ini")
	name == name2
	differ := sort({sprintf("[%s] %s", [s, k]) |
		some f in [p, m]
		some s, keys in f.sections
		some k, _ in keys
		_value(p, s, k) != _value(m, s, k)
	})
	count(differ) > 0
	finding := {
		"message": sprintf("plugin.ini on %s differs from ml2_conf.ini in %s: neutron-server (RDO) reads plugin.ini, everyone else reads ml2_conf.ini", [name, concat(", ", differ)]),
		"locations": [{"path": p.path, "node": name}, {"path": m.path, "node": name}],
	}
}
