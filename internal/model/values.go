package model

import (
	"net/netip"
	"path"
	"strings"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/oslo"
	"github.com/stacklint/stacklint/parser/shellrc"
	"github.com/stacklint/stacklint/parser/urls"
)

// Values reach the model rendered: a secret option's value as a whole
// becomes its fingerprint label, and in every other value the spans that
// hold secret material (URL passwords under any reading, secret-named
// query parameters, text substituted from a secret option or expanded from
// a secret shell variable) become labels. Facts derived from a value
// (addresses, URL parts) are never computed from secret text.

// secretOption reports whether an option holds a secret: by its name, or
// flagged secret by the schema of any known release (whatever release is
// checked: a secret stays a secret).
func (b *nodeBuilder) secretOption(kind string, f *oslo.File, section, key string) bool {
	if b.memo.isKey(key) {
		return true
	}
	k := [4]string{SchemaKind(kind), SchemaGroup(SchemaKind(kind), f, section, key), key, AuthType(f, section)}
	return remember(&b.memo.mu, b.memo.secretOpts, k, func() bool { return SecretOption(kind, f, section, key) })
}

// budget is the substitution budget of a file (FileBudget bytes for all
// its values).
func (b *nodeBuilder) budget(f *oslo.File) *int {
	if b.budgets == nil {
		b.budgets = map[*oslo.File]*int{}
	}
	p, ok := b.budgets[f]
	if !ok {
		p = new(int)
		*p = FileBudget
		b.budgets[f] = p
	}
	return p
}

// valueDoc is one occurrence of a key with its derived facts.
func (b *nodeBuilder) valueDoc(kind string, f *oslo.File, section, key string, v oslo.Value, secretOpt bool) map[string]any {
	d := map[string]any{"line": v.Line, "column": v.Column, "end_line": v.EndLine, "header": v.Header}
	if secret.Masked(v.Text) {
		return maskedDoc(d, v.Text) // sos's transport_url = *********: the value is unknown
	}
	textFacts(d, v)
	if c := lookAlike(key); c != "" {
		d["key_look_alike"] = c
	}
	if secretOpt && (b.memo.isKey(key) || !urls.Looks(v.Text)) {
		d = b.secretDoc(d, f, section, v)
		if d["weak"] == true && !PasswordLike(kind, f, section, key) {
			delete(d, "weak") // redacted, but no password to judge
		}
		return d
	}
	sub := substituteSpans(f, section, v.Text, func(g, name string) bool { return b.secretOption(kind, f, g, name) }, b.budget(f))
	if sub.Text != v.Text || sub.Missing != nil {
		d["substituted"] = true
		d["missing"] = toAny(sub.Missing)
	}
	if sub.Truncated {
		d["substitution_truncated"] = true
	}
	value := sub.Text
	spans := mergeSpans(sub.Secret, b.memo.credentialSpans(value, key))
	d["value"] = b.keys.Render(value, spans)
	if len(sub.Secret) > 0 {
		d["secret_parts"] = true // facts of a value holding a secret are not derived
	} else {
		b.derivedFacts(d, key, value, spans)
	}
	if p := b.placeholdersOf(d["value"].(string), d["url"]); len(p) > 0 {
		d["placeholders"] = toAny(p)
	}
	if value != v.Text {
		d["raw"] = redactOption(v.Text, key, b.keys)
	}
	return d
}

// derivedFacts adds what a value means: an address, a URL as its consumer
// reads it, the hosts of a host-list option.
func (b *nodeBuilder) derivedFacts(d map[string]any, key, value string, spans []secret.Span) {
	if ip, err := netip.ParseAddr(value); err == nil {
		d["ip"] = ip.String()
		d["loopback"] = ip.IsLoopback() || ip.IsUnspecified()
	}
	if u, ok := parseURL(value, key); ok {
		d["url"] = urlFact{raw: value, u: u, spans: spans, keys: b.keys}.doc(b.hostFact)
	}
	if hostKeys[key] && len(spans) == 0 {
		d["host_refs"] = b.hostRefs(value)
	}
}

// maskedDoc is an occurrence whose whole value a collection tool masked
// (sos report): secret and masked, with no fingerprint, so no rule takes
// it as equal to, or different from, any other value, nor as weak, empty
// or a placeholder.
func maskedDoc(d map[string]any, text string) map[string]any {
	d["value"], d["secret"], d["masked"] = text, true, true
	return d
}

// secretDoc fills in an occurrence of a secret: its fingerprint label and
// facts about it, never the value.
func (b *nodeBuilder) secretDoc(d map[string]any, f *oslo.File, section string, v oslo.Value) map[string]any {
	d["value"] = b.keys.Label(v.Text)
	if v.Text == "" {
		d["value"] = ""
	}
	d["secret"] = true
	d["fp"] = b.keys.FP(v.Text)
	d["empty"] = v.Text == ""
	d["has_dollar"] = strings.Contains(v.Text, "$")
	d["weak"] = secret.Weak(v.Text)
	if refs, missing := templateRefs(f, section, v.Text); refs {
		d["template"], d["template_missing"] = true, missing // never the names: they are part of the secret
	}
	if p := secret.PlaceholderOf(v.Text); p != "" {
		d["placeholders"] = []any{p}
	}
	return d
}

