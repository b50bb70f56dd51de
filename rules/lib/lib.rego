# METADATA
# description: Helpers shared by every stacklint rule.
package stacklint.lib

# values returns every occurrence of key in section of file f ([] if unset).
values(f, section, key) := f.sections[section][key] if true

else := []

# last returns the occurrence oslo.config uses for a single-valued option.
last(f, section, key) := occ if {
	occs := f.sections[section][key]
	occ := occs[count(occs) - 1]
}

# has is true when the key is set in the section of file f.
has(f, section, key) if count(f.sections[section][key]) > 0

# loc is the location of one occurrence of a key.
loc(f, section, key, occ) := {
	"path": f.path,
	"node": f.node,
	"line": occ.line,
	"column": occ.column,
	"section": section,
	"key": key,
}

# label shows a secret occurrence: its fingerprint, or "(empty)".
label(occ) := sprintf("fp:%s", [occ.fp]) if occ.fp != ""

else := "(empty)"

# files yields [node name, file] for every file of the given kind.
files(kind) := {[name, f] |
	some name, node in input.nodes
	some f in node.files
	f.kind == kind
}

# runs is true when the node runs the named service.
runs(node, service) if service in node.services
