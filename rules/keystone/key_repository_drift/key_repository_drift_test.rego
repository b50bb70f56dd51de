package stacklint.rules.keystone.key_repository_drift_test

import data.stacklint.fixtures as fx
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
