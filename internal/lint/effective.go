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
// showSecrets. The snapshot's problems (files not read, and why) are
// returned beside it.
func EffectiveValues(ctx context.Context, path string, opts Options, showSecrets bool) ([]byte, []snapshot.Problem, error) {
	snap, err := snapshot.DiscoverWith(path, snapshot.Options{MaxFileSize: opts.MaxFileSize})
	if err != nil {
		return nil, nil, err
	}
	problems := snap.Problems
	choice := opts.Release
	var picked *model.Releases
	d, err := model.BuildContext(ctx, snap, model.Options{Roles: opts.Roles, Releases: func(files []*model.Loaded) *model.Releases {
		picked, _ = pickReleases(&choice, files)
		return picked
	}})
	if err != nil {
		return nil, nil, err
	}
	out := effectiveNodes(d, picked, showSecrets)
	b, err := json.MarshalIndent(map[string]any{"release": choice.Doc(), "nodes": out}, "", " ")
	if err != nil {
		return nil, nil, err
	}
	text := string(b)
	if !showSecrets {
		text = d.Keys.Redact(text) // a secret substituted into another option
	}
	return []byte(text + "\n"), problems, nil
}

// effectiveNodes is every node's processes with their files and option
// values in effect (processValues), by node name.
func effectiveNodes(d *model.Deployment, picked *model.Releases, show bool) map[string]any {
	byPath := filesByPath(d)
	out := map[string]any{}
	d.EachNode(func(name string, n map[string]any) {
		procs, _ := n["processes"].(map[string]any)
		shown := map[string]any{}
		for proc, p := range procs {
			if doc := processValues(d, picked, name, processINIs(byPath, p.(map[string]any)), show); doc != nil {
				shown[proc] = withProcess(doc, p.(map[string]any))
			}
		}
		out[name] = map[string]any{"processes": shown}
	})
	return out
}

// filesByPath is d's files by path.
func filesByPath(d *model.Deployment) map[string]*model.Loaded {
	byPath := map[string]*model.Loaded{}
	for _, f := range d.Files {
		byPath[f.Path] = f
	}
	return byPath
}

// processINIs are the INI files a process of the model loads, in order.
func processINIs(byPath map[string]*model.Loaded, p map[string]any) []*model.Loaded {
	var files []*model.Loaded
	for _, x := range p["files"].([]any) {
		if f := byPath[x.(string)]; f != nil && f.INI != nil {
			files = append(files, f)
		}
	}
	return files
}

// withProcess adds to a process's option values what the model says of
// the process: its files, how they were found and what launches it.
func withProcess(doc, p map[string]any) map[string]any {
	for _, k := range []string{"evidence", "files_from", "launched_by"} {
		doc[k] = p[k]
	}
	return doc
}

