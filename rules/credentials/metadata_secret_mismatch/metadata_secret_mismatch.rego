# METADATA
# title: Metadata proxy shared secret differs between neutron and nova
# description: |
#   The neutron metadata agent signs every instance metadata request with
#   metadata_proxy_shared_secret (HMAC-SHA256 of the instance id); nova's
#   metadata API checks the signature with its own copy in nova.conf
#   [neutron] (Icehouse-era name: [DEFAULT] neutron_metadata_proxy_shared_secret).
#   When the copies differ, instances get HTTP 403 "Invalid proxy request
#   signature" and boot without keys or user data. Every metadata_agent.ini
#   and the nova.conf of every node that runs nova-api must hold the same
#   secret. The value seen most often is taken as the reference; each copy
#   that differs from it is reported, with the reference as related location.
# related_resources:
#   - description: neutron metadata agent options
#     ref: https://docs.openstack.org/neutron/latest/configuration/metadata-agent.html
# custom:
#   id: SL-PASS-009
#   severity: error
#   inputs: [metadata_agent.ini, nova.conf]
#   remediation: |
#     Set the same metadata_proxy_shared_secret in [DEFAULT] of every
#     metadata_agent.ini and in [neutron] of nova.conf on every nova-api
#     node, then restart neutron-metadata-agent and nova-api.
package stacklint.rules.credentials.metadata_secret_mismatch

import data.stacklint.lib

_key := "metadata_proxy_shared_secret"

_copies contains c if {
	some [_, f] in lib.files("metadata_agent.ini")
	occ := lib.last(f, "DEFAULT", _key)
	c := _copy(f, "DEFAULT", _key, occ, 0)
}

_copies contains c if {
	some [name, f] in lib.files("nova.conf")
	lib.runs(input.nodes[name], "nova-api")
	[section, key] := _nova_key(f)
	occ := lib.last(f, section, key)
	c := _copy(f, section, key, occ, 1)
}

# The current name wins over the deprecated one within one file.
_nova_key(f) := ["neutron", _key] if lib.has(f, "neutron", _key)

else := ["DEFAULT", "neutron_metadata_proxy_shared_secret"] if {
	lib.has(f, "DEFAULT", "neutron_metadata_proxy_shared_secret")
}

_copy(f, section, key, occ, nova) := {
	"fp": occ.fp,
	"label": lib.label(occ),
	"nova": nova,
	"what": sprintf("%s [%s] %s on %s", [f.kind, section, key, f.node]),
	"loc": lib.loc(f, section, key, occ),
}

# _reference is the fingerprint most copies share (ties: nova's, then the
# greatest fingerprint, so the choice is deterministic).
_reference := max({[n, nova, fp] |
	some c in _copies
	fp := c.fp
	n := count({x | some x in _copies; x.fp == fp})
	nova := max({y.nova | some y in _copies; y.fp == fp})
})[2]

_ref_copy := sort([[c.loc.path, c.loc.line, c] | some c in _copies; c.fp == _reference])[0][2]

report contains finding if {
	some c in _copies
	c.fp != _reference
	ref := _ref_copy
	finding := {
		"message": sprintf(
			"%s (%s) differs from %s (%s): instances get HTTP 403 'Invalid proxy request signature' from the metadata API",
			[c.what, c.label, ref.what, ref.label],
		),
		"locations": [c.loc, ref.loc],
	}
}
