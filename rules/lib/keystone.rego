# METADATA
# description: |
#   Every reference to Keystone in the snapshot, for the endpoint rules:
#   auth URLs in services' auth sections (current and Icehouse-era names,
#   including auth_host/auth_port/auth_protocol) and OS_AUTH_URL in rc
#   files. Each has a class: "public" for the URL advertised to clients
#   (www_authenticate_uri, auth_uri, OS_AUTH_URL) and "service" for the one
#   services authenticate against (auth_url and friends): the two may
#   legitimately differ (public and internal endpoints).
package stacklint.lib.keystone

import data.stacklint.lib

_sections := {"keystone_authtoken", "service_user", "neutron", "placement", "nova", "cinder", "glance", "oslo_limit", "ironic"}

_class := {"www_authenticate_uri": "public", "auth_uri": "public", "auth_url": "service", "identity_uri": "service"}

_keys := {"www_authenticate_uri", "auth_uri", "auth_url", "identity_uri", "neutron_admin_auth_url", "nova_admin_auth_url"}

_legacy_default := {"neutron_admin_auth_url": "service", "nova_admin_auth_url": "service"}

# refs contains {class, host (a URL host fact), scheme, port, path,
# endpoint, node, pos: [path, line], src}; where(r) and loc(r) name it
# (built only for the references a rule reports).
refs contains r if {
	some [f, section, key, occ] in lib.keyed(_keys)
	f.kind != "keystone.conf"
	class := _ref_class(f, section, key)
	h := occ.url.hosts[0]
	r := {
		"class": class, "host": h, "scheme": occ.url.scheme, "port": h.port, "path": occ.url.path,
		"endpoint": occ.url.endpoint, "node": f.node, "pos": [f.path, occ.line], "src": [f, section, key, occ],
	}
}

# Icehouse: [keystone_authtoken] auth_host, auth_port (35357), auth_protocol (https).
refs contains r if {
	some [f, "keystone_authtoken", key, occ] in lib.keyed(["auth_host"])
	h := object.union(occ.host_refs[0], {"port": _auth_port(f)})
	scheme := _auth_protocol(f)
	r := {
		"class": "service", "host": h, "scheme": scheme, "port": h.port, "path": "",
		"endpoint": sprintf("%s://%s:%d", [scheme, h.host, h.port]), "node": f.node,
		"pos": [f.path, occ.line], "src": [f, "keystone_authtoken", key, occ],
	}
}

refs contains r if {
	some rc in input.rc
	v := rc.vars.OS_AUTH_URL
	h := v.url.hosts[0]
	r := {
		"class": "public", "host": h, "scheme": v.url.scheme, "port": h.port, "path": v.url.path,
		"endpoint": v.url.endpoint, "node": rc.node, "pos": [rc.path, v.line], "rc": rc,
	}
}

# where names a reference in messages.
where(r) := sprintf("%s OS_AUTH_URL", [r.rc.path]) if r.rc

else := lib.where(r.src[0], r.src[1], r.src[2])

# loc is a reference's location.
loc(r) := lib.rc_loc(r.rc, "OS_AUTH_URL") if r.rc

else := lib.loc(r.src[0], r.src[1], r.src[2], r.src[3])

_ref_class(f, section, key) := c if {
	section in _sections
	c := _class[key]
} else := c if {
	section == "DEFAULT"
	c := _legacy_default[key]
} else := "service" if {
	f.kind == "metadata_agent.ini"
	section == "DEFAULT"
	key == "auth_url"
}

_auth_port(f) := to_number(lib.last(f, "keystone_authtoken", "auth_port").value) if true

else := 35357

_auth_protocol(f) := lib.last(f, "keystone_authtoken", "auth_protocol").value if true

else := "https"

# records are the references as aggregate records, with no file or rc
# object in them: {class, host (the name as written), port, path,
# endpoint, node, pos, where, loc (as where(r) and loc(r) give them),
# reaches (lib.ident of its host), unresolved (the referring node cannot
# resolve it: SL-EP-004's)}. A virtual document: computed once per
# evaluation for every rule that reads it.
records contains x if {
	some r in refs
	[f, s, k, occ] := r.src
	x := {
		"class": r.class, "host": r.host.host, "port": r.port, "path": r.path, "endpoint": r.endpoint,
		"node": r.node, "pos": r.pos, "reaches": lib.ident(r.host), "unresolved": _unresolved(r.host),
		"where": lib.where(f, s, k), "loc": lib.loc(f, s, k, occ),
	}
}

records contains x if {
	some r in refs
	r.rc
	x := {
		"class": r.class, "host": r.host.host, "port": r.port, "path": r.path, "endpoint": r.endpoint,
		"node": r.node, "pos": r.pos, "reaches": lib.ident(r.host), "unresolved": _unresolved(r.host),
		"where": sprintf("%s OS_AUTH_URL", [r.rc.path]), "loc": lib.rc_loc(r.rc, "OS_AUTH_URL"),
	}
}

_unresolved(h) := true if lib.unresolved(h)

else := false
