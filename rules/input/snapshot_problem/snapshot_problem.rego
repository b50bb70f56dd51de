# METADATA
# title: Snapshot tree problem
# description: |
#   A path in the snapshot could not be followed: a symbolic link that loops,
#   points outside the snapshot, or points nowhere, or a directory that cannot
#   be read. stacklint never follows links out of the snapshot, so whatever
#   the link points to on the real node was not checked. A plugin.ini link to
#   ../../somewhere-else is the common case.
# custom:
#   id: SL-SNAP-001
#   severity: warning
#   inputs: [any]
#   remediation: |
#     Make the link relative and inside the snapshot (for example
#     plugin.ini -> plugins/ml2/ml2_conf.ini), or copy the target file into
#     the snapshot.
package stacklint.rules.input.snapshot_problem

report contains finding if {
	some p in input.problems
	finding := {
		"message": sprintf("%s: %s", [p.path, p.message]),
		"locations": [{"path": p.path}],
	}
}
