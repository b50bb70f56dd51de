# METADATA
# title: File over the size limit
# description: |
#   A file stacklint reads is larger than the size limit (8 MiB unless
#   --max-file-size or max_file_size in .stacklint.yaml says otherwise), so
#   it was not read and nothing in it was checked. No OpenStack
#   configuration file comes near 8 MiB: such a file is usually a log or a
#   dump saved under a configuration name, or a generated file that grew.
# custom:
#   id: SL-SNAP-003
#   scope: node
#   severity: warning
#   inputs: [any]
#   remediation: |
#     Check what the file holds. If it really is configuration, raise the
#     limit with --max-file-size (for example 64MiB) or max_file_size in
#     .stacklint.yaml.
package stacklint.rules.input.file_too_large

report contains finding if {
	some p in input.problems
	p.kind == "too-large"
	finding := {
		"message": sprintf("%s: %s", [p.path, p.message]),
		"locations": [{"path": p.path}],
	}
}
