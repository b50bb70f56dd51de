# METADATA
# description: Builders for the model documents the rules' unit tests use.
package stacklint.fixtures

# occ is one occurrence: an object is taken as is, a string becomes a value
# on line 1.
occ(v) := v if is_object(v)

else := {"value": v, "line": 1, "column": 1}

# secret is an occurrence of a secret option shown by its fingerprint.
secret(fp, line) := {"value": sprintf("fp:%s", [fp]), "fp": fp, "secret": true, "empty": fp == "", "line": line, "column": 1}

# at is a plain value on a given line.
at(v, line) := {"value": v, "line": line, "column": 1}

# file is a file document; sections maps section → key → value or occurrence.
file(node, kind, path, sections) := {
	"kind": kind, "path": sprintf("%s/%s", [node, path]), "node": node,
	"sections": {s: {k: [occ(v)] | some k, v in keys} | some s, keys in sections},
}

# node is a node document holding files.
node(name, services, files) := {
	"name": name, "hostname": name, "services": services, "roles": [],
	"addresses": [], "known_addresses": [], "interface_addresses": [], "interfaces": {},
	"files": {f.path: f | some f in files},
}

# node_below is node with its files keyed as the model keys them: by the
# path below the node ("etc/ceph/ceph.conf" for "c1/etc/ceph/ceph.conf").
node_below(name, services, files) := object.union(object.remove(node(name, services, []), ["files"]), {"files": {substring(f.path, count(name) + 1, -1): f | some f in files}})

# deployment is a model document of nodes.
deployment(nodes) := {"nodes": {n.name: n | some n in nodes}, "owners": {}, "known_owners": {}, "rc": [], "policies": [], "problems": []}

# released is a deployment checked against one release (name = series,
# from source) everywhere: the run's release, every node's services' and
# every file's ("" series: no release).
released(d, series, source) := released_as(d, series, series, source)

# released_as is released with a release name other than its series.
released_as(d, name, series, source) := object.union(d, {
	"release": {"name": name, "series": series, "source": source},
	"nodes": {name: object.union(n, {
		"releases": {svc: r | some svc in ["cinder", "glance", "keystone", "neutron", "nova", "placement"]},
		"files": {p: object.union(f, {"release": r}) | some p, f in n.files},
	}) | some name, n in d.nodes},
}) if {
	series != ""
	r := {"name": name, "series": series, "source": source}
}

else := d

# loc is the location a finding names for a key of a test file.
loc(f, section, key, line) := {"path": f.path, "node": f.node, "line": line, "column": 1, "section": section, "key": key}

# transport is a transport_url occurrence with its URL facts.
transport(driver, host, vhost, user, fp, line) := {
	"value": "(url)", "line": line, "column": 1,
	"url": {
		"scheme": driver, "driver": driver, "vhost": vhost, "user": user, "password_fp": fp,
		"hosts": [{"host": host, "port": 5672, "user": user, "password_fp": fp}],
	},
}

# url is an occurrence of a URL-valued option: host resolved to addresses.
url(scheme, host, port, path, resolved, line) := {
	"value": sprintf("%s://%s:%d%s", [scheme, host, port, path]), "line": line, "column": 1,
	"url": {
		"scheme": scheme, "driver": scheme, "path": path, "endpoint": sprintf("%s://%s:%d", [scheme, host, port]),
		"hosts": [{"host": host, "port": port, "resolved": resolved}],
	},
}

# prule is a policy rule as the model holds it: a check string with its
# parse (status, normalised string), checks and references.
prule(line, expr, status, checks, refs) := {
	"kind": "string", "expr": expr, "line": line, "column": 3, "lines": [line],
	"status": status, "messages": [], "str": expr, "allows_all": expr == "",
	"checks": checks, "refs": refs,
}

# pcheck is a check of a policy rule on line 2.
pcheck(kind, match) := {"class": "GenericCheck", "kind": kind, "match": match, "negated": false, "line": 2, "column": 10}

# policies is a model document holding policy files (service nova, node c).
policies(files) := {"nodes": {}, "policies": [{"path": sprintf("c/etc/nova/%s", [name]), "node": "c", "service": "nova", "read_as": "policy_file", "loader": "json", "rules": rules} | some name, rules in files]}
