# METADATA
# title: Policy check string oslo.policy cannot understand
# description: |
#   oslo.policy never fails loudly on a bad check string. A rule that does
#   not parse (an unbalanced parenthesis, a dangling "and", "role: admin"
#   with a space) becomes "!" as a whole: it denies everyone, and the only
#   trace is a "Failed to understand rule" line in the service log. A single
#   atom without a colon inside a valid expression becomes "!" alone. A
#   value that is not a string or list (true, 1) makes the whole file fail
#   to load. And a check kind with a typo ("rloe:admin", "ROLE:admin",
#   "Rule:x") or "is_admin:true" in lower case is valid syntax that never
#   matches: kinds are matched exactly, and is_admin compares with the
#   string "True". (Old keystone files' "is_admin:1", copied from upstream,
#   never matches either; it is left alone as upstream's own.) The parse is oslo.policy's own (parser/policy, proved
#   against oslo.policy by a differential test).
# custom:
#   id: SL-POL-001
#   scope: node
#   severity: error
#   inputs: [policy]
#   remediation: |
#     Fix the check string: balance parentheses, put a check on each side of
#     "and"/"or", write kind:match without spaces, use the lower-case kinds
#     role:, rule:, http: and https:, and is_admin:True. Check the file with
#     oslopolicy-checker or stacklint before rolling it out.
package stacklint.rules.policy.policy_syntax

import data.stacklint.lib.policy

_value(r) := sprintf("'%s'", [r.expr]) if r.kind == "string"

else := "a list that is not a list of check lists" if r.kind == "list"

else := "a mapping, not a check string"

report contains finding if {
	some [p, name, r] in policy.entries
	r.status == "syntax_error"
	finding := {
		"message": sprintf("%s cannot be parsed (%s): oslo.policy replaces the whole rule by '!' and denies everyone", [policy.where(p, name), _value(r)]),
		"locations": [policy.loc(p, name, r)],
	}
}

report contains finding if {
	some [p, name, r] in policy.entries
	r.status == "check_error"
	some m in r.messages
	atom := trim_prefix(m, "Failed to understand rule ")
	finding := {
		"message": sprintf("%s: '%s' is not a kind:match check; oslo.policy replaces it by '!', so that part never matches (%s)", [policy.where(p, name), atom, r.str]),
		"locations": [policy.loc(p, name, r)],
	}
}

report contains finding if {
	some [p, name, r] in policy.entries
	r.status == "exception"
	finding := {
		"message": sprintf("%s is not a check string: oslo.policy cannot load %s (%s), so the policy checks of the service fail", [policy.where(p, name), p.path, concat("; ", r.messages)]),
		"locations": [policy.loc(p, name, r)],
	}
}

report contains finding if {
	some [p, name, r] in policy.entries
	some c in r.checks
	c.near
	finding := {
		"message": sprintf("%s: '%s:%s' is a generic check on a credential named '%s', not a %s check, and never matches (did you mean %s:%s?)", [policy.where(p, name), c.kind, c.match, c.kind, c.near, c.near, c.match]),
		"locations": [policy.at(p, name, c)],
	}
}

report contains finding if {
	some [p, name, r] in policy.entries
	some c in r.checks
	c.kind == "is_admin"
	lower(c.match) in {"true", "false"}
	not c.match in {"True", "False"}
	finding := {
		"message": sprintf("%s: 'is_admin:%s' never matches: oslo.policy compares with str(True), so only is_admin:True does", [policy.where(p, name), c.match]),
		"locations": [policy.at(p, name, c)],
	}
}
