# METADATA
# title: Option or section the service does not read
# description: |
#   oslo.config ignores every key no registered option claims: a typo
#   (memcache_server), an option put in the wrong section (password under
#   [DEFAULT]), a dashed name (log-dir: only log_dir is read), or an option
#   a later release removed. The service starts and behaves as if the line
#   were not there. Keys are checked against the option schema of the
#   release (--release, or the release whose schema fits the snapshot
#   best), including the auth plugin options keystoneauth1 registers from
#   the section's auth_type, which oslo-config-validator skips. A section
#   none of whose keys the service knows is reported once. Options of
#   third-party plugins (ML2 drivers, service plugins) are not in the
#   schema and are reported too. A key of the options of another file the
#   same neutron process loads (agent options in ml2_conf.ini, as devstack
#   writes them; [agent] root_helper in l3_agent.ini) is read, and not
#   reported. Option names are case-sensitive: Verbose is not verbose.
#   Files older than the oldest release stacklint has a schema for are
#   checked against that release, and only names no release reads (wrong
#   case, dashes) are reported there. Checked against the oldest release
#   with nothing newer in the files, an option no schema knows is an info
#   naming the last older release that read it (from the names read in the
#   sources of Icehouse to Rocky), unless it is a close spelling of an
#   option that no release ever read: a typo. Where a specific rule reports the same
#   line (SL-MQ-004 legacy broker options, SL-EP-010, SL-NOVA-010, ...),
#   this one gives way (custom.yields).
# custom:
#   id: SL-HYG-002
#   scope: node
#   severity: warning
#   inputs: [config]
#   yields: true
#   remediation: |
#     Fix the name (the suggestion says which option is meant), move the
#     option to its section, or delete the line.
package stacklint.rules.hygiene.unknown_option

import data.stacklint.lib

_unknown contains [f, section, key, occ] if {
	some [f, section, key, occ] in lib.flagged("schema_unknown")
	not occ.schema.dead # a file nothing reads any more: SL-NET-021 and the like
	not occ.schema.read_by # another file's options, which the same process registers
	section != "default" # [default] for [DEFAULT]: SL-HYG-007
	_claimable(key, occ.schema)
}

# _claimable: the key is ignored in whatever release reads the file. Files
# older than the oldest release with a schema (below_oldest) may set
# options of their own release that later ones removed or moved, so only
# names no release can read are reported: a name in the wrong case, a
# dashed name.
_claimable(_, s) if not s.below_oldest

_claimable(_, s) if s.lowercase

_claimable(key, s) if {
	s.option
	contains(key, "-")
}

report contains finding if {
	some [f, section, key, occ] in _unknown
	not occ.schema.section_unknown
	not _maybe_older(key, occ.schema)
	finding := {
		"message": sprintf("%s [%s] %s on %s is not an option of %s in %s: the service ignores it%s", [f.kind, section, key, f.node, f.kind, lib.release_of(f), _hint(occ.schema)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

# Checked against the oldest release stacklint knows, an option no release
# knows may be one an older release read: what is certain is that it is
# ignored from that release on (an info, with no guess at its meaning).
report contains finding if {
	some [f, section, key, occ] in _unknown
	not occ.schema.section_unknown
	_maybe_older(key, occ.schema)
	finding := {
		"message": sprintf("%s [%s] %s on %s is not an option of %s in %s or any later release: it is ignored from %s on (%s)%s", [f.kind, section, key, f.node, f.kind, occ.schema.at_oldest, occ.schema.at_oldest, _older_read(occ.schema), _older_hint(occ.schema)]),
		"locations": [lib.loc(f, section, key, occ)],
		"severity": "info",
	}
}

_maybe_older(key, s) if {
	s.at_oldest
	not s.below_oldest
	not s.lowercase
	not contains(key, "-")
	not s.read_by
	not _misspelt(s)
}

# _misspelt: a close spelling of an option, which no release from Icehouse
# on read (never_read: the names of the releases before the oldest schema,
# read from their sources, do not have it either).
_misspelt(s) if {
	s.option
	s.never_read
}

report contains finding if {
	some [f, section] in {[f, s] | some [f, s, _, occ] in _unknown; occ.schema.section_unknown}
	keys := sort([k | some [f2, s2, k, _] in _unknown; f2.path == f.path; s2 == section])
	first := sort([[occ.line, k, occ] | some [f2, s2, k, occ] in _unknown; f2.path == f.path; s2 == section])[0]
	finding := {
		"message": sprintf("%s [%s] on %s is not a section of %s in %s: its %s (%s) %s ignored%s", [f.kind, _written(f, section), f.node, f.kind, lib.release_of(f), _count(keys), concat(", ", keys), _verb(keys), _section_hint(first[2].schema)]),
		"locations": [lib.loc(f, section, first[1], first[2])],
	}
}

# _written is a section's name as its header writes it (oslo.config reads
# every name but DEFAULT in lower case: [DEFAUT] is group "defaut").
_written(f, section) := name if {
	name := [h.name | some h in object.get(f, "headers", []); lower(h.name) == lower(section)][0]
} else := section

_section_hint(s) := sprintf(" (did you mean [%s]?)", [s.section_suggest]) if s.section_suggest

else := ""

_hint(s) := sprintf(" (option names are case-sensitive: did you mean %s?)", [s.lowercase]) if s.lowercase_known

else := " (option names are case-sensitive, and oslo.config's are all lower-case)" if s.lowercase

else := sprintf(" (it belongs in [%s])", [s.group]) if s.group

else := sprintf(" (did you mean %s?)", [s.option]) if s.option

else := sprintf(" (%s still read it)", [s.read_until]) if s.read_until

else := ""

# _older_read: the last release before the oldest schema that read it
# (names read from the sources of Icehouse to Rocky), when one did.
_older_read(s) := sprintf("%s still read it", [s.read_until]) if s.read_until
else := "older releases may have read it"

# _older_hint: an option of a close name the oldest release reads, which
# may have replaced it (nova_metadata_ip: nova_metadata_host). The group
# an option of the same name is in says nothing of a renamed option.
_older_hint(s) := sprintf("; %s reads %s, a close name", [s.at_oldest, s.option]) if s.option
else := ""

_count(keys) := "option" if count(keys) == 1

else := "options"

_verb(keys) := "is" if count(keys) == 1

else := "are"
