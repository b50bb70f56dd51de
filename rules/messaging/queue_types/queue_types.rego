# METADATA
# title: RabbitMQ queue-type settings clash
# description: |
#   oslo.messaging declares its queues as quorum queues with
#   [oslo_messaging_rabbit] rabbit_quorum_queue = true, and refuses to start
#   ("RuntimeError") when rabbit_ha_queues is also true. Queues are shared
#   by every service on a virtual host, and RabbitMQ rejects a declaration
#   whose arguments differ from the existing queue (PRECONDITION_FAILED
#   inequivalent arg 'x-queue-type'): services on one vhost must agree.
#   Both options are judged in effect across the files each process loads
#   (dist file, main file, config-dir; nova-compute.conf after nova.conf);
#   an unset rabbit_quorum_queue has its release's default (false; no
#   such option before Yoga: classic queues). The existing queues' type
#   is in the broker, not in a file: a differing service is compared with
#   the setting most services on the vhost have (the first by path on a
#   tie), and the message says which.
# custom:
#   id: SL-MQ-005
#   scope: aggregate
#   severity: error
#   inputs: [config]
#   defaults:
#     - [nova.conf, oslo_messaging_rabbit, rabbit_quorum_queue]
#     - [neutron.conf, oslo_messaging_rabbit, rabbit_quorum_queue]
#     - [keystone.conf, oslo_messaging_rabbit, rabbit_quorum_queue]
#     - [glance-api.conf, oslo_messaging_rabbit, rabbit_quorum_queue]
#   remediation: |
#     Choose one queue type per virtual host: set rabbit_quorum_queue the
#     same way in every service on it, and drop rabbit_ha_queues when
#     using quorum queues (then delete the old queues once).
package stacklint.rules.messaging.queue_types

import data.stacklint.lib
import data.stacklint.lib.messaging as mq
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

_sec := "oslo_messaging_rabbit"

# _loads are the kinds a process reading a main file of this kind loads,
# in --config-file order (lib.effective adds each one's layers).
_loads := {
	"nova.conf": ["nova.conf"], "nova-compute.conf": ["nova.conf", "nova-compute.conf"],
	"nova-cpu.conf": ["nova-cpu.conf"], "neutron.conf": ["neutron.conf"],
	"keystone.conf": ["keystone.conf"], "glance-api.conf": ["glance-api.conf"],
}

# _schema_kind is the kind whose release default a file's options have.
_schema_kind(kind) := "nova.conf" if kind in {"nova-compute.conf", "nova-cpu.conf"}

else := kind

# _quorum is the setting of rabbit_quorum_queue for the process reading
# file f: written in effect, else f's release's default (undefined when
# the release's schema lacks it).
_quorum(f) := s if {
	s := lib.setting(input.nodes[f.node], _loads[f.kind], _sec, "rabbit_quorum_queue")
	s.written
} else := {"written": false, "file": f, "value": d.text, "release": f.release.name} if {
	d := input.defaults[f.release.name][_schema_kind(f.kind)][_sec].rabbit_quorum_queue
}

# aggregate: each process's clash of both queue options ({"both":
# finding}, its own node's files alone) and each rabbit connection's queue
# type ({"copy": {v, shown, loc, group, pos}}); the report compares the
# copies of a vhost over the fleet.
aggregate contains {"both": finding} if some finding in _both_true

aggregate contains {"copy": c} if some c in _copies

report contains r.both if some r in aggregate

_all_copies := {r.copy | some r in aggregate; r.copy}

report contains finding if {
	some group in {c.group | some c in _all_copies}
	copies := {c | some c in _all_copies; c.group == group}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s, but %s, on the same vhost %s (the queues' type is in the broker, not in a file: %s): one side's queue declarations fail with PRECONDITION_FAILED", [c.shown, r.shown, group[1], lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}

_both_true contains finding if {
	some node in input.nodes
	some f in node.files
	_loads[f.kind]
	not f.error
	[qf, q] := lib.effective(node, _loads[f.kind], _sec, "rabbit_quorum_queue")
	net.bool(q.value)
	[hf, h] := lib.effective(node, _loads[f.kind], _sec, "rabbit_ha_queues")
	net.bool(h.value)
	finding := {
		"message": sprintf("%s are both true: the service stops with RuntimeError at start", [_both(qf, hf)]),
		"locations": [lib.loc(qf, _sec, "rabbit_quorum_queue", q), lib.loc(hf, _sec, "rabbit_ha_queues", h)],
	}
}

# _both names the two options, each file once.
_both(qf, hf) := sprintf("%s and rabbit_ha_queues", [lib.where(qf, _sec, "rabbit_quorum_queue")]) if qf.path == hf.path

else := sprintf("%s and %s", [lib.where(qf, _sec, "rabbit_quorum_queue"), lib.where(hf, _sec, "rabbit_ha_queues")])

_copies contains c if {
	some b in mq.brokers
	b.driver == "rabbit"
	not b.default
	not b.unresolved
	f := b.file
	_loads[f.kind]
	c := object.union(_copy(f), {"group": [b.servers, b.vhost], "pos": [f.path, 0]})
}

# _copy is the queue type of the process reading f: the setting in effect,
# else classic queues when its release has no such option.
_copy(f) := {"v": _flag(s.value), "shown": sprintf("%s is %v", [lib.where(s.file, _sec, "rabbit_quorum_queue"), _flag(s.value)]), "loc": settings.at(s, _sec, "rabbit_quorum_queue")} if {
	s := _quorum(f)
	s.written
} else := {"v": _flag(s.value), "shown": settings.unset(s, _sec, "rabbit_quorum_queue"), "loc": settings.at(s, _sec, "rabbit_quorum_queue")} if {
	s := _quorum(f)
} else := {"v": false, "shown": sprintf("%s is not set (classic queues)", [lib.where(f, _sec, "rabbit_quorum_queue")]), "loc": lib.unset_loc(f, _sec, "rabbit_quorum_queue")}

_flag(v) := true if net.bool(v)

else := false
