# METADATA
# title: Trivial or shared secret
# description: |
#   A password such as "openstack", "password", "guest" or the service's
#   own name is the first thing an attacker tries. And one password used
#   by several accounts (a Keystone service user, a database user, the
#   broker user, the admin rc file) means one leak opens them all, and
#   rotating one account breaks the others. Secrets are compared by
#   fingerprint; stacklint never shows which value a secret has.
# custom:
#   id: SL-PASS-011
#   severity: warning
#   inputs: [config, rc]
#   remediation: |
#     Generate a long random password per account (openssl rand -hex 16,
#     or kolla-genpwd / a secrets manager), and update each account and
#     every file that uses it.
package stacklint.rules.credentials.weak_secret

import data.stacklint.lib
import data.stacklint.lib.auth
import data.stacklint.lib.messaging

# One finding per file: its trivial passwords are one cleanup.
report contains finding if {
	weak := lib.flagged("weak_secret")
	some path in {f.path | some [f, _, _, _] in weak}
	hits := sort([[occ.line, f, section, key, occ] | some [f, section, key, occ] in weak; f.path == path])
	f := hits[0][1]
	finding := {
		"message": sprintf("%s on %s holds a trivial password anyone can guess in %s", [f.kind, f.node, concat(", ", [sprintf("[%s] %s", [h[2], h[3]]) | some h in hits])]),
		"locations": [lib.loc(h[1], h[2], h[3], h[4]) | some h in hits],
	}
}

report contains finding if {
	some rc in input.rc
	some name, v in rc.vars
	v.weak
	finding := {
		"message": sprintf("%s sets %s to a trivial password anyone can guess", [rc.path, name]),
		"locations": [lib.rc_loc(rc, name)],
	}
}

# _weak_fps: fingerprints already reported as trivial above.
_weak_fps := {o.fp | some [_, _, _, o] in lib.flagged("weak_secret"); o.weak} | {h.password_fp |
	some [_, _, _, o] in lib.flagged("weak_secret")
	some h in o.url.hosts
	h.password_weak
}

# _accounts: {fp, account, loc} for every password with the account it
# belongs to.
_accounts contains {"fp": c.v, "account": sprintf("Keystone user '%s'", [c.user]), "loc": c.loc} if {
	some c in auth.own
	c.user != ""
}

_accounts contains {"fp": h.password_fp, "account": sprintf("database user '%s'", [h.user]), "loc": lib.loc(f, section, key, occ)} if {
	some [f, section, key, occ] in lib.keyed(["connection", "sql_connection", "slave_connection"])
	occ.url.driver in {"mysql", "postgresql", "postgres"}
	h := occ.url.hosts[0]
	h.password_fp != ""
}

_accounts contains {"fp": b.password, "account": sprintf("broker user '%s'", [b.user]), "loc": b.at} if {
	some b in messaging.brokers
	b.password != ""
	not startswith(b.password, "default:")
}

_accounts contains {"fp": rc.vars.OS_PASSWORD.fp, "account": sprintf("Keystone user '%s'", [rc.vars.OS_USERNAME.value]), "loc": lib.rc_loc(rc, "OS_PASSWORD")} if {
	some rc in input.rc
	rc.vars.OS_PASSWORD.fp != ""
}

report contains finding if {
	some fp in {a.fp | some a in _accounts}
	not fp in _weak_fps
	names := sort({a.account | some a in _accounts; a.fp == fp})
	count(names) > 1
	locs := [_first(fp, n) | some n in names]
	finding := {
		"message": sprintf("one password (fp:%s) is shared by %s: a leak of one opens all, and rotating one breaks the others", [fp, concat(", ", names)]),
		"locations": locs,
	}
}

_first(fp, name) := sort([[a.loc.path, object.get(a.loc, "line", 0), a.loc] | some a in _accounts; a.fp == fp; a.account == name])[0][2]
