# METADATA
# description: |
#   Views of the policy files: every rule with its location, the services'
#   API processes that read them, and the files a service reads on a node.
package stacklint.lib.policy

# api names the process that enforces each service's policies.
api := {"nova": "nova-api", "neutron": "neutron-server", "keystone": "keystone", "glance": "glance-api", "placement": "placement-api"}

# entries lists [policy document, rule name, rule] for every rule of every
# policy file that loaded and that its service reads (or whose reader is
# unknown: the node has no configuration for the service). Files no
# service reads are SL-POL-008's.
entries := [[p, name, r] |
	some p in input.policies
	not p.error
	read(p)
	some name, r in p.rules
]

# read is true for a policy file its service reads, or may read.
read(p) if p.read_as != ""

# loc is the location of a policy's name in its file.
loc(p, name, r) := {"path": p.path, "node": p.node, "line": r.line, "column": r.column, "key": name}

# at is the location of a check (or reference) inside a policy's value.
at(p, name, c) := {"path": p.path, "node": p.node, "line": c.line, "column": c.column, "key": name}

# where names a policy in a message: "nova policy 'x' (controller/etc/nova/policy.json)".
where(p, name) := sprintf("%s policy '%s' in %s", [p.service, name, p.path])

# config names the configuration file whose [oslo_policy] each service reads.
config := {"nova": "etc/nova/nova.conf", "neutron": "etc/neutron/neutron.conf", "keystone": "etc/keystone/keystone.conf", "glance": "etc/glance/glance-api.conf", "placement": "etc/placement/placement.conf"}

# setting is a node's policy_file or policy_dirs entry for a service.
setting(node, service, option) := [e | some e in input.nodes[node].policy_settings; e.service == service; e.option == option]

# base is the file name of a path.
base(path) := parts[count(parts) - 1] if parts := split(path, "/")
