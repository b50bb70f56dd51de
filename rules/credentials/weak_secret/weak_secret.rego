# METADATA
# title: Trivial or shared secret
# description: |
#   A password such as "openstack", "password", "guest" or the service's
#   own name is the first thing an attacker tries. And one password used
#   by several accounts (a Keystone service user, a database user, the
#   broker user, the admin rc file) means one leak opens them all, and
#   rotating one account breaks the others. Secrets are compared by
#   fingerprint; stacklint never shows which value a secret has. One
#   finding per trivial password: the first place it is set, every other
#   place (options on every node, rc files) as related locations.
# custom:
#   id: SL-PASS-011
#   scope: aggregate
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

# aggregate: each node's trivial passwords ({"weak": {fp, where, loc}})
# and passwords with their accounts ({"account": {fp, account, loc}}), the
# trivial options' fingerprints ({"weak_option_fp": fp}); the
# reports group them over the fleet.
aggregate contains {"weak": w} if some w in _weak

aggregate contains {"account": a} if some a in _accounts

aggregate contains {"weak_option_fp": fp} if some fp in _weak_fps

_all_weak := {r.weak | some r in aggregate; r.weak}

_all_accounts := {r.account | some r in aggregate; r.account}

# _all_weak_fps: the trivial passwords of options (not of rc files).
_all_weak_fps := {r.weak_option_fp | some r in aggregate; r.weak_option_fp}

# One finding per trivial password: every option and rc variable that holds
# it is one cleanup (one root cause), listed as related locations, first
# by node, path and line.
report contains finding if {
	some fp in {w.fp | some w in _all_weak}
	hits := sort([[w.loc.node, w.loc.path, object.get(w.loc, "line", 0), w] | some w in _all_weak; w.fp == fp])
	places := [h[3].where | some h in hits]
	nodes := {h[0] | some h in hits}
	finding := {
		"message": sprintf("a trivial password anyone can guess (fp:%s) is set in %s: %s", [fp, lib.spread(count(places), count(nodes)), lib.listed(places)]),
		"locations": [h[3].loc | some h in hits],
	}
}

# _weak are the trivial passwords of the snapshot, each {fp, where, loc}: a
# secret option's value or a URL's password, and an rc file's variable.
_weak contains {"fp": o.fp, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, o)} if {
	some [f, section, key, o] in lib.flagged("weak_secret")
	o.weak
}

_weak contains {"fp": h.password_fp, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, o)} if {
	some [f, section, key, o] in lib.flagged("weak_secret")
	some h in o.url.hosts
	h.password_weak
}

_weak contains {"fp": v.fp, "where": sprintf("%s %s", [rc.path, name]), "loc": lib.rc_loc(rc, name)} if {
	some rc in input.rc
	some name, v in rc.vars
	v.weak
}

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
	some fp in {a.fp | some a in _all_accounts}
	not fp in _all_weak_fps
	names := sort({a.account | some a in _all_accounts; a.fp == fp})
	count(names) > 1
	locs := [_first(fp, n) | some n in names]
	finding := {
		"message": sprintf("one password (fp:%s) is shared by %s: a leak of one opens all, and rotating one breaks the others", [fp, concat(", ", names)]),
		"locations": locs,
	}
}

_first(fp, name) := sort([[a.loc.path, object.get(a.loc, "line", 0), a.loc] | some a in _all_accounts; a.fp == fp; a.account == name])[0][2]
