# METADATA
# title: Unmerged package copy of a config file
# description: |
#   When a package upgrade meets a config file the operator changed, rpm
#   writes the new default beside it as .rpmnew (or keeps the old one as
#   .rpmsave) and dpkg as .dpkg-dist / .dpkg-old. The service keeps reading
#   the old file: options the new release added or renamed were never
#   merged, and the leftover misleads whoever greps /etc next.
# custom:
#   id: SL-HYG-012
#   scope: node
#   severity: info
#   inputs: [config]
#   remediation: |
#     Compare the leftover with the active file (diff nova.conf
#     nova.conf.rpmnew), merge what the new release needs, and delete the
#     leftover.
package stacklint.rules.hygiene.package_leftover

report contains finding if {
	some l in input.leftovers
	finding := {
		"message": sprintf("%s is an unmerged package copy of %s on %s: the service still reads the old file; merge and delete it", [l.path, l.of, l.node]),
		"locations": [{"path": l.path, "node": l.node}],
	}
}
