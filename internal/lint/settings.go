package lint

import (
	"encoding/json"
	"regexp"
	"strconv"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
)

// SettingKey names an option: its group (oslo.config's normalised section
// name) and its name (dest).
type SettingKey struct{ Group, Option string }

// Setting is an option's value in effect for one process, as
// `inspect --effective` shows it: Value is the rendered text (secret
// options and URL passwords as fingerprints, "fp:3fa1c2"; a secret
// option's default "(secret default)"; a list or dict as JSON; an unset
// default with no value "(none)"). Written values carry File (the
// snapshot path) and Line; defaults carry Default, the release they come
// from.
type Setting struct {
	Value   string
	Written bool
	File    string
	Line    int
	Default string
	// Host: a default computed on the host at start-up (Value holds it
	// with placeholders, "<host_ipv4>").
	Host bool
	// Err is the error oslo.config raises converting the value (redacted).
	Err string
	// Secret: a secret option (the schema's secret flag or stacklint's
	// secret names) or a value shown as a fingerprint only; never to be
	// shown but as its label.
	Secret bool
	// Unregistered: written, but no schema of the process's files
	// registers it (the service ignores it).
	Unregistered bool
}

// Settings is, for every node and every process of the model
// (nodes.<n>.processes), the value in effect of every option the schemas
// of its files register (EffectiveValues' values, secrets as
// fingerprints) and of every other option written in its files (auth
// plugin options, unregistered options): node → process → option. A
// process none of whose files is an INI file is left out. Call it with
// the deployment and releases lint.Run builds (Options.Built).
func Settings(d *model.Deployment, picked *model.Releases) map[string]map[string]map[SettingKey]Setting {
	return SettingsAnd(d, picked, nil)
}

// SettingsAnd is Settings, calling also (when not nil) with each node's
// name and document as it is built (model.Deployment.EachNode), so that a
// caller reading more of the nodes builds them once.
func SettingsAnd(d *model.Deployment, picked *model.Releases, also func(name string, doc map[string]any)) map[string]map[string]map[SettingKey]Setting {
	byPath := filesByPath(d)
	out := map[string]map[string]map[SettingKey]Setting{}
	d.EachNode(func(name string, n map[string]any) {
		if also != nil {
			also(name, n)
		}
		procs, _ := n["processes"].(map[string]any)
		shown := map[string]map[SettingKey]Setting{}
		for proc, p := range procs {
			files := processINIs(byPath, p.(map[string]any))
			set := map[SettingKey]Setting{}
			if doc := processValues(d, picked, name, files, false); doc != nil {
				for group, opts := range doc["options"].(map[string]map[string]any) {
					for dest, v := range opts {
						set[SettingKey{group, dest}] = setting(group, dest, v.(map[string]any), d.Keys.Redact)
					}
				}
			}
			writtenOthers(d, picked, name, files, set)
			if len(set) > 0 {
				shown[proc] = set
			}
		}
		out[name] = shown
	})
	return out
}

// writtenOthers adds to set the options written in files that set does
// not hold: auth plugin options and options no schema registers (a
// deprecated name feeds an option set holds already). A later file's
// value replaces an earlier one's, as oslo.config reads them.
func writtenOthers(d *model.Deployment, picked *model.Releases, node string, files []*model.Loaded, set map[SettingKey]Setting) {
	registered := map[SettingKey]bool{}
	for k := range set {
		registered[k] = true
	}
	for _, f := range files {
		kind := model.SchemaKind(f.Kind)
		var sch *schema.Schema
		if pick := picked.For(node, model.ServiceOf(kind)); pick != nil {
			sch = pick.Schema
		}
		for _, sec := range f.INI.Sections {
			auth, _ := sec.Last("auth_type")
			for _, k := range sec.Keys {
				key := SettingKey{schema.Group(sec.Name), k.Name}
				if len(k.Values) == 0 || registered[key] {
					continue
				}
				v := schema.Verdict{Status: schema.Unknown}
				if sch != nil {
					v = sch.Resolve(kind, sec.Name, k.Name, auth.Text)
				}
				if v.Status == schema.Deprecated {
					continue
				}
				last := k.Values[len(k.Values)-1]
				text := d.Keys.Redact(model.RenderWritten(d.Keys, kind, f.INI, sec.Name, k.Name, last.Text))
				set[key] = Setting{Value: text, Written: true, File: f.Path, Line: last.Line,
					Secret:       secretSetting(key.Group, key.Option, text),
					Unregistered: v.Status == schema.Unknown}
			}
		}
	}
}

// label is a value shown as a fingerprint only.
var label = regexp.MustCompile(`^(fp:[0-9a-f]{6}|\(secret default\))$`)

// secretSetting: an option stacklint never shows but as a fingerprint.
func secretSetting(group, dest, text string) bool {
	return schema.SecretAnywhere(group, dest) || schema.SecretName(dest) || label.MatchString(text)
}

// setting is one option of processValues as a Setting; redact is the
// deployment's second line of defence.
func setting(group, dest string, v map[string]any, redact func(string) string) Setting {
	s := Setting{}
	if msg, ok := v["error"].(string); ok {
		s.Err, s.Written = redact(msg), true
	}
	if h, ok := v["host"].(string); ok {
		s.Host, s.Value = true, h
	} else {
		s.Value = settingText(v["value"])
	}
	s.Value = redact(s.Value)
	if rel, ok := v["default"].(string); ok {
		s.Default = rel
	} else {
		s.Written = true
		s.File, _ = v["file"].(string)
		s.Line, _ = v["line"].(int)
	}
	s.Secret = secretSetting(group, dest, s.Value)
	return s
}

// settingText is a value in effect as text: a string as it is, a number
// or boolean as oslo.config prints it lower-cased, nil as "(none)", a list
// or dict as JSON.
func settingText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return "(none)"
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "(unprintable)"
	}
	return string(b)
}
