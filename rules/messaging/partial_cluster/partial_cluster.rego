# METADATA
# title: A service lists only part of the RabbitMQ cluster
# description: |
#   With a clustered broker, oslo.messaging fails over only to the hosts
#   its transport_url lists. When other services list three cluster nodes
#   and a service lists one or two of them, that service loses RPC as soon
#   as its hosts go down, while its peers carry on: the outage looks like a
#   bug in one service. (Nodes of one service that disagree are SL-MQ-002;
#   this rule compares whole services.)
# custom:
#   id: SL-MQ-006
#   scope: aggregate
#   severity: warning
#   inputs: [config]
#   remediation: |
#     List every broker node (or one virtual IP) in the transport_url of
#     every service: rabbit://openstack:RABBIT_PASS@mq1:5672,openstack:RABBIT_PASS@mq2:5672,...
package stacklint.rules.messaging.partial_cluster

import data.stacklint.lib
import data.stacklint.lib.messaging as mq

# aggregate: each written rabbit connection, as {"rabbit": {service,
# servers, vhost, where, at}} (at names its file and node); the report
# compares the services of a vhost over the fleet.
aggregate contains {"rabbit": r} if {
	some b in mq.brokers
	not b.masked # sos masked the URL: its servers are unknown
	b.driver == "rabbit"
	not b.default
	not b.unresolved
	r := {"service": b.service, "servers": b.servers, "vhost": b.vhost, "where": mq.where(b), "at": b.at}
}

_rabbit := [r.rabbit | some r in aggregate; r.rabbit]

# _cluster: per vhost, every broker host that some multi-host URL lists.
_cluster := {vhost: hosts |
	some vhost in {b.vhost | some b in _rabbit}
	hosts := {s | some b in _rabbit; b.vhost == vhost; count(b.servers) > 1; some s in b.servers}
	count(hosts) > 1
}

report contains finding if {
	some service in {b.service | some b in _rabbit}
	mine := [b | some b in _rabbit; b.service == service]
	count({b.servers | some b in mine}) == 1 # the service agrees with itself
	b := sort([[b.at.path, b] | some b in mine])[0][1]
	hosts := _cluster[b.vhost]
	have := {s | some s in b.servers}
	have & hosts == have # it lists cluster hosts, not a virtual IP
	missing := hosts - have
	count(missing) > 0
	finding := {
		"message": sprintf("%s lists %s, but the broker cluster of vhost %s also has %s: %s loses RPC when its listed hosts fail", [b.where, concat(",", b.servers), b.vhost, concat(",", sort(missing)), service]),
		"locations": [b.at],
	}
}