// processValues is one process's files (its INI files in load order) and
// option values (nil when none of its files has a schema).
func processValues(d *model.Deployment, picked *model.Releases, node string, files []*model.Loaded, show bool) map[string]any {
	paths := make([]any, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	kinds := map[string]bool{}
	var order []string // the process's kinds in load order: $references across them
	for _, f := range files {
		if k := model.SchemaKind(f.Kind); !kinds[k] {
			kinds[k] = true
			order = append(order, k)
		}
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
		// one resolver and renderer per kind: each option resolves once
		r := &renderer{d: d, sch: pick.Schema, kind: kind, files: files, res: model.NewResolver(pick.Schema, kind, parsed).With(sameSchema(pick.Schema, order)...)}
		for group, opts := range pick.Schema.Kinds[kind].Groups {
			for dest := range opts {
				if options[group] == nil {
					options[group] = map[string]any{}
				}
				options[group][dest] = r.option(pick.Name, group, dest, show)
			}
		}
	}
	if len(options) == 0 {
		return nil
	}
	return map[string]any{"files": paths, "releases": sortedKeys(releases), "options": options}
}

// sameSchema are the kinds a schema registers (a process's files of one
// service share its release).
func sameSchema(sch *schema.Schema, kinds []string) []string {
	var out []string
	for _, k := range kinds {
		if sch.Has(k) {
			out = append(out, k)
		}
	}
	return out
}

// option is one option's value in effect, rendered; release names the
// defaults' release.
func (r *renderer) option(release, group, dest string, show bool) map[string]any {
	d, files := r.d, r.files
	e, _ := r.res.Of(group, dest)
	if e.Err != "" {
		msg := e.Err
		if !show { // the error quotes the value: quote it as rendered
			msg = d.Keys.Redact(strings.ReplaceAll(msg, e.Text, r.text(e, group, dest)))
		}
		return map[string]any{"error": msg, "file": files[e.File].Path, "line": e.Line}
	}
	if e.Host {
		return map[string]any{"host": e.Text, "default": release}
	}
	v := e.Value
	if !show {
		v = r.value(e, group, dest)
	}
	if !e.Written {
		return map[string]any{"value": v, "default": release}
	}
	return map[string]any{"value": v, "file": files[e.File].Path, "line": e.Line}
}

// renderer shows values in effect with secrets as fingerprints, each
// option rendered once (a reference cycle is left as written).
type renderer struct {
	d     *model.Deployment
	sch   *schema.Schema
	kind  string
	files []*model.Loaded
	res   *model.Resolver
	done  map[[2]string]string
	busy  map[[2]string]bool
}

// value is a value in effect as shown: unchanged when rendering hides
// nothing, else the rendered text; a multi-valued option (MultiStrOpt) or
// a ListOpt whose rendering hides something is a list of rendered items
// (each secret value its own fingerprint, each URL's password one).
func (r *renderer) value(e model.Effective, group, dest string) any {
	if e.Written && e.Texts != nil {
		return r.values(e)
	}
	text := r.text(e, group, dest)
	if text == e.Text {
		return e.Value
	}
	if items := r.items(e); items != nil {
		return items
	}
	return text
}

// items are a written ListOpt's items, each rendered (model.RenderItems);
// nil for another option, a value with $references (rendered whole) or
// items that are not all strings.
func (r *renderer) items(e model.Effective) []any {
	list, _ := e.Value.([]any)
	if !e.Written || list == nil || strings.Contains(e.Raw, "$") {
		return nil
	}
	texts := make([]string, len(list))
	for i, x := range list {
		t, ok := x.(string)
		if !ok {
			return nil
		}
		texts[i] = t
	}
	shown := model.RenderItems(r.d.Keys, r.kind, r.files[e.File].INI, e.Name[0], e.Name[1], e.Raw, texts)
	if shown == nil {
		return nil
	}
	out := make([]any, len(shown))
	for i, t := range shown {
		out[i] = r.d.Keys.Redact(t)
	}
	return out
}

// values are a multi-valued option's values, each rendered as every
// output renders a written line (secret options as one fingerprint per
// value, URL passwords as fingerprints); e.Value when nothing is hidden.
func (r *renderer) values(e model.Effective) any {
	out := make([]any, len(e.Texts))
	hidden := false
	for i, t := range e.Texts {
		v := r.d.Keys.Redact(model.RenderWritten(r.d.Keys, r.kind, r.files[e.File].INI, e.Name[0], e.Name[1], t))
		hidden = hidden || v != t
		out[i] = v
	}
	if !hidden {
		return e.Value
	}
	return out
}

// text is the text in effect with secrets as fingerprints: a written
// value rendered as every output renders the line (model.RenderWritten),
// a default from its raw text; $references in either are replaced by the
// referenced options' rendered texts (a secret substituted into another
// option, or into a default built on it, stays hidden); then every known
// secret is redacted, before any JSON encoding. A secret option's default
// is "(secret default)" (public upstream, but a snapshot may keep it:
// never printed, and never labelled, which would hide every copy of
// "rabbit://").
func (r *renderer) text(e model.Effective, group, dest string) string {
	key := [2]string{group, dest}
	if t, ok := r.done[key]; ok {
		return t
	}
	if r.done == nil {
		r.done, r.busy = map[[2]string]string{}, map[[2]string]bool{}
	}
	r.busy[key] = true
	t := r.render(e, group, dest)
	delete(r.busy, key)
	r.done[key] = t
	return t
}

func (r *renderer) render(e model.Effective, group, dest string) string {
	if !e.Written && e.Text != "" && (schema.SecretAnywhere(group, dest) || schema.SecretName(dest)) {
		return "(secret default)"
	}
	raw := e.Raw
	if e.Written {
		if raw == "" {
			raw = e.Text // a multi-valued option: its values joined
		}
		raw = model.RenderWritten(r.d.Keys, r.kind, r.files[e.File].INI, e.Name[0], e.Name[1], raw)
	} else if raw = defaultRaw(r.sch, r.kind, group, dest); raw == "" {
		raw = e.Text
	}
	if strings.Contains(raw, "$") {
		raw = schema.Substitute(raw, func(ref string) (string, bool) { return r.ref(group, ref) })
	}
	return r.d.Keys.Redact(raw)
}

// defaultRaw is an option's default text before substitution when it has
// references ("$state_path/instances"), else "".
func defaultRaw(sch *schema.Schema, kind, group, dest string) string {
	o := sch.Options(kind, group)[dest]
	var raw string
	if o == nil || o.HostDefault != "" || json.Unmarshal(o.Default, &raw) != nil || !strings.Contains(raw, "$") {
		return ""
	}
	return raw
}

// ref is the rendered text of a $reference from group (the same group,
// then [DEFAULT], as oslo.config looks it up).
func (r *renderer) ref(group, ref string) (string, bool) {
	g, name := group, ref
	if i := strings.IndexByte(ref, '.'); i > 0 {
		g, name = ref[:i], ref[i+1:]
	}
	e, ok := r.res.Of(g, name)
	if !ok && g == group {
		g, name = "DEFAULT", ref
		e, ok = r.res.Of(g, name)
	}
	if !ok || e.Host || r.busy[[2]string{schema.Group(g), name}] {
		return "", false
	}
	return r.text(e, schema.Group(g), name), true
}
