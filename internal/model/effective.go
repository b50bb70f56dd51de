package model

import (
	"encoding/json"
	"strings"

	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/parser/oslo"
)

// Effective is an option's value in effect for a process that loads a
// list of files: written in one of them, or the release's default.
type Effective struct {
	// Value is the value as oslo.config converts it (schema.Opt.Convert):
	// string, bool, float64, nil, []any (every occurrence of a multi-valued
	// option), map[string]any. Nil for a host-dependent default.
	Value any
	// Written: set in a file (File is its index in the list, Line the
	// key's line); else the default of the release.
	Written    bool
	File, Line int
	// Host: the default is computed on the host at start-up; Text holds
	// it with placeholders ("<host_ipv4>").
	Host bool
	// Text is the value before conversion, after $-substitution.
	Text string
	// Texts are a multi-valued option's written values, each after
	// $-substitution, in load order (nil otherwise).
	Texts []string
	// Raw is the written text before $-substitution (single-valued
	// options), and Name the [section, key] it was written as.
	Raw  string
	Name [2]string
	// Err is the error oslo.config raises converting it (the service
	// refuses to start, or the option's first use fails).
	Err string
}

// EffectiveOf is the value oslo.config gives option dest of group when a
// process loads files in order (--config-file order): the files are read
// from the last to the first, and in each the option's own name before its
// deprecated names (cfg.py _Namespace._get_file_value); a file's last
// occurrence of a key is its value; a multi-valued option collects every
// occurrence in load order, a file's deprecated names' values before its
// own name's. $name and ${group.name} references are replaced by the
// referenced options' values in effect (the same group, then [DEFAULT])
// before conversion; each option is resolved once per call, and a
// reference back into its own chain is left as written (oslo.config fails
// on it). Unset: the release's default (Schema.DefaultOf). ok is false
// when the schema has no such option.
func EffectiveOf(sch *schema.Schema, kind string, files []*oslo.File, group, dest string) (e Effective, ok bool) {
	r := &Resolver{sch: sch, kind: kind, files: files}
	return r.Of(group, dest)
}

// Resolver computes values in effect for one process's files, each option
// once (a chain of references costs its length, a cycle stops).
type Resolver struct {
	sch   *schema.Schema
	kind  string
	also  []string // the process's other kinds (With)
	files []*oslo.File
	done  map[[2]string]resolved
	busy  map[[2]string]bool
}

type resolved struct {
	e  Effective
	ok bool
}

// NewResolver is a Resolver for a process loading files in order.
func NewResolver(sch *schema.Schema, kind string, files []*oslo.File) *Resolver {
	return &Resolver{sch: sch, kind: kind, files: files}
}

// With adds the kinds of the process's other files: an option (or a
// $reference, such as an agent default built on neutron.conf's
// $state_path) the resolver's kind does not register is looked up in
// them, in order, as oslo.config sees every namespace the process
// registers (proven by TestProcessEffectiveMatchesOsloConfig). It returns r.
func (r *Resolver) With(kinds ...string) *Resolver {
	for _, k := range kinds {
		if k != r.kind {
			r.also = append(r.also, k)
		}
	}
	return r
}

// Of is EffectiveOf through the resolver's cache.
func (r *Resolver) Of(group, dest string) (Effective, bool) {
	key := [2]string{schema.Group(group), dest}
	if v, hit := r.done[key]; hit {
		return v.e, v.ok
	}
	if r.busy[key] {
		return Effective{}, false // a reference cycle
	}
	if r.busy == nil {
		r.busy, r.done = map[[2]string]bool{}, map[[2]string]resolved{}
	}
	r.busy[key] = true
	e, ok := r.resolve(key[0], dest)
	delete(r.busy, key)
	r.done[key] = resolved{e, ok}
	return e, ok
}

