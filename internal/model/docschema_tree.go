package model

import (
	"github.com/stacklint/stacklint/internal/snapshot"
)

// DocSchema is the description of the model document, the input of every
// rule: its single source of truth (docs/model.md is generated from it;
// TestDocumentsConform checks every testdata deployment's and scenario's
// document against it). The file kinds and node layouts are derived from
// internal/snapshot's lists; the rest is written here, as the builders
// assemble the document from maps.
func DocSchema() *Schema {
	s := &Schema{Named: map[string]*Field{}}
	def := func(name string, f *Field) {
		s.Named[name] = f
		s.Order = append(s.Order, name)
	}
	def("node", nodeField())
	def("file", fileField())
	def("occurrence", occurrenceField())
	def("option_schema", optionSchemaField())
	def("url", urlField())
	def("host_ref", hostRefField())
	def("release_pick", releasePickField())
	def("interface", interfaceField())
	def("process", processField())
	def("rc_file", rcField())
	def("policy_file", policyField())
	def("policy_rule", policyRuleField())
	def("policy_ast", policyASTField())
	def("hosts_conflict", hostsConflictField())
	def("role_drift", roleDriftField())
	s.Root = rootField()
	return s
}

// rootField is the document's top level.
func rootField() *Field {
	return obj("The document every rule receives as `input`.",
		ex(key("model_version", integer("The version of this schema (model.Version): rules may check it to refuse a document they do not know.")), "1"),
		key("nodes", mapOf("node name (the snapshot's folder of the node)", ref("node"), "Every node of the snapshot.")),
		key("hosts", mapOf("hosts_id (nodes.<n>.hosts_id)", mapOf("host name as written", strs(""), "name -> its addresses in file order"), "Each distinct /etc/hosts, stored once for the nodes sharing it.")),
		key("owners", mapOf("address", str("node name"), "The node holding each address: its interface files and an undisputed `my_ip` (see nodes.<n>.disputed_addresses).")),
		key("known_owners", mapOf("address", str("node name"), "As owners, from the interface files and /etc/hosts entries naming the node only (no `my_ip`).")),
		ex(key("file_kinds", listOf(fileKind("a file kind"), "The kinds of the files some node holds, sorted: a rule skips records for checks no node has input for.")), `["hostname", "hosts", "nova.conf"]`),
		key("index", indexField()),
		key("rc", listOf(ref("rc_file"), "Every shell rc file (admin-openrc, ...), of nodes and loose in the snapshot's top.")),
		key("policies", listOf(ref("policy_file"), "Every policy.json/policy.yaml file, parsed as oslo.policy reads it.")),
		key("problems", listOf(obj("",
			key("path", str("the path, as the snapshot shows it")),
			key("message", str("why it was not read")),
			key("kind", str("the kind of problem: too-big, unreadable, too-deep (httpd includes nested too deep), ...")),
		), "Parts of the snapshot not read (Snapshot.ProblemDocs), and httpd files nested too deep.")),
		key("leftovers", listOf(obj("",
			key("path", str("the copy's path")),
			key("node", str("its node")),
			key("of", str("the path of the file it is a copy of")),
		), ".rpmnew/.dpkg-dist/... copies of known INI files, which no service reads.")),
		key("hosts_conflicts", listOf(ref("hosts_conflict"), "/etc/hosts entries that give a name other addresses than the authority (issue 17).")),
		key("role_drift", listOf(ref("role_drift"), "Options that most nodes running the same services share, with each file that differs.")),
		key("release", releaseChoiceField()),
		key("params", mapOf("rule id", mapOf("parameter name", anyValue("its value"), ""), "Every rule's parameters (custom.params of its METADATA), overridden by .stacklint.yaml; added by lint.")),
		key("defaults", mapOf("release name", mapOf("schema kind (nova, neutron, ...)", mapOf("option group", mapOf("option name", obj("",
			key("text", str("the default as a sample config writes it, after $-substitution")),
			key("host", boolean("computed on the host at start-up: text then holds a placeholder such as <host_ipv4>")),
		), ""), ""), ""), "For every release a service is checked against, the default of every option a rule lists in custom.defaults; added by lint (lint.optionDefaults).")),
	)
}

// fileKind is a string taking the values of snapshot.Kinds.
func fileKind(doc string) *Field {
	f := oneOf(doc, snapshot.Kinds()...)
	f.From = "snapshot.Kinds()"
	return f
}

// releaseChoiceField is the document's "release": the release most
// services are checked against (release.Choice.Doc).
func releaseChoiceField() *Field {
	return obj("The release most services are checked against (--release, release: in .stacklint.yaml, or auto); added by lint.",
		ex(key("name", str("release name (zed, 2023.1, ...); empty when auto found none")), `"2024.1"`),
		key("series", str("its series (2022.2 for zed); orders releases as strings do")),
		key("source", str("--release, the config file's name, or auto")),
		key("why", str("what auto based its choice on, or why it made none")),
	)
}

// releasePickField is the release one service, or one file, is checked
// against.
func releasePickField() *Field {
	return obj("The release a service (or a file) is checked against.",
		key("name", str("release name")),
		key("series", str("its series")),
		key("source", str("how it was chosen: --release, the config file, auto, SERVICE=RELEASE")),
		key("why", str("what the choice rests on")),
		opt("below_oldest", boolean("older than the oldest release stacklint embeds a schema for: only option names and types are checked")),
	)
}

// indexField is the document's "index".
func indexField() *Field {
	return obj("Lookups computed over every node's files so that rules need not scan them (index.go; lib.keyed, lib.flagged). No list is empty: an option, kind or fact nothing has is absent.",
		key("keys", mapOf("option name", listOf(strs("[node, file path below node, section]"), ""), "Where each option is set.")),
		key("kinds", mapOf("file kind", listOf(strs("[node, file path below node]"), ""), "The files of each kind.")),
		key("facts", mapOf("fact (placeholders, empty_secret, empty_url_password, weak_secret, unresolved, ...)", listOf(strs("[node, file, section, key]"), ""), "The occurrences that carry each fact.")),
	)
}
