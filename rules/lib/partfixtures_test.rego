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

import data.stacklint.fixtures.passes

# parts is one input per node of the model document d, and one for the
# entries of no node (fixtures.passes, as the engine cuts them).
parts(d) := passes.parts(d)

# fleet is the fleet pass's input for d: its fleet-wide facts, no nodes,
# an empty index.
fleet(d) := passes.fleet(d)