func (r *Resolver) resolve(group, dest string) (Effective, bool) {
	kind := r.kind
	o := r.sch.Options(kind, group)[dest]
	for _, k := range r.also {
		if o != nil {
			break
		}
		kind, o = k, r.sch.Options(k, group)[dest]
	}
	if o == nil {
		return Effective{}, false
	}
	texts, e := writtenIn(r.files, optionNames(group, dest, o), o.Multi != 0)
	host := false
	lookup := func(ref string) (string, bool) {
		text, ok, h := r.ref(group, ref)
		host = host || h
		return text, ok
	}
	if !e.Written {
		return defaultIn(r.sch, kind, group, dest, o, lookup, &host), true
	}
	for i := range texts {
		texts[i] = schema.Substitute(texts[i], lookup)
	}
	if host {
		e.Host = true // a written value referring to a host-dependent default
	}
	if o.Multi != 0 {
		values := make([]any, len(texts))
		for i, t := range texts {
			values[i], _ = o.Convert(t)
		}
		e.Value, e.Text, e.Texts = values, strings.Join(texts, "\n"), texts
		return e, true
	}
	e.Text = texts[0]
	v, err := o.Convert(e.Text)
	if err != nil {
		e.Err = err.Error()
	}
	e.Value = v
	return e, true
}

// writtenIn collects an option's written texts from files read last to
// first, each file by the option's names in order: a single-valued option
// takes the first found; a multi-valued one collects every name's values,
// each prepended (oslo.config's rvalue = val + rvalue).
func writtenIn(files []*oslo.File, names [][2]string, multi bool) ([]string, Effective) {
	var texts []string
	e := Effective{}
	for i := len(files) - 1; i >= 0 && (len(texts) == 0 || multi); i-- {
		for _, n := range names {
			k := files[i].Section(n[0]).Key(n[1])
			if k == nil || len(k.Values) == 0 {
				continue
			}
			if !e.Written {
				last := k.Values[len(k.Values)-1]
				e.Written, e.File, e.Line, e.Name = true, i, last.Line, n
				if !multi {
					e.Raw = last.Text
				}
			}
			texts = prepend(texts, k.Values, multi)
			if !multi {
				break
			}
		}
	}
	return texts, e
}

// defaultIn is an unset option's default: its $references take the values
// in effect of the options they name (a written state_path moves every
// default built on $state_path), else the release's defaults
// (Schema.DefaultOf).
func defaultIn(sch *schema.Schema, kind, group, dest string, o *schema.Opt, lookup func(string) (string, bool), host *bool) Effective {
	d := sch.DefaultOf(kind, group, dest, "")
	var raw string
	if o.HostDefault == "" && json.Unmarshal(o.Default, &raw) == nil && strings.Contains(raw, "$") {
		text := schema.Substitute(raw, lookup)
		if *host {
			return Effective{Host: true, Text: d.Text}
		}
		v, err := o.Convert(text)
		e := Effective{Value: v, Text: text}
		if err != nil {
			e.Err = err.Error()
		}
		return e
	}
	e := Effective{Host: d.Host, Text: d.Text}
	if !d.Host {
		e.Value = d.Value // decoded as the option's type converts it
	}
	return e
}

// optionNames are the (group, key) pairs a file may set an option by: its
// own name (and dest), then its deprecated names.
func optionNames(group, dest string, o *schema.Opt) [][2]string {
	out := [][2]string{{group, dest}}
	if o.Name != "" && o.Name != dest {
		out = append(out, [2]string{group, o.Name})
	}
	for _, d := range o.Deprecated {
		g := d[0]
		if g == "" {
			g = group
		}
		out = append(out, [2]string{schema.Group(g), d[1]})
	}
	return out
}

// prepend puts a file's values before those of later files (multi), or
// takes its last value (single).
func prepend(texts []string, values []oslo.Value, multi bool) []string {
	if !multi {
		return []string{values[len(values)-1].Text}
	}
	out := make([]string, 0, len(values)+len(texts))
	for _, v := range values {
		out = append(out, v.Text)
	}
	return append(out, texts...)
}

// ref is the text in effect of a $reference from group: the option of
// that name in the group, else in [DEFAULT] (cfg.py _substitute); host: it
// is a host-dependent default (not known here).
func (r *Resolver) ref(group, ref string) (text string, ok, host bool) {
	g, name := group, ref
	if i := strings.IndexByte(ref, '.'); i > 0 {
		g, name = ref[:i], ref[i+1:]
	}
	e, ok := r.Of(g, name)
	if !ok && g == group {
		e, ok = r.Of("DEFAULT", ref)
	}
	if !ok || e.Host {
		return "", false, e.Host
	}
	return e.Text, true, false
}
