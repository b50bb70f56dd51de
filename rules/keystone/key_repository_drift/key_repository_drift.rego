# METADATA
# title: Keystone nodes hold different fernet or credential keys
# description: |
#   Every keystone node must hold the same key repository
#   (/etc/keystone/fernet-keys/, /etc/keystone/credential-keys/): a token
#   issued on one node is validated with the keys of whichever node the
#   next request reaches, and credentials encrypted on one node are read
#   on another. A node with other keys (rotated alone, or set up with its
#   own keystone-manage fernet_setup) rejects its peers' tokens with 401.
#   Keys are compared by fingerprint and never shown. The keystone nodes
#   are peers (which one rotates is not in a snapshot): a differing
#   repository is compared with the one most nodes hold (the first by path
#   on a tie), and the message says which.
# custom:
#   id: SL-PASS-015
#   scope: aggregate
#   severity: error
#   inputs: [keystone-key]
#   remediation: |
#     Rotate on one node only and copy its whole key directory to the other
#     keystone nodes (rsync -a --delete), for both fernet-keys and
#     credential-keys.
package stacklint.rules.keystone.key_repository_drift

import data.stacklint.lib

_keys := lib.files("keystone-key")

# aggregate: each node's key repositories ({"copy": {group (repository),
# v (sorted name:fingerprint), node, pos, shown, loc}}); the report takes
# each repository's majority over the fleet.
aggregate contains {"copy": c} if some c in _node_copies

_copies := {r.copy | some r in aggregate; r.copy}

_node_copies contains c if {
	some repo in {f.repository | some [_, f] in _keys}
	some node in {n | some [n, _] in _keys}
	files := [f | some [n, f] in _keys; n == node; f.repository == repo]
	set := sort([sprintf("%s:%s", [f.name, f.fp]) | some f in files])
	first := sort([f.path | some f in files])[0]
	c := {
		"group": repo, "v": set, "node": node, "pos": [first, 0],
		"shown": sprintf("%d key(s), fp:%s", [count(set), substring(crypto.sha256(concat(",", set)), 0, 6)]),
		"loc": {"path": first, "node": node},
	}
}

report contains finding if {
	some repo in {c.group | some c in _copies}
	copies := {c | some c in _copies; c.group == repo}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("keystone %s on %s (%s) differ from %s (%s; keystone nodes are peers, none is the authority: %s): tokens or credentials from one node fail on the other", [repo, c.node, c.shown, r.node, r.shown, lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
