package stacklint.rules.glance.local_store_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.glance.local_store as rule

_g(name, store) := fx.node(name, ["glance-api"], [fx.file(name, "glance-api.conf", "etc/glance/glance-api.conf", {"glance_store": {"default_store": store}})])

test_one_node if {
	r := rule.report with input as fx.deployment([_g("c1", "file")])
	r == set()
}

test_rbd if {
	r := rule.report with input as fx.deployment([_g("c1", "rbd"), _g("c2", "rbd")])
	r == set()
}

test_two_file_nodes if {
	r := rule.report with input as fx.deployment([_g("c1", "file"), _g("c2", "file")])
	r == {{
		"message": "glance-api runs on c1, c2 with the file store as default: images uploaded through one node are missing on the others unless the image directory is shared storage",
		"locations": [{"path": "c1/etc/glance/glance-api.conf", "node": "c1", "section": "glance_store"}],
	}}
}
