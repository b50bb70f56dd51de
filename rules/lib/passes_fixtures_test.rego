# METADATA
# description: |
#   The two passes of aggregate-scoped rules in Rego unit tests: parts(d)
#   are the inputs the node pass evaluates a rule's aggregate on (one node
#   each, with that node's rc, policies, hosts_conflicts, leftovers and
#   problems entries; a last part of no node holds the entries naming no
#   node of d), fleet(d) the input its report is evaluated on (no nodes,
#   no index). As internal/engine/parts.go and aggregates.go cut them.
package stacklint.fixtures.passes

_lists := ["rc", "policies", "hosts_conflicts", "leftovers", "problems"]

# parts are the node pass's inputs of model document d.
parts(d) := array.concat([_part(d, {n: node}, _mine(d, n)) | some n, node in d.nodes], [_part(d, {}, _loose(d))])

_part(d, nodes, lists) := object.union(object.remove(d, array.concat(["nodes", "index"], _lists)), object.union({"nodes": nodes}, lists))

_mine(d, n) := {l: [e | some e in object.get(d, l, []); _of(e, n)] | some l in _lists}

_of(e, _) if not e.node

_of(e, n) if e.node == n

_loose(d) := {l: [e | some e in object.get(d, l, []); _no_node(d, e)] | some l in _lists}

_no_node(_, e) if not e.node

_no_node(d, e) if not d.nodes[e.node]

# fleet is the fleet pass's input of model document d.
fleet(d) := object.union(object.remove(d, ["nodes", "index"]), {"nodes": {}, "index": {}})
