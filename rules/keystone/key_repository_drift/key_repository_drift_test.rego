package stacklint.rules.keystone.key_repository_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
import data.stacklint.rules.keystone.key_repository_drift as rule

_key(node, name, fp) := {"kind": "keystone-key", "path": sprintf("%s/etc/keystone/fernet-keys/%s", [node, name]), "node": node, "repository": "fernet-keys", "name": name, "fp": fp}

_n(node, fp1) := fx.node(node, ["keystone"], [_key(node, "0", "aaa"), _key(node, "1", fp1)])

test_same if {
	r := rule.report with input as fx.deployment([_n("k1", "bbb"), _n("k2", "bbb")])
	r == set()
}

test_differs if {
	r := rule.report with input as fx.deployment([_n("k1", "bbb"), _n("k2", "bbb"), _n("k3", "ccc")])
	count(r) == 1
	some f in r
	f.locations == [{"path": "k3/etc/keystone/fernet-keys/0", "node": "k3"}, {"path": "k1/etc/keystone/fernet-keys/0", "node": "k1"}]
	startswith(f.message, "keystone fernet-keys on k3 (2 key(s), fp:")
	contains(f.message, "; keystone nodes are peers, none is the authority: compared with the majority, 2 of 3): tokens or credentials from one node fail on the other")
}

# Each node is a part of its own: the majority of the repositories is
# counted over the records of every part.
test_two_passes if {
	d := fx.deployment([_n("k1", "bbb"), _n("k2", "ccc"), _n("k3", "bbb")])
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