func (b *nodeBuilder) rcDoc(f *Loaded) map[string]any {
	d := map[string]any{"path": f.Path, "node": b.name, "name": path.Base(f.Path)}
	if f.Err != nil {
		d["error"] = errDoc(f.Err)
	}
	vars := map[string]any{}
	if f.RC != nil {
		for _, v := range f.RC.Vars {
			vd := map[string]any{"line": v.Line, "column": v.Column, "exported": v.Exported, "dynamic": v.Dynamic}
			if secret.Masked(v.Value) {
				vars[v.Name] = maskedDoc(vd, v.Value)
				continue
			}
			if secret.IsEnv(v.Name) {
				vd["value"], vd["secret"], vd["fp"], vd["empty"] = b.keys.Label(v.Value), true, b.keys.FP(v.Value), v.Value == ""
				vd["weak"] = secret.Weak(v.Value)
				if p := secret.PlaceholderOf(v.Value); p != "" {
					vd["placeholders"] = []any{p}
				}
				vars[v.Name] = vd
				continue
			}
			vd["value"] = RenderRC(b.keys, v)
			if u, ok := parseURL(v.Value, ""); ok && len(RCSecretSpans(v)) == 0 {
				spans := mergeSpans(nil, credentialSpans(v.Value, ""))
				vd["url"] = urlFact{raw: v.Value, u: u, spans: spans, keys: b.keys}.doc(b.hostFact)
			}
			if p := b.placeholdersOf(vd["value"].(string), vd["url"]); len(p) > 0 {
				vd["placeholders"] = toAny(p)
			}
			vars[v.Name] = vd
		}
	}
	d["vars"] = vars
	return d
}

// RCSecretSpans locates the text of an rc variable's value that was
// expanded from a secret variable (export OS_AUTH_URL=http://u:$PW@h).
func RCSecretSpans(v *shellrc.Var) []secret.Span {
	var out []secret.Span
	for _, r := range v.Refs {
		if secret.IsEnv(r.Name) && r.End > r.Start {
			out = append(out, secret.Span{Start: r.Start, End: r.End, Value: v.Value[r.Start:r.End]})
		}
	}
	return out
}

// mergeSpans joins span lists into one sorted list without overlaps.
func mergeSpans(a []secret.Span, b []urls.Span) []secret.Span {
	all := make([]urls.Span, 0, len(a)+len(b))
	for _, s := range a {
		all = append(all, urls.Span(s))
	}
	all = append(all, b...)
	merged := urls.Merge(all)
	out := make([]secret.Span, len(merged))
	for i, s := range merged {
		out[i] = secret.Span(s)
	}
	return out
}

// RenderItems renders a list option's written text item by item (items
// as the option's type splits text, each a substring of it, in order):
// what RenderWritten hides in the whole text stays hidden in every item it
// touches, and each item's own URL credentials are labels too (a list of
// URLs is not one URL). Nil when an item is not found in text.
func RenderItems(k *secret.Keyring, kind string, f *oslo.File, section, key, text string, items []string) []string {
	var whole []secret.Span
	if secretText(kind, f, section, key, text) {
		whole = []secret.Span{{Start: 0, End: len(text)}}
	} else {
		whole = mergeSpans(nil, credentialSpans(text, key))
	}
	out := make([]string, len(items))
	at := 0
	for i, item := range items {
		j := strings.Index(text[at:], item)
		if j < 0 {
			return nil
		}
		start, end := at+j, at+j+len(item)
		var clipped []secret.Span
		for _, s := range whole {
			if s.End <= start || s.Start >= end {
				continue
			}
			c := secret.Span{Start: max(s.Start, start) - start, End: min(s.End, end) - start}
			if s.Start >= start && s.End <= end {
				c.Value = s.Value
			}
			clipped = append(clipped, c)
		}
		if secretText(kind, f, section, key, item) {
			clipped = append(clipped, secret.Span{Start: 0, End: len(item)})
		}
		out[i] = k.Render(item, mergeSpans(clipped, credentialSpans(item, key)))
		at = end
	}
	return out
}

// secretText: RenderWritten shows text as one label (a secret option's
// value that is not a URL, or a secret key's).
func secretText(kind string, f *oslo.File, section, key, text string) bool {
	whole := secret.IsKey(key) || SecretOption(kind, f, section, key) || kind == "ini" && secret.IsName(key)
	return text != "" && whole && (secret.IsKey(key) || !urls.Looks(text))
}

// RenderWritten renders an option's value as written (no substitution),
// for inspect: a secret option's value as its label, URL credentials in
// any other value as labels. kind "ini" (a file of no known kind) treats
// every secret-looking name as secret, since no schema can say.
func RenderWritten(k *secret.Keyring, kind string, f *oslo.File, section, key, text string) string {
	whole := secret.IsKey(key) || SecretOption(kind, f, section, key) || kind == "ini" && secret.IsName(key)
	if whole && (secret.IsKey(key) || !urls.Looks(text)) {
		if text == "" {
			return ""
		}
		return k.Label(text)
	}
	return redactOption(text, key, k)
}

// RenderRC renders an rc variable's value: as its label when the name is
// secret, else with expanded secret variables and URL credentials as
// labels.
func RenderRC(k *secret.Keyring, v *shellrc.Var) string {
	if secret.IsEnv(v.Name) {
		return k.Label(v.Value)
	}
	return k.Render(v.Value, mergeSpans(RCSecretSpans(v), credentialSpans(v.Value, "")))
}
