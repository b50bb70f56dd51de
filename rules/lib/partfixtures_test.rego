# METADATA
# description: |
#   The inputs of the engine's two passes for unit tests of
#   aggregate-scoped rules (custom.scope: aggregate): the node pass
#   computes a rule's aggregate on each part of the nodes, here one node
#   per part (as TestPassesMatchOnePass does), and the fleet pass
#   evaluates its report over the document without nodes and with an
#   empty index, with aggregate replaced by the union of the parts'
#   records. A test computes the records of parts(d) and evaluates the
#   report over fleet(d) with them.
package stacklint.partfixtures

# parts is one input per node of the model document d: d with only that
# node (the lists that name a node keep that node's entries; entries of
# no node of d are left out, as the engine gives them a part of their
# own).
parts(d) := [p |
	some name, node in d.nodes
	p := object.union(object.remove(d, ["nodes", "rc", "policies"]), {
		"nodes": {name: node},
		"rc": [x | some x in object.get(d, "rc", []); x.node == name],
		"policies": [x | some x in object.get(d, "policies", []); x.node == name],
	})
]

# fleet is the fleet pass's input for d: its fleet-wide facts, no nodes,
# an empty index.
fleet(d) := object.union(object.remove(d, ["nodes", "index"]), {"nodes": {}, "index": {}})
