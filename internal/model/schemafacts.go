package model

import (
	"strings"

	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/oslo"
)

// SchemaKind is the schema a file kind is validated with: the files a
// process loads beside its main file register the same options
// (nova-compute.conf, devstack's nova-cpu.conf, RDO's nova-dist.conf and
// the nova.conf.d config-dir are read with nova.conf's options; plugin.ini
// is ml2_conf.ini; RDO's neutron conf.d folders are neutron.conf's).
func SchemaKind(kind string) string {
	switch kind {
	case "nova-compute.conf", "nova-cpu.conf", "nova-dist.conf", "nova.conf.d":
		return "nova.conf"
	case "plugin.ini":
		return "ml2_conf.ini"
	case "neutron-dist.conf", "neutron.conf.d", "neutron-conf.d":
		return "neutron.conf"
	case "keystone-dist.conf", "keystone.conf.d":
		return "keystone.conf"
	case "glance-api-dist.conf", "glance-api.conf.d":
		return "glance-api.conf"
	case "cinder-dist.conf", "cinder.conf.d":
		return "cinder.conf"
	}
	return kind
}

// schemaFacts adds the option schema's verdict to the occurrences of a key:
// "schema": {status: unknown|deprecated|invalid|ok, ...}. Unknown keys carry
// a suggestion (group: the option belongs in another section; option: the
// closest name); deprecated keys the options they feed; invalid values the
// conversion error oslo.config raises (never the value of a secret); ok and
// deprecated options deprecated for removal have removal (and since).
func (b *nodeBuilder) schemaFacts(kind string, f *oslo.File, section string, k *oslo.Key, occ []any) {
	pick := b.pickFor(kind)
	kind = SchemaKind(kind)
	if pick == nil || !pick.Schema.Has(kind) {
		return
	}
	sch := pick.Schema
	auth := AuthType(f, section)
	section = SchemaGroup(kind, f, section, k.Name)
	v := sch.Resolve(kind, section, k.Name, auth)
	fact := map[string]any{"status": string(v.Status)}
	if v.Opt != nil {
		fact["type"] = v.Opt.Type
	}
	if pick.BelowOldest {
		fact["below_oldest"] = true
	}
	if pick.Oldest {
		fact["at_oldest"] = pick.Name
	}
	switch v.Status {
	case schema.Unknown:
		b.unknownFacts(sch, fact, kind, f, section, k.Name, auth)
	case schema.Deprecated:
		refs := make([]any, len(v.Refs))
		for i, r := range v.Refs {
			refs[i] = r.Group + "/" + r.Key
		}
		fact["replacements"] = refs
	}
	if v.Opt != nil && v.Opt.Removal != 0 {
		if r := b.removedIn(sch, kind, section, k.Name, auth); r != "" {
			fact["removal"], fact["since"], fact["removed_in"] = true, v.Opt.Since, r
		}
	}
	if v.Status != schema.Unknown {
		b.valueFacts(fact, pick, v, kind, f, section, k)
	}
	for _, o := range occ {
		o.(map[string]any)["schema"] = fact
	}
}

// valueFacts adds the conversion error of an invalid value (see
// schemaFacts) to fact.
func (b *nodeBuilder) valueFacts(fact map[string]any, pick *Pick, v schema.Verdict, kind string, f *oslo.File, section string, k *oslo.Key) {
	isSecret := func(g, n string) bool { return b.secretOption(kind, f, g, n) }
	opt := v.Opt
	if pick.BelowOldest {
		opt = typeOnly(opt)
	}
	if err := checkValues(opt, f, section, k, b.secretOption(kind, f, section, k.Name), isSecret, b.budget(f)); err != "" {
		fact["status"], fact["error"] = "invalid", err
		fact["deprecated"] = v.Status == schema.Deprecated
	}
}

