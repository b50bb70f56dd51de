package lint

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/oslo"
)

// EffectiveValues is what `stacklint inspect --effective` prints: for every
// node, every process stacklint finds on it (nodes.<n>.processes of the
// model) with the files it loads in order, and the value in effect of
// every option the schema of its files' kinds registers, written
// ({"value", "file", "line"}) or the default of the release its service
// is checked against ({"value", "default": release}, {"host": placeholder,
// "default": release} when computed on the host, {"error"} when
// oslo.config would refuse it). Values go through the same redaction as
// every output: secret options and URL passwords are fingerprints unless
// showSecrets.
func EffectiveValues(ctx context.Context, path string, opts Options, showSecrets bool) ([]byte, error) {
	snap, err := snapshot.DiscoverWith(path, snapshot.Options{MaxFileSize: opts.MaxFileSize})
	if err != nil {
		return nil, err
	}
	choice := opts.Release
	var picked *model.Releases
	d, err := model.BuildContext(ctx, snap, model.Options{Roles: opts.Roles, Releases: func(files []*model.Loaded) *model.Releases {
		picked, _ = pickReleases(&choice, files)
		return picked
	}})
	if err != nil {
		return nil, err
	}
	byPath := map[string]*model.Loaded{}
	for _, f := range d.Files {
		byPath[f.Path] = f
	}
	out := map[string]any{}
	nodes, _ := d.Doc["nodes"].(map[string]any)
	for name, n := range nodes {
		procs, _ := n.(map[string]any)["processes"].(map[string]any)
		shown := map[string]any{}
		for proc, p := range procs {
			if doc := processValues(d, picked, name, p.(map[string]any), byPath, showSecrets); doc != nil {
				shown[proc] = doc
			}
		}
		out[name] = map[string]any{"processes": shown}
	}
	b, err := json.MarshalIndent(map[string]any{"release": choice.Doc(), "nodes": out}, "", " ")
	if err != nil {
		return nil, err
	}
	text := string(b)
	if !showSecrets {
		text = d.Keys.Redact(text) // a secret substituted into another option
	}
	return []byte(text + "\n"), nil
}

// processValues is one process's files and option values (nil when none
// of its files has a schema).
func processValues(d *model.Deployment, picked *model.Releases, node string, p map[string]any, byPath map[string]*model.Loaded, show bool) map[string]any {
	var files []*model.Loaded
	var paths []any
	for _, x := range p["files"].([]any) {
		if f := byPath[x.(string)]; f != nil && f.INI != nil {
			files = append(files, f)
			paths = append(paths, f.Path)
		}
	}
	kinds := map[string]bool{}
	for _, f := range files {
		kinds[model.SchemaKind(f.Kind)] = true
	}
	parsed := make([]*oslo.File, len(files))
	for i, f := range files {
		parsed[i] = f.INI
	}
	options := map[string]map[string]any{}
	releases := map[string]bool{}
	for kind := range kinds {
		pick := picked.For(node, model.ServiceOf(kind))
		if pick == nil || pick.Schema == nil || !pick.Schema.Has(kind) {
			continue
		}
		releases[pick.Name] = true
		for group, opts := range pick.Schema.Kinds[kind].Groups {
			for dest := range opts {
				if options[group] == nil {
					options[group] = map[string]any{}
				}
				options[group][dest] = optionValue(d, pick, kind, files, parsed, group, dest, show)
			}
		}
	}
	if len(options) == 0 {
		return nil
	}
	return map[string]any{"files": paths, "evidence": p["evidence"], "releases": sortedKeys(releases), "options": options}
}

// optionValue is one option's value in effect, rendered.
func optionValue(d *model.Deployment, pick *model.Pick, kind string, files []*model.Loaded, parsed []*oslo.File, group, dest string, show bool) map[string]any {
	e, _ := model.EffectiveOf(pick.Schema, kind, parsed, group, dest)
	r := renderer{d: d, sch: pick.Schema, kind: kind, files: files, parsed: parsed}
	if e.Err != "" {
		msg := e.Err
		if !show { // the error quotes the value: quote it as rendered
			text, _ := r.text(e, group, dest, 0)
			msg = d.Keys.Redact(strings.ReplaceAll(msg, e.Text, text))
		}
		return map[string]any{"error": msg, "file": files[e.File].Path, "line": e.Line}
	}
	if e.Host {
		return map[string]any{"host": e.Text, "default": pick.Name}
	}
	v := e.Value
	if !show {
		v = r.value(e, group, dest, 0)
	}
	if !e.Written {
		return map[string]any{"value": v, "default": pick.Name}
	}
	return map[string]any{"value": v, "file": files[e.File].Path, "line": e.Line}
}

// renderer shows values in effect with secrets as fingerprints.
type renderer struct {
	d      *model.Deployment
	sch    *schema.Schema
	kind   string
	files  []*model.Loaded
	parsed []*oslo.File
}

// value is a value in effect as shown: unchanged when rendering hides
// nothing, else the rendered text.
func (r renderer) value(e model.Effective, group, dest string, depth int) any {
	text, ok := r.text(e, group, dest, depth)
	if ok && text == e.Text {
		return e.Value
	}
	return text
}

// text is the text in effect with secrets as fingerprints: a written
// value rendered as every output renders the line (model.RenderWritten),
// its $references replaced by the referenced options' rendered texts (a
// secret substituted into another option stays hidden), then every known
// secret redacted; a secret option's default as "(secret default)" (it is
// public upstream, but a snapshot may keep it: never printed, and never
// labelled, which would hide every copy of "rabbit://"). ok is false when
// a secret was hidden.
func (r renderer) text(e model.Effective, group, dest string, depth int) (string, bool) {
	if !e.Written {
		if e.Text != "" && (schema.SecretAnywhere(group, dest) || schema.SecretName(dest)) {
			return "(secret default)", false
		}
		return e.Text, true
	}
	f := r.files[e.File]
	raw := e.Raw
	if raw == "" {
		raw = e.Text // a multi-valued option: its values joined
	}
	out := model.RenderWritten(r.d.Keys, r.kind, f.INI, e.Name[0], e.Name[1], raw)
	if strings.Contains(raw, "$") && depth < 10 {
		out = schema.Substitute(out, func(ref string) (string, bool) { return r.ref(group, ref, depth) })
	}
	out = r.d.Keys.Redact(out)
	return out, out == e.Text
}

// ref is the rendered text of a $reference from group (the same group,
// then [DEFAULT], as oslo.config looks it up).
func (r renderer) ref(group, ref string, depth int) (string, bool) {
	g, name := group, ref
	if i := strings.IndexByte(ref, '.'); i > 0 {
		g, name = ref[:i], ref[i+1:]
	}
	e, ok := model.EffectiveOf(r.sch, r.kind, r.parsed, g, name)
	if !ok && g == group {
		g, name = "DEFAULT", ref
		e, ok = model.EffectiveOf(r.sch, r.kind, r.parsed, g, name)
	}
	if !ok || e.Host {
		return "", false
	}
	text, _ := r.text(e, g, name, depth+1)
	return text, true
}
