# METADATA
# description: |
#   The RPC broker each service file connects to, from transport_url or
#   from the Icehouse-era rpc_backend with rabbit_* / qpid_* options (and
#   their defaults: localhost, port 5672, user guest).
package stacklint.lib.messaging

import data.stacklint.lib

# rpc_kinds are the files of services that use RPC, by service.
rpc_kinds := {"nova.conf": "nova", "nova-compute.conf": "nova", "neutron.conf": "neutron", "cinder.conf": "cinder"}

_rabbit_sections := ["DEFAULT", "oslo_messaging_rabbit"]

# legacy_keys are the pre-transport_url messaging options.
legacy_keys := {
	"rpc_backend", "rabbit_host", "rabbit_hosts", "rabbit_port", "rabbit_userid", "rabbit_password",
	"rabbit_virtual_host", "qpid_hostname", "qpid_hosts", "qpid_port", "qpid_username", "qpid_password",
}

# brokers contains one connection per file that sets one:
# {file, service, driver, servers (sorted "ident:port"), vhost, user,
#  password (fingerprint or "default:<value>"), label, at, legacy, default,
#  masked? (sos masked its password: its servers are unknown too)}
# where default means no broker option is set at all (localhost).
brokers contains b if {
	some node in input.nodes
	some f in node.files
	not f.error
	occ := lib.last(f, "DEFAULT", "transport_url")
	u := occ.url
	b := {
		"file": f, "service": object.get(rpc_kinds, f.kind, f.kind), "driver": _driver(u.driver),
		"servers": sort({sprintf("%s:%d", [lib.ident(h), h.port]) | some h in u.hosts}),
		"vhost": _vhost(u.vhost), "user": object.get(u, "user", ""),
		"password": object.get(u, "password_fp", ""), "label": _fp_label(object.get(u, "password_fp", "")),
		"at": lib.loc(f, "DEFAULT", "transport_url", occ), "legacy": false, "default": false,
		"unresolved": count({1 | some h in u.hosts; lib.unresolved(h)}) > 0,
		"masked": _masked(u),
	}
}

# _masked: sos masked the URL's password; its mask (a greedy pattern over
# the whole URL) keeps only the last host of a list, so the servers are
# unknown too.
_masked(u) if u.password_masked

_masked(u) if {
	some h in u.hosts
	h.password_masked
}

default _masked(_) := false

brokers contains b if {
	some node in input.nodes
	some f in node.files
	rpc_kinds[f.kind]
	not f.error
	not lib.has(f, "DEFAULT", "transport_url")
	driver := _legacy_driver(f)
	[hkey, hsec, refs] := _legacy_hosts(f, driver)
	port := _legacy_port(f, driver)
	[pw, label] := _legacy_password(f, driver)
	b := {
		"file": f, "service": rpc_kinds[f.kind], "driver": driver,
		"servers": sort({_server(h, port) | some h in refs}),
		"vhost": _legacy_opt(f, "rabbit_virtual_host", "/"), "user": _legacy_user(f, driver),
		"password": pw, "label": label,
		"at": _at(f, hsec, hkey), "legacy": true, "default": count({1 | not lib.has(f, hsec, hkey)}) == 1,
		"unresolved": count({1 | some h in refs; lib.unresolved(h)}) > 0,
	}
}

# An empty URL path is the default virtual host "/".
_vhost("") := "/"

_vhost(v) := v if v != ""

# kombu:// is an alias of rabbit://.
_driver("kombu") := "rabbit"

_driver(d) := d if d != "kombu"

_fp_label(fp) := "(empty)" if fp == ""

else := sprintf("fp:%s", [fp])

# _legacy_driver: rpc_backend names qpid, else rabbit (the default).
_legacy_driver(f) := "qpid" if contains(lib.last(f, "DEFAULT", "rpc_backend").value, "qpid")

else := "rabbit"

# _find is [section, occurrence] of a legacy option in [DEFAULT] or
# [oslo_messaging_rabbit] (the later section wins, as oslo.config's
# deprecated-group lookup prefers the new group).
_find(f, key) := [s, lib.last(f, s, key)] if {
	found := [s | some s in _rabbit_sections; lib.has(f, s, key)]
	s := found[count(found) - 1]
}

_legacy_opt(f, key, default_value) := _find(f, key)[1].value if true

else := default_value

# _legacy_hosts: rabbit_hosts (qpid_hosts) wins over rabbit_host (qpid_hostname).
_legacy_hosts(f, driver) := [key, s, occ.host_refs] if {
	key := _host_keys[driver][0]
	[s, occ] := _find(f, key)
} else := [key, s, occ.host_refs] if {
	key := _host_keys[driver][1]
	[s, occ] := _find(f, key)
} else := [_host_keys[driver][1], "DEFAULT", [{"host": "localhost", "resolved": ["127.0.0.1"]}]]

_host_keys := {"rabbit": ["rabbit_hosts", "rabbit_host"], "qpid": ["qpid_hosts", "qpid_hostname"]}

_legacy_port(f, driver) := to_number(_find(f, sprintf("%s_port", [driver]))[1].value) if true

else := 5672

_server(h, port) := sprintf("%s:%d", [lib.ident(h), h.port]) if h.port > 0

else := sprintf("%s:%d", [lib.ident(h), port])

_legacy_user(f, "rabbit") := _legacy_opt(f, "rabbit_userid", "guest")

_legacy_user(f, "qpid") := _legacy_opt(f, "qpid_username", "")

_legacy_password(f, driver) := [occ.fp, lib.label(occ)] if {
	[_, occ] := _find(f, {"rabbit": "rabbit_password", "qpid": "qpid_password"}[driver])
} else := ["default:guest", "(default 'guest')"] if {
	driver == "rabbit"
} else := ["", "(empty)"]

_at(f, section, key) := lib.loc(f, section, key, lib.last(f, section, key)) if lib.has(f, section, key)

else := {"path": f.path, "node": f.node, "section": section, "key": key}

# show renders a broker connection without its password.
show(b) := sprintf("%s://%s@%s/%s", [b.driver, b.user, concat(",", b.servers), trim_prefix(b.vhost, "/")])

# where names the option a broker connection comes from.
where(b) := lib.where(b.file, b.at.section, b.at.key)