// unknownFacts says why a key is unknown: a section the kind does not
// have, a file no process reads any more, the group it belongs in, the
// option meant, or the last release that read it.
func (b *nodeBuilder) unknownFacts(sch *schema.Schema, fact map[string]any, kind string, f *oslo.File, section, key, auth string) {
	if len(sch.Options(kind, schema.Group(section))) == 0 && AuthType(f, section) == "" {
		fact["section_unknown"] = true
		if g := sch.SuggestGroup(kind, section); g != "" {
			fact["section_suggest"] = g
		}
	}
	if !sch.Live(kind) {
		fact["dead"] = true
	} else if g, o := sch.Suggest(kind, section, key); g != "" {
		fact["group"] = g
	} else if o != "" {
		fact["option"] = o
	}
	if lower := strings.ToLower(key); lower != key {
		// option names are case-sensitive, and every release's are
		// lower-case: Verbose is read by no release
		fact["lowercase"] = lower
		fact["lowercase_known"] = b.knownAnywhere(kind, section, lower, auth)
	}
	if r := b.lastKnown(sch, kind, section, key, auth); r != "" {
		fact["read_until"] = r
	} else if r, covered := readBeforeSchemas(kind, section, key); r != "" {
		fact["read_until"] = r
	} else if covered {
		fact["never_read"] = true // by no release from Icehouse on
	}
	if other := ReadBy(sch, kind, section, key, auth); other != "" {
		fact["read_by"] = other
	}
}

// knownAnywhere: some known release reads the key in the section.
func (b *nodeBuilder) knownAnywhere(kind, section, key, auth string) bool {
	ix := b.index()
	return ix != nil && ix.Resolve(kind, section, key, auth).Known != 0
}

// readBeforeSchemas is the newest release older than every schema that
// read the key, by the names read statically from its sources
// (schema.Older): "" when none did. covered: the older releases' names
// of the kind's service are known.
func readBeforeSchemas(kind, section, key string) (release string, covered bool) {
	older, err := schema.Older()
	if err != nil || ServiceOf(kind) == "" || ServiceOf(kind) == "placement" {
		return "", false // placement's options were nova's before Stein
	}
	if in := older.ReadIn(ServiceOf(kind), section, key); len(in) > 0 {
		return in[len(in)-1], true
	}
	return "", true
}

// ReadBy is the sibling kind whose options include a key unknown to its
// own file's kind ("" when none).
func ReadBy(sch *schema.Schema, kind, section, key, auth string) string {
	if packaged[kind] == section {
		return "the distribution's package"
	}
	for _, other := range siblings[kind] {
		if sch.Has(other) && sch.Resolve(other, section, key, auth).Status != schema.Unknown {
			return other
		}
	}
	return ""
}

// ReadByAcross is ReadBy in every release at once: the releases in which
// some sibling kind reads the key (every release for a packaged section).
func ReadByAcross(ix *schema.Index, kind, section, key, auth string) schema.Mask {
	if packaged[kind] == section {
		return ^schema.Mask(0)
	}
	var m schema.Mask
	for _, other := range siblings[kind] {
		m |= ix.Resolve(other, section, key, auth).Known
	}
	return m
}

// packaged are sections a distribution's own patches read: Ubuntu's
// keystone.conf ships [extra_headers] Distribution = Ubuntu, which its
// patched keystone sends as a response header.
var packaged = map[string]string{"keystone.conf": "extra_headers"}

// siblings are the kinds whose options the processes loading a file also
// register ("ovn": the OVN mechanism driver's [ovn] options): every neutron process loads neutron.conf with its own file,
// the L2 agents are often started with ml2_conf.ini too (devstack, RDO's
// plugin.ini), and neutron-server with ml2_conf.ini. oslo.config reads a
// key from any file its process loads, so a key of a sibling's options is
// read (the per-kind generator lists, and oslo_dump.py --kind, say unknown).
var siblings = map[string][]string{
	"neutron.conf":          {"ml2_conf.ini", "ovn", "l3_agent.ini", "dhcp_agent.ini", "metadata_agent.ini", "openvswitch_agent.ini", "linuxbridge_agent.ini"},
	"ml2_conf.ini":          {"neutron.conf", "ovn", "openvswitch_agent.ini", "linuxbridge_agent.ini"},
	"openvswitch_agent.ini": {"neutron.conf", "ml2_conf.ini"},
	"linuxbridge_agent.ini": {"neutron.conf", "ml2_conf.ini"},
	"l3_agent.ini":          {"neutron.conf"},
	"dhcp_agent.ini":        {"neutron.conf"},
	"metadata_agent.ini":    {"neutron.conf"},
}

