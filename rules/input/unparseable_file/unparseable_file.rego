# METADATA
# title: File cannot be parsed
# description: |
#   The file cannot be read the way its consumer reads it. For an oslo.config
#   INI file the message is oslo.config's own parse error: the service
#   refuses to start (an invalid UTF-8 byte is worse: the service dies with a
#   UnicodeDecodeError traceback). For a policy file oslo.policy fails to
#   load the file; for an rc file the shell stops at the syntax error; for a
#   kolla config file (kolla-ansible's etc/kolla/<container>/config.json,
#   TripleO's var/lib/kolla/config_files/<container>.json) that is not JSON
#   or names a required source its folder does not hold, kolla's
#   set_configs stops and the container does not start. The
#   rest of the snapshot is still checked, but nothing in this file is.
# custom:
#   id: SL-PARSE-001
#   scope: node
#   severity: error
#   inputs: [any]
#   remediation: |
#     Fix the line named in the message. Common causes: an indented line right
#     after a section header, blank line or comment (oslo.config takes any
#     line starting with a space or tab as a continuation), a header followed
#     by a comment, a UTF-8 byte-order mark, or text saved in Latin-1.
package stacklint.rules.input.unparseable_file

_consumer(f) := "kolla's set_configs: the container will not start" if f.kind == "kolla-config"

else := "oslo.config: the service will not start" if not f.error.decode

else := "the service dies with a UnicodeDecodeError traceback"

_located(f, msg) := {
	"message": msg,
	"locations": [{"path": f.path, "node": f.node, "line": f.error.line, "column": f.error.column}],
}

report contains finding if {
	some node in input.nodes
	some f in node.files
	f.error
	finding := _located(f, sprintf("%s cannot be parsed (%s): %s", [f.kind, _consumer(f), f.error.message]))
}

report contains finding if {
	some f in input.policies
	f.error
	finding := _located(f, sprintf("policy file cannot be loaded by oslo.policy: %s", [f.error.message]))
}

report contains finding if {
	some f in input.rc
	f.error
	finding := _located(f, sprintf("rc file cannot be sourced: %s", [f.error.message]))
}
