# METADATA
# title: Symbolic link not followed
# description: |
#   A symbolic link at a path stacklint reads (a file of a known kind, an rc
#   file, or a folder below which it reads files) could not be followed.
#   Links resolve inside their node as in a chroot: an absolute link such as
#   plugin.ini -> /etc/neutron/plugins/ml2/ml2_conf.ini leads to the node's
#   own file, and ".." stops at the node's root. Two cases: the target is
#   not in the snapshot (info: whatever it points to on the real node was
#   not checked; a snapshot of /etc alone cannot hold /usr), or the link
#   loops (warning). Links stacklint would not read (a Debian /etc's
#   alternatives/ and ssl/certs/) are not reported.
# custom:
#   id: SL-SNAP-001
#   scope: aggregate
#   severity: info
#   inputs: [any]
#   remediation: |
#     Copy the target into the snapshot at the path the link names (tar and
#     rsync -l keep links; take the target's folder too), or replace the
#     link by the file itself. A loop is a broken link on the node as well:
#     point it at the file it was meant for.
package stacklint.rules.input.link_not_followed

_severity := {"link": "info", "loop": "warning"}

# aggregate: the links not followed among the reading problems, each
# {"kind", "path", "message"}, from the parts' problems lists (an entry
# without a node is in every part; the set keeps it once).
aggregate contains {"kind": p.kind, "path": p.path, "message": p.message} if {
	some p in input.problems
	_severity[p.kind]
}

report contains finding if {
	some p in aggregate
	severity := _severity[p.kind]
	finding := {
		"message": sprintf("%s: %s", [p.path, p.message]),
		"severity": severity,
		"locations": [{"path": p.path}],
	}
}