// checkValues converts the value oslo.config would read (the last, or every
// value of a multi-valued option) after $-substitution; a value whose
// substitution names something the file does not set is not judged (the
// option's default may fill it in). The error never quotes a value that
// holds a secret: a secret option's, one with a substituted secret or a
// URL password in it.
func checkValues(o *schema.Opt, f *oslo.File, section string, k *oslo.Key, secretValue bool, isSecret func(g, n string) bool, budget *int) string {
	values := k.Values
	if o.Multi == 0 {
		values = values[len(values)-1:]
	}
	for _, v := range values {
		text, hidden := v.Text, secretValue
		if strings.Contains(text, "$") {
			sub := substituteSpans(f, section, text, isSecret, budget)
			if len(sub.Missing) > 0 {
				continue
			}
			text, hidden = sub.Text, hidden || len(sub.Secret) > 0
		}
		if err := o.Check(text); err != nil {
			if hidden || len(credentialSpans(text, k.Name)) > 0 {
				return "not a valid " + typeName(o)
			}
			return err.Error()
		}
	}
	return ""
}

// typeOnly is o without the constraints a later release may have added
// to its type (choices, bounds, patterns, lengths; of a list's items and a
// dict's values too). A file older than every schema is
// judged by its option types alone; nova's enabled_apis took "ec2" until
// Mitaka (nova/cmd/api.py logged a bad value and went on) and gained its
// choices later, so Stein's choices say nothing of a Havana file.
func typeOnly(o *schema.Opt) *schema.Opt {
	if o == nil {
		return nil
	}
	c := *o
	c.Choices, c.Min, c.Max, c.HostMin, c.HostMax = nil, nil, nil, "", ""
	c.Regex, c.MaxLength = "", nil
	c.Item, c.Value = typeOnly(o.Item), typeOnly(o.Value)
	return &c
}

func typeName(o *schema.Opt) string {
	names := map[string]string{"str": "string", "int": "integer", "port": "port", "float": "float", "bool": "boolean",
		"list": "list", "dict": "dict", "ip": "IP address", "host": "host name", "hostaddr": "host address", "uri": "URI"}
	if n, ok := names[o.Type]; ok {
		return n
	}
	return o.Type + " value"
}

// AuthType is the auth plugin a section names (auth_type, formerly
// auth_plugin), which registers the plugin's options in it. The services
// load auth plugins from their client sections ([keystone_authtoken], nova
// [neutron]/[placement], neutron [nova], ...), never from [DEFAULT].
func AuthType(f *oslo.File, section string) string {
	s := f.Section(section)
	if s == nil || section == "DEFAULT" {
		return ""
	}
	for _, key := range []string{"auth_type", "auth_plugin"} {
		if v, ok := s.Last(key); ok {
			return strings.TrimSpace(v.Text)
		}
	}
	return ""
}

// removedIn is the first release after the current one whose schema no
// longer has the key ("" when every later known release still reads it).
func (b *nodeBuilder) removedIn(current *schema.Schema, kind, section, key, auth string) string {
	ix := b.index()
	if ix == nil {
		return ""
	}
	gone := ix.Has(kind) &^ ix.Resolve(kind, section, key, auth).Known
	for i := ix.Bit(current.Release) + 1; i > 0 && i < len(ix.Releases); i++ {
		if gone.Has(i) {
			return ix.Releases[i]
		}
	}
	return ""
}

// lastKnown is the newest release before the current one whose schema
// still read an unknown key ("" when none did).
func (b *nodeBuilder) lastKnown(current *schema.Schema, kind, section, key, auth string) string {
	ix := b.index()
	if ix == nil {
		return ""
	}
	known := ix.Resolve(kind, section, key, auth).Known
	for i := ix.Bit(current.Release) - 1; i >= 0; i-- {
		if known.Has(i) {
			return ix.Releases[i]
		}
	}
	return ""
}

