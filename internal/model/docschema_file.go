package model

// fileErrorField is a file oslo.config (or its parser) refuses.
func fileErrorField() *Field {
	return obj("The error the service would raise reading the file.",
		key("message", str("the parser's message (never quoting the file's text beyond syntax tokens)")),
		key("line", integer("its line")),
		key("column", integer("its column")),
		key("decode", boolean("invalid UTF-8: the service dies with a traceback")),
	)
}

// fileField is one file of a node (nodes.<n>.files.<path>).
func fileField() *Field {
	return obj("One file of a node, parsed by its kind.",
		ex(key("kind", fileKind("the file kind (snapshot/classify.go); in a container, the kind of dest")), `"nova.conf"`),
		ex(key("path", str("the path in the snapshot (node folder first)")), `"compute1/etc/nova/nova.conf"`),
		key("node", str("the node's name")),
		opt("dest", str("where it lands in its container (kolla-ansible config.json, TripleO): kind is that path's")),
		opt("container", str("kolla's container folder, TripleO's service folder (lib.where names it)")),
		opt("link_of", str("the path below the node of the file this one is a symbolic link to")),
		opt("error", fileErrorField()),
		opt("release", ref("release_pick")),
		opt("directives", listOf(obj("",
			key("line", integer("")),
			key("name", str("the directive's name as written")),
			key("args", strs("its arguments")),
			key("block", str("the innermost enclosing section (\"\" at top level)")),
			opt("blocks", strs("httpd: every enclosing section, outermost first")),
		), "Host files (sysctl, httpd, sshd, ...): their directives in file order.")),
		opt("repository", str("keystone-key: the key repository folder's name")),
		opt("name", str("keystone-key: the key file's name")),
		opt("fp", str("keystone-key: the key's fingerprint")),
		opt("ceph", mapOf("section as written", mapOf("normalised option name", obj("",
			opt("value", str("the value (not a secret)")),
			opt("fp", str("the fingerprint of a key or secret")),
			key("line", integer("")),
		), ""), "ceph.conf and ceph keyrings.")),
		opt("sections", mapOf("section (oslo-normalised: DEFAULT kept, others lower-case)", mapOf("option as written", listOf(ref("occurrence"), "every occurrence, in file order"), ""), "An INI file's options (oslo.config's view).")),
		opt("headers", listOf(obj("",
			key("name", str("section as written")),
			key("line", integer("")),
		), "An INI file's section headers in file order.")),
		opt("addresses", listOf(obj("",
			key("address", str("")),
			key("line", integer("")),
		), "Interface files (netif): the addresses they configure.")),
	)
}

// occurrenceField is one occurrence of an option in an INI file.
func occurrenceField() *Field {
	return obj("One occurrence of an option (values.go, textfacts.go): the value and what it means. Secret values are never here: value is then a fingerprint label and fp its fingerprint.",
		ex(key("value", str("the value as oslo.config reads it (quotes stripped, continuations joined, $-substituted); a secret's fingerprint label")), `"controller"`),
		key("line", integer("1-based")),
		key("column", integer("1-based, of the value")),
		key("end_line", integer("last line (continuations)")),
		key("header", str("the section header as written")),
		opt("secret", boolean("the option is a secret (schema, name or URL password)")),
		opt("fp", ex(str("the secret's fingerprint"), `"fp:3fa1c2"`)),
		opt("masked", boolean("a collection tool masked the value (sos: *********): no fp")),
		opt("empty", boolean("a secret set to nothing")),
		opt("has_dollar", boolean("a secret holding $, which oslo.config substitutes")),
		opt("weak", boolean("a weak password")),
		opt("template", boolean("a secret referring to other options with $")),
		opt("template_missing", boolean("one of those is not set")),
		opt("placeholders", strs("placeholders left from a template (CHANGE_ME, RABBIT_PASS, ...)")),
		opt("look_alike", str("the ASCII look-alike of a value holding confusable characters")),
		opt("key_look_alike", str("the ASCII look-alike of the option name")),
		opt("inline_comment", boolean("the value holds what looks like a comment (oslo.config keeps it)")),
		opt("comment_marker", str("that comment's marker")),
		opt("continuation_option", integer("a continuation line that looks like an option of its own: its line")),
		opt("substituted", boolean("$-substitution changed the value")),
		opt("missing", strs("the $references that name no option")),
		opt("substitution_truncated", boolean("substitution stopped at the file's budget")),
		opt("secret_parts", boolean("a substituted value holding a secret: no derived facts")),
		opt("raw", str("the value before substitution (secrets redacted)")),
		opt("ip", str("the value as an IP address, normalised")),
		opt("loopback", boolean("that address is loopback or unspecified")),
		opt("url", ref("url")),
		opt("host_refs", listOf(ref("host_ref"), "host-list options: each host")),
		opt("schema", ref("option_schema")),
	)
}

