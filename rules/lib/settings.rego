# METADATA
# description: |
#   Words and places for lib.setting's answers: a rule that judges the
#   value in effect names a written value where it is written, and an
#   unset one as its release's default, at the section where it belongs.
package stacklint.lib.settings

import data.stacklint.lib

# at is the location of a setting: its occurrence when written, else where
# the option belongs in the first file of its kinds (lib.unset_loc).
at(s, section, key) := lib.loc(s.file, section, key, s.occ) if s.written

else := lib.unset_loc(s.file, section, key)

# shown is a default as messages show it: "(none)" for an empty one.
shown(v) := "(none)" if v == ""

else := v

# unset names an unset option and its default, as SL-NOVA-004 does:
# "nova.conf [vnc] enabled on c1 is not set: its default in zed, false".
unset(s, section, key) := sprintf("%s is not set: its default in %s, %s", [lib.where(s.file, section, key), s.release, shown(s.value)])

# is_true is true when the value in effect is a true BoolOpt value.
is_true(s) if lower(trim_space(s.value)) in {"true", "1", "yes", "on"}

# setting_like is lib.setting for a file kind the option schemas lack
# (glance-registry.conf, which carries no release of its own): when no
# file of kinds sets the option, the default is the one kind `like` has in
# the release a file of that kind on the node is checked against, for a
# service that registers the same option (glance-api and glance-registry
# both register glance.common.config's [paste_deploy] options). The rule
# lists [like, section, key] in custom.defaults. Undefined without a file
# of kinds, or of kind like, on the node.
setting_like(node, kinds, section, key, like) := s if {
	s := lib.setting(node, kinds, section, key)
	s.written
} else := {"written": false, "file": f, "value": d.text, "host": d.host, "release": rel} if {
	f := lib.first_of(node, kinds)
	rel := lib.first_of(node, [like]).release.name
	d := input.defaults[rel][like][section][key]
}
