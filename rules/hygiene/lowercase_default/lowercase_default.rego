# METADATA
# title: "[default] is not [DEFAULT]"
# description: |
#   oslo.config keeps only the exact header [DEFAULT] as the default group;
#   every other section name is lower-cased, so [default] or [Default] is a
#   group named "default" that no service reads. Everything under it is
#   silently ignored (transport_url, my_ip, debug, ...).
# custom:
#   id: SL-HYG-007
#   scope: node
#   severity: error
#   inputs: [config]
#   remediation: |
#     Rename the section header to [DEFAULT] (upper case) and restart the
#     service.
package stacklint.rules.hygiene.lowercase_default

report contains finding if {
	some node in input.nodes
	some f in node.files
	some h in f.headers
	h.name != "DEFAULT"
	lower(h.name) == "default"
	n := count(object.get(f.sections, "default", {}))
	finding := {
		"message": sprintf("%s on %s has a section [%s], which oslo.config calls 'default', not [DEFAULT]: the service ignores its %d option(s)", [f.kind, f.node, h.name, n]),
		"locations": [{"path": f.path, "node": f.node, "line": h.line, "column": 1, "section": "default"}],
	}
}