// optionSchemaField is what the release's schema says of an option.
func optionSchemaField() *Field {
	return obj("What the schema of the release the service is checked against says of the option (schemafacts.go; docs/schema.md).",
		key("status", oneOf("", "ok", "unknown", "deprecated", "invalid")),
		opt("type", str("oslo.config type")),
		opt("below_oldest", boolean("release older than the oldest schema: names and types only")),
		opt("at_oldest", str("the oldest schema's release, used for an older service")),
		opt("replacements", strs("deprecated: group/option to use instead")),
		opt("removal", boolean("marked for removal")),
		opt("since", str("with removal: release that deprecated it")),
		opt("removed_in", str("with removal: the first release without it")),
		opt("error", str("invalid: oslo.config's conversion error")),
		opt("deprecated", boolean("invalid: the option is also deprecated")),
		opt("section_unknown", boolean("unknown: no option of the kind lives in this section")),
		opt("section_suggest", str("the section meant")),
		opt("dead", boolean("unknown: no process reads this kind of file any more")),
		opt("group", str("unknown: the group the option belongs in")),
		opt("option", str("unknown: the option meant (a typo)")),
		opt("lowercase", str("unknown: the name in lower case")),
		opt("lowercase_known", boolean("some release reads that")),
		opt("read_until", str("unknown: the last release that read it")),
		opt("never_read", boolean("read by no release from Icehouse on")),
		opt("read_by", str("another kind of file whose service reads it")),
	)
}

// urlField is a URL value as its consumer reads it (url.go).
func urlField() *Field {
	return obj("A URL value as its consumer reads it; the first host's facts are repeated at the top.",
		ex(key("scheme", str("as written")), `"mysql+pymysql"`),
		key("driver", str("the driver: mysql, rabbit, http, ...")),
		key("path", str("")),
		key("query", str("")),
		key("hosts", listOf(ref("host_ref"), "each host, with its default port filled in")),
		opt("error", str("why the URL does not parse")),
		opt("host", str("the first host")),
		opt("port", integer("")),
		opt("user", str("")),
		opt("address", str("host:port")),
		opt("password_fp", str("")),
		opt("resolved", strs("")),
		opt("near", str("")),
		key("vhost", str("the path without its /: a RabbitMQ virtual host")),
		key("database", str("the same: a database name")),
		key("endpoint", str("scheme://host:port of the first host, without path")),
	)
}

// hostRefField is a host of a URL or of a host-list option.
func hostRefField() *Field {
	return obj("A host a value names and how the node resolves it (hostref.go).",
		key("host", str("lower-cased")),
		key("port", integer("the port, the driver's default when not written (0: none)")),
		opt("user", str("URL: the user")),
		opt("address", str("URL: host:port")),
		opt("password_fp", str("URL: the password's fingerprint")),
		opt("password_empty", boolean("")),
		opt("password_weak", boolean("")),
		opt("password_masked", boolean("sos masked it")),
		opt("password_placeholder", str("the placeholder written as password")),
		opt("resolved", strs("the addresses the node resolves it to (/etc/hosts, literal addresses)")),
		opt("reaches", str("the node it reaches, when the node itself")),
		opt("near", str("an unknown name: the closest /etc/hosts name")),
	)
}
