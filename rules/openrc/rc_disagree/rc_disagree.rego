# METADATA
# title: rc files for one user disagree
# description: |
#   admin-openrc (from the install guide) and keystonerc_admin (from
#   packstack) often both exist for the admin user. When they differ in
#   password, user domain or Keystone, which one an operator sources
#   decides whether a command works, and scripts break after a password
#   change that reached only one file. (Regions are compared with the
#   services' by SL-EP-005.) No rc file is the authority (the password
#   lives in Keystone's database): a differing file is compared with the
#   value most of the user's files hold (the first by path on a tie), and
#   the message says which.
# custom:
#   id: SL-RC-004
#   scope: aggregate
#   severity: warning
#   inputs: [rc]
#   remediation: |
#     Keep one rc file per user, or make every copy agree (and update them
#     together when a password changes).
package stacklint.rules.openrc.rc_disagree

import data.stacklint.lib

# _fields are what one user's rc files must share; the project may differ
# (one rc file per project is normal).
_fields := ["OS_PASSWORD", "OS_USER_DOMAIN_NAME", "OS_USER_DOMAIN_ID", "OS_AUTH_URL"]

_value(rc, "OS_PASSWORD") := rc.vars.OS_PASSWORD.fp

# Keystone URLs compare by what they reach: the pre-Queens admin port
# 35357 is the same Keystone as 5000, and paths (/v3, /v2.0) are ignored.
_value(rc, "OS_AUTH_URL") := sprintf("%s:%d", [lib.ident(h), _port(h.port)]) if h := rc.vars.OS_AUTH_URL.url.hosts[0]

_port(35357) := 5000

_port(p) := p if p != 35357

_value(rc, name) := lower(rc.vars[name].value) if {
	not name in {"OS_PASSWORD", "OS_AUTH_URL"}
}

_shown(rc, "OS_PASSWORD") := sprintf("fp:%s", [rc.vars.OS_PASSWORD.fp])

_shown(rc, name) := rc.vars[name].value if name != "OS_PASSWORD"

# _none says why no rc file is the authority for a variable.
_none := {
	"OS_PASSWORD": "the password Keystone holds is not in a snapshot",
	"OS_USER_DOMAIN_NAME": "no rc file is the authority",
	"OS_USER_DOMAIN_ID": "no rc file is the authority",
	"OS_AUTH_URL": "no rc file is the authority (SL-EP-001 compares it with Keystone's own)",
}

_copies contains c if {
	some rc in input.rc
	not rc.error
	user := rc.vars.OS_USERNAME.value
	not rc.vars.OS_USERNAME.dynamic
	some name in _fields
	v := _value(rc, name)
	not rc.vars[name].dynamic
	c := {"group": [user, name], "v": v, "shown": _shown(rc, name), "where": sprintf("%s %s", [rc.path, name]), "loc": lib.rc_loc(rc, name), "pos": [rc.path, 0]}
}

# aggregate: each rc file's value of each compared variable ({"copy":
# {group: [user, variable], v, shown, where, loc, pos}}); one user's rc
# files sit on different nodes, so the report groups them over the fleet.
aggregate contains {"copy": c} if some c in _copies

_all := {r.copy | some r in aggregate; r.copy}

report contains finding if {
	some group in {c.group | some c in _all}
	copies := {c | some c in _all; c.group == group}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %s, but %s is %s for the same user '%s' (%s: %s): the rc files do not log in the same way", [c.where, c.shown, r.where, r.shown, group[0], _none[group[1]], lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
