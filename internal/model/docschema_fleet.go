package model

// rcField is one shell rc file (the top-level rc).
func rcField() *Field {
	return obj("A shell rc file (admin-openrc, ...): the variables it sets.",
		key("path", str("its path in the snapshot")),
		key("node", str("its node (\"\": loose in the snapshot's top)")),
		key("name", str("its file name")),
		opt("error", fileErrorField()),
		key("vars", mapOf("variable name (OS_AUTH_URL, ...)", obj("",
			key("line", integer("")),
			key("column", integer("")),
			key("exported", boolean("export NAME=...")),
			key("dynamic", boolean("set from a command or an unknown variable")),
			opt("value", str("its value; a secret's fingerprint label")),
			opt("secret", boolean("a secret variable (OS_PASSWORD, ...)")),
			opt("fp", str("the secret's fingerprint")),
			opt("empty", boolean("")),
			opt("weak", boolean("")),
			opt("masked", boolean("sos masked it")),
			opt("placeholders", strs("")),
			opt("url", ref("url")),
		), "")),
	)
}

// policyField is one policy file (the top-level policies).
func policyField() *Field {
	return obj("A policy.json or policy.yaml file as oslo.policy reads it (policyfacts.go).",
		key("path", str("its path in the snapshot")),
		key("node", str("its node")),
		key("service", str("the service it belongs to")),
		key("read_as", &Field{Kind: KindString, Nullable: true, OneOf: []string{"policy_file", "policy_dirs", ""},
			Doc: "how the service's configuration reads it: as its policy_file, from policy_dirs, not at all (\"\"), or null when no configuration was found"}),
		opt("loader", str("json or yaml: the loader that read it")),
		opt("error", fileErrorField()),
		key("rules", mapOf("policy name", ref("policy_rule"), "Every rule of the file (the last of duplicates, with every line).")),
	)
}

// policyRuleField is one rule of a policy file.
func policyRuleField() *Field {
	return obj("One policy rule: its text, oslo.policy's parse of it and how the release registers the name.",
		key("kind", str("how it is written (string, list, ...)")),
		key("expr", str("the rule as written")),
		key("line", integer("")),
		key("column", integer("")),
		opt("lines", listOf(integer(""), "every line defining the name (duplicates)")),
		key("status", oneOf("oslo.policy's verdict", "ok", "syntax_error", "check_error", "exception")),
		key("messages", strs("oslo.policy's messages")),
		opt("str", str("oslo.policy's str() of the parsed rule")),
		opt("allows_all", boolean("the rule lets everyone through")),
		opt("default_allows_all", boolean("the registered default lets everyone through")),
		opt("ast", ref("policy_ast")),
		key("checks", listOf(obj("",
			key("class", str("oslo.policy's check class (RoleCheck, GenericCheck, RuleCheck, ...)")),
			key("kind", str("the kind before the colon")),
			key("match", str("after the colon")),
			key("negated", boolean("under a not")),
			key("line", integer("")),
			key("column", integer("")),
			opt("near", str("an unknown kind: the kind meant")),
		), "Every check of the rule.")),
		key("refs", listOf(obj("",
			key("name", str("the rule referred to (rule:NAME)")),
			key("negated", boolean("")),
			key("line", integer("")),
			key("column", integer("")),
			key("defined", oneOf("where it is defined", "file", "registered", "")),
		), "Every rule:NAME reference.")),
		opt("registered", obj("How the release registers the name (absent: no release or no defaults).",
			key("status", oneOf("", "registered", "deprecated", "unknown", "policy_default_rule")),
			opt("release", str("the release of the schema")),
			opt("default", str("registered: its default")),
			opt("same_as_default", boolean("registered: the file repeats it")),
			opt("has_deprecated", boolean("registered: it has a deprecated name or check")),
			opt("renamed_to", strs("deprecated: its new names")),
			opt("suggestion", str("unknown: the name meant")),
		)),
		opt("stock", strs("old releases whose stock policy.json had this value")),
	)
}

// policyASTField is a node of a policy rule's parse tree (recursive).
func policyASTField() *Field {
	return obj("A node of oslo.policy's parse tree of a rule.",
		key("op", str("and, or, not, check, string, ...")),
		opt("class", str("check: its class")),
		opt("kind", str("check: its kind")),
		opt("match", str("check or string: the match")),
		key("line", integer("")),
		key("column", integer("")),
		opt("children", listOf(ref("policy_ast"), "its operands")),
	)
}

// hostsConflictField is one /etc/hosts entry in conflict.
func hostsConflictField() *Field {
	return obj("An /etc/hosts entry that maps a name to other addresses than the authority (hostsfacts.go).",
		key("name", str("the host name")),
		key("node", str("the node whose /etc/hosts differs")),
		key("path", str("")),
		key("line", integer("")),
		key("addrs", str("its addresses, comma-joined")),
		key("ref_node", str("the reference copy's node")),
		key("ref_path", str("")),
		key("ref_line", integer("")),
		key("ref_addrs", str("")),
		key("basis", oneOf("what the reference is", "interfaces", "majority")),
		opt("target", str("interfaces: the named node")),
		opt("iface_path", str("interfaces: the interface file")),
		opt("iface_line", integer("")),
		opt("iface_addrs", str("interfaces: the node's addresses, comma-joined")),
		opt("why", str("majority: why no authority applies")),
		opt("ref_count", integer("majority: copies agreeing with the reference")),
		opt("copies", integer("majority: copies in all")),
	)
}

// roleDriftField is one file differing from its role group's majority.
func roleDriftField() *Field {
	return obj("An option most nodes running the same services share, in a file that differs (drift.go).",
		key("kind", str("the file kind")),
		key("services", str("the services of the group, joined")),
		key("members", integer("files compared")),
		key("keys", integer("options compared")),
		key("node", str("")),
		key("file", str("path below the node")),
		key("section", str("")),
		key("key", str("")),
		key("value", str("this file's value (a secret's fingerprint)")),
		key("majority", str("the majority's value")),
		key("secret", boolean("")),
		key("address", boolean("the value is an address")),
		key("names_node", boolean("the value names the node itself")),
	)
}
