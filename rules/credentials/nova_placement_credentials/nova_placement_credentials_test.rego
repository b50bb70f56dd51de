package stacklint.rules.credentials.nova_placement_credentials_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
import data.stacklint.rules.credentials.nova_placement_credentials as rule

_placement := fx.file("ctl", "placement.conf", "etc/placement/placement.conf", {"keystone_authtoken": {"username": "placement", "password": fx.secret("aaaaaa", 15)}})

_nova(kind, fp) := fx.file("cmp", kind, sprintf("etc/nova/%s", [kind]), {"placement": {"username": "placement", "password": fx.secret(fp, 39)}})

_input(nova) := fx.deployment([fx.node("ctl", ["placement-api"], [_placement]), fx.node("cmp", ["nova-compute"], [nova])])

test_same_credentials if {
	r := rule.report with input as _input(_nova("nova.conf", "aaaaaa"))
	r == set()
}

test_wrong_password_in_nova_compute_conf if {
	nova := _nova("nova-compute.conf", "bbbbbb")
	r := rule.report with input as _input(nova)
	r == {{
		"message": "nova-compute.conf [placement] password on cmp (fp:bbbbbb) differs from placement's service password (fp:aaaaaa, placement.conf [keystone_authtoken] password on ctl): nova-compute cannot report its inventory and the scheduler finds no host",
		"locations": [fx.loc(nova, "placement", "password", 39), fx.loc(_placement, "keystone_authtoken", "password", 15)],
	}}
}

# The reference (placement's node) and the client copy (nova's node) come
# from different parts: the two passes give the one-pass findings.
test_two_passes_wrong_password if {
	d := _input(_nova("nova.conf", "bbbbbb"))
	whole := rule.report with input as d
	count(whole) == 1
	_two_passes(d) == whole
}

# _two_passes is the report as the engine's two passes give it, one node
# per part: each part's aggregate, the report over no nodes.
_two_passes(d) := r if {
	recs := {x | some p in parts.parts(d); some x in _records(p)}
	r := rule.report with rule.aggregate as recs with input as parts.fleet(d)
}

_records(p) := a if a := rule.aggregate with input as p
