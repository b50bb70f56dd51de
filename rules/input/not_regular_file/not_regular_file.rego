# METADATA
# title: Not a regular file
# description: |
#   A path where stacklint reads a file (nova.conf, an rc file, a *.sh file
#   it would check for OS_AUTH_URL) is a named pipe, a socket, a device or a
#   folder. stacklint reads regular files only: a named pipe would block
#   the run forever and a character device such as /dev/zero never ends.
#   The entry was not read, so nothing in it was checked. A folder named
#   like a configuration file (nova.conf/) is also a fault on the node: the
#   service cannot load it.
# custom:
#   id: SL-SNAP-002
#   scope: aggregate
#   severity: warning
#   inputs: [any]
#   remediation: |
#     Put the file in the snapshot as a regular file, or remove the entry.
#     A snapshot tool that copies special files as they are (cp -a, rsync
#     -D) makes such entries; copy their content instead.
package stacklint.rules.input.not_regular_file

# aggregate: the paths that are not regular files among the reading
# problems, each {"kind", "path", "message"}, from the parts' problems
# lists (an entry without a node is in every part; the set keeps it once).
aggregate contains {"kind": p.kind, "path": p.path, "message": p.message} if {
	some p in input.problems
	p.kind == "not-regular"
}

report contains finding if {
	some p in aggregate
	finding := {
		"message": sprintf("%s: %s", [p.path, p.message]),
		"locations": [{"path": p.path}],
	}
}
