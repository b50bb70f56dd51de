# METADATA
# title: Node's own hostname resolves to a loopback address
# description: |
#   Debian and Ubuntu write "127.0.1.1 <hostname>" into /etc/hosts. Services
#   that resolve their own hostname (RabbitMQ and its Erlang node name,
#   Galera, OVN chassis, anything registering "its" address) then get
#   127.0.1.1, advertise it to peers and bind to it. The networking install
#   guide says to comment out that entry, keeping 127.0.0.1 localhost.
# custom:
#   id: SL-HOST-002
#   scope: node
#   severity: warning
#   inputs: [hosts]
#   remediation: |
#     Comment out the 127.0.1.1 line and map the hostname to the node's
#     management address.
package stacklint.rules.host.hostname_loopback

report contains finding if {
	some name, node in input.nodes
	some e in node.self_loopback
	finding := {
		"message": sprintf("%s maps %s's own name '%s' to %s: services on %s resolve themselves to loopback and advertise it to their peers", [node.hosts_path, name, e.name, e.addr, name]),
		"locations": [{"path": node.hosts_path, "node": name, "line": e.line, "column": 1}],
	}
}