// SchemaSection is the group a section's keys are registered in. Glance's
// multi-store backends are sections named in [DEFAULT] enabled_backends
// (name:type); glance_store registers its store options in each at run
// time, which the generated schema (like oslo-config-validator) does not
// show: they are looked up as [glance_store] options. Cinder's backends
// are the sections named in [DEFAULT] enabled_backends (names): cinder's
// volume Configuration reads each option there, else in
// [backend_defaults], where the generator lists them.
func SchemaSection(kind string, f *oslo.File, section string) string {
	if (kind != "glance-api.conf" && kind != "cinder.conf") || section == "DEFAULT" {
		return section
	}
	s := f.Section("DEFAULT")
	if s == nil {
		return section
	}
	v, ok := s.Last("enabled_backends")
	if !ok {
		return section
	}
	for _, item := range strings.Split(v.Text, ",") {
		name, _, _ := strings.Cut(strings.TrimSpace(item), ":")
		if strings.EqualFold(strings.TrimSpace(name), section) {
			if kind == "cinder.conf" {
				return "backend_defaults"
			}
			return "glance_store"
		}
	}
	return section
}

// SchemaGroup is the group one key of a section is looked up in
// (SchemaSection): cinder-volume registers backend_host in each backend
// section at start (cinder/cmd/volume.py), which the generator lists as
// [backend] backend_host.
func SchemaGroup(kind string, f *oslo.File, section, key string) string {
	g := SchemaSection(kind, f, section)
	if g == "backend_defaults" && key == "backend_host" {
		return "backend"
	}
	return g
}

// SchemaStatus resolves every key of a file as the model does (unknown,
// deprecated, invalid or ok), keyed by [section, key]: what the
// differential test compares with oslo.config's own verdicts.
func SchemaStatus(sch *schema.Schema, kind string, f *oslo.File) map[[2]string]string {
	kind = SchemaKind(kind)
	out := map[[2]string]string{}
	if !sch.Has(kind) {
		return out
	}
	for _, s := range f.Sections {
		auth := AuthType(f, s.Name)
		for _, k := range s.Keys {
			section := SchemaGroup(kind, f, s.Name, k.Name)
			v := sch.Resolve(kind, section, k.Name, auth)
			status := string(v.Status)
			if v.Status != schema.Unknown && checkValues(v.Opt, f, section, k, true, nil, nil) != "" {
				status = "invalid"
			}
			out[[2]string{s.Name, k.Name}] = status
		}
	}
	return out
}

// SecretOption reports whether any known release's schema flags an option
// secret, whatever release is checked: glance's swift_store_key, [cache]
// backend_argument, [key_manager] token. An option the file's own schema
// does not know (a wrong section, odd case) is secret when any release
// flags an option of that name secret anywhere.
func SecretOption(kind string, f *oslo.File, section, key string) bool {
	flagged, known := secretInKind(kind, f, section, key)
	return flagged || (!known && unknownSecret(section, key))
}

// unknownSecret: whether an option the file's schema does not register
// (a misspelling, a site's own option, one in a section the schema does
// not know) holds a secret by its name alone: flagged secret elsewhere,
// a misspelling of a secret option's name (schema.NearSecretName), or a
// secret-looking name (secret.LooksSecret).
func unknownSecret(section, key string) bool {
	lower := strings.ToLower(key)
	return schema.SecretAnywhere(section, key) || schema.SecretName(key) || schema.SecretName(lower) ||
		secret.LooksSecret(key) || schema.NearSecretName(lower)
}

// secretInKind: whether some release's schema of the file's own kind flags
// the option secret, and whether some release knows it at all.
func secretInKind(kind string, f *oslo.File, section, key string) (flagged, known bool) {
	kind = SchemaKind(kind)
	ix, err := schema.LoadIndex()
	if err != nil {
		return false, false
	}
	v := ix.Resolve(kind, SchemaGroup(kind, f, section, key), key, AuthType(f, section))
	return v.Secret != 0, v.Known != 0
}

// PasswordLike reports whether an option is a password, token or key
// whose strength is worth judging: named so (secret.IsKey), or flagged
// secret by its own file kind's schema in some release. An option secret
// only because another kind flags a name like it (Stein's glance flags
// [DEFAULT] admin_user) is redacted, but a user name in it is no weak
// password.
func PasswordLike(kind string, f *oslo.File, section, key string) bool {
	if secret.IsKey(key) {
		return true
	}
	flagged, _ := secretInKind(kind, f, section, key)
	return flagged
}
