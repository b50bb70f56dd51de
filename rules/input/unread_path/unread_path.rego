# METADATA
# title: Part of the snapshot cannot be read
# description: |
#   A file or folder of the snapshot could not be read by stacklint: its
#   permissions keep the user running stacklint out, it vanished while the
#   snapshot was being read, an I/O error occurred, or a folder lies more
#   than 32 levels below its node's root (stacklint walks no deeper, so a
#   runaway tree cannot stall a run). This is about the snapshot, not the
#   node: the service may read its copy fine, but nothing there was
#   checked.
# custom:
#   id: SL-SNAP-004
#   scope: aggregate
#   severity: warning
#   inputs: [any]
#   remediation: |
#     Make the snapshot readable by the user running stacklint (in CI: the
#     job's user), take it again when it changed during the run, or move the
#     deep folder closer to the node's root.
package stacklint.rules.input.unread_path

_kinds := {"unreadable", "too-deep"}

# aggregate: the unreadable and too deep paths among the reading problems,
# each {"kind", "path", "message"}, from the parts' problems lists (an
# entry without a node is in every part; the set keeps it once).
aggregate contains {"kind": p.kind, "path": p.path, "message": p.message} if {
	some p in input.problems
	p.kind in _kinds
}

report contains finding if {
	some p in aggregate
	finding := {
		"message": sprintf("%s: %s", [p.path, p.message]),
		"locations": [{"path": p.path}],
	}
}
