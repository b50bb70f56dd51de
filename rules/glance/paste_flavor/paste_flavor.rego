# METADATA
# title: glance-api does not validate tokens
# description: |
#   glance-api picks its paste pipeline from [paste_deploy] flavor. Only
#   flavor = keystone (or keystone+cachemanagement and the like) puts the
#   authtoken filter in front of the API; without it glance runs the
#   default pipeline with unauthenticated-context, and any request is
#   served as the identity it claims. The same holds for glance-registry
#   (Icehouse..Train) and its glance-registry.conf on a node that runs it.
#   Unset, the option has its release's default, none.
# custom:
#   id: SL-GLN-001
#   scope: node
#   severity: error
#   inputs: [glance-api.conf, glance-registry.conf]
#   defaults:
#     - [glance-api.conf, paste_deploy, flavor]
#   remediation: |
#     Set [paste_deploy] flavor = keystone in glance-api.conf (and
#     glance-registry.conf) and restart glance-api (and glance-registry).
package stacklint.rules.glance.paste_flavor

import data.stacklint.lib
import data.stacklint.lib.settings

# _flavors contains [process, setting] for glance-api wherever its file is,
# and for glance-registry where the node runs it (a registry file left
# from an upgrade starts nothing). glance-registry.conf's default is
# glance-api.conf's: both register glance.common.config's options.
_flavors contains ["glance-api", s] if {
	some [name, _] in lib.files("glance-api.conf")
	s := lib.setting(input.nodes[name], ["glance-api.conf"], "paste_deploy", "flavor")
}

_flavors contains ["glance-registry", s] if {
	some [name, _] in lib.files("glance-registry.conf")
	lib.runs(input.nodes[name], "glance-registry")
	s := settings.setting_like(input.nodes[name], ["glance-registry.conf"], "paste_deploy", "flavor", "glance-api.conf")
}

report contains finding if {
	some [proc, s] in _flavors
	s.written
	not startswith(s.value, "keystone")
	finding := {
		"message": sprintf("%s is '%s': %s runs without token validation", [lib.where(s.file, "paste_deploy", "flavor"), s.value, proc]),
		"locations": [settings.at(s, "paste_deploy", "flavor")],
	}
}

report contains finding if {
	some [proc, s] in _flavors
	not s.written
	not startswith(s.value, "keystone")
	finding := {
		"message": sprintf("%s: %s runs without token validation", [settings.unset(s, "paste_deploy", "flavor"), proc]),
		"locations": [settings.at(s, "paste_deploy", "flavor")],
	}
}
