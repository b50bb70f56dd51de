# METADATA
# title: Ignore that matches no finding
# description: |
#   A "# stacklint:ignore RULE reason" comment, or an ignores entry of
#   .stacklint.yaml, that suppresses nothing: the finding it was written
#   for is gone (fixed, or the key moved), or the comment names the wrong
#   rule or sits above the wrong line. Left in place it would silently hide
#   the next finding of that rule there. Like golangci-lint's nolintlint,
#   the check runs after the findings are known: its input is the list of
#   ignores nothing matched (input.unused_ignores).
# custom:
#   id: SL-IGN-001
#   scope: node
#   severity: warning
#   inputs: [any]
#   remediation: |
#     Delete the ignore, or move it to the line above the key the finding
#     points at and check the rule id.
package stacklint.rules.input.unused_ignore

_what(ig) := sprintf("stacklint:ignore %s comment", [ig.rule]) if ig.kind == "inSource"

else := sprintf("ignore of %s in %s", [ig.rule, ig.path])

report contains finding if {
	some ig in input.unused_ignores
	finding := {
		"message": sprintf("%s matches no finding (%s): delete it, or it will hide the next one", [_what(ig), ig.reason]),
		"locations": [{"path": ig.path, "line": ig.line, "column": 1}],
	}
}
