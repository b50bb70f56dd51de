// Package schema holds the option schema of each OpenStack release stacklint
// knows, generated from Debian's packaged services by `make schema`
// (tools/schema) and embedded compressed: for every file kind, its groups
// and options with type, bounds, choices, secret flag and deprecations, plus
// keystoneauth1's auth-plugin options. Lookup answers how oslo.config treats
// a key of a file: a registered option, a deprecated alias, or unknown.
package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/stacklint/stacklint/internal/editdist"
)

//go:embed data/*.json.gz
var data embed.FS

// Schema is one release's option data.
type Schema struct {
	Release  string            `json:"release"`
	Versions map[string]string `json:"versions"`
	Kinds    map[string]*Kind  `json:"kinds"`
	Auth     Auth              `json:"auth"`
	// Policies holds the policy defaults each service registers, by
	// service (nova, neutron, keystone, glance, placement) and name.
	Policies map[string]map[string]*PolicyDefault `json:"policies"`

	aliases map[string]map[[2]string][]Ref // kind → (group, key) → options it feeds
}

// Kind is the schema of one file kind.
type Kind struct {
	Namespaces []string                   `json:"namespaces"`
	Missing    []string                   `json:"missing"`
	Groups     map[string]map[string]*Opt `json:"groups"`
}

// Auth holds keystoneauth1's options: common to every plugin, and per
// plugin (password, v3password, token, ...).
type Auth struct {
	Common  map[string]*Opt            `json:"common"`
	Plugins map[string]map[string]*Opt `json:"plugins"`
}

// Opt is one option (or a list's item type, a dict's value type).
type Opt struct {
	Type       string      `json:"t"`
	Choices    []any       `json:"ch,omitempty"`
	IgnoreCase int         `json:"ic,omitempty"`
	Regex      string      `json:"re,omitempty"`
	Min        *float64    `json:"min,omitempty"`
	Max        *float64    `json:"max,omitempty"`
	MaxLength  *int        `json:"ml,omitempty"`
	Quotes     int         `json:"q,omitempty"`
	Bounds     int         `json:"b,omitempty"`
	Item       *Opt        `json:"it,omitempty"`
	Value      *Opt        `json:"vt,omitempty"`
	Schemes    []string    `json:"sch,omitempty"`
	IPVersion  int         `json:"v,omitempty"`
	Name       string      `json:"n,omitempty"` // the option's name when it differs from its dest (dashes)
	Multi      int         `json:"m,omitempty"`
	Secret     int         `json:"s,omitempty"`
	Removal    int         `json:"dfr,omitempty"` // deprecated for removal
	Since      string      `json:"since,omitempty"`
	Deprecated [][2]string `json:"dep,omitempty"` // [group, name] aliases

	// Default is the option's default as the service reads it when no
	// file sets it: the JSON text of opt.default converted by the option's
	// type as oslo.config converts it (null for None, true/false, a
	// number, a string, a list, an object; an IntOpt's "10" is 10). A
	// default holding a $reference is the text as written, since
	// oslo.config substitutes before it converts (Schema.DefaultOf
	// substitutes). Nil when the data has none: list items and dict
	// values, and host-dependent defaults (HostDefault). From
	// dump_schema.py's default_fields. A secret option's default is
	// upstream's, public, but a message must not print it: a snapshot may
	// keep it (rabbit_password = guest).
	Default json.RawMessage `json:"d,omitempty"`
	// SampleDefault is the option's sample_default, the text (a JSON
	// string, or a list for a multi-valued option) the sample config
	// shows in place of the default, when it has one: "<current_hostname>"
	// for nova's host, "$pybasedir" for state_path.
	SampleDefault json.RawMessage `json:"sd,omitempty"`
	// HostDefault is set, in place of Default, when the default is
	// computed on the host at start-up: its text with the host's part as a
	// placeholder: "<hostname>" (neutron's host), "<host_ipv4>" (my_ip),
	// "<host_ipv6>", "<cpu_count>", "<from_cpu_count>" (a number computed
	// from it: neutron's (1 + cpus) / 2 threads), "<python_path>" (the folder the
	// service's code is installed in: nova's pybasedir).
	HostDefault string `json:"hd,omitempty"`
	// HostMin and HostMax are set, in place of Min and Max, when the
	// bound is computed on the host at start-up (cinder's backup_workers:
	// max = the CPU count): the placeholder of HostDefault ("<cpu_count>").
	// The value is then not bounded on that side.
	HostMin string `json:"hmin,omitempty"`
	HostMax string `json:"hmax,omitempty"`
}

// Ref names an option: its group and dest.
type Ref struct {
	Group, Key string
}

var (
	mu     sync.Mutex
	loaded = map[string]*Schema{}
)

// Load returns a release's schema ("zed", "2025.1", ...: the names of
// internal/release), decoded on first use and kept: a run decodes only the
// releases it asks for. The error names the release when no schema is
// embedded for it or its data is corrupt.
func Load(release string) (*Schema, error) {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := loaded[release]; ok {
		return s, nil
	}
	s, err := decode(release)
	if err != nil {
		return nil, err
	}
	loaded[release] = s
	return s, nil
}

// decode reads and indexes one embedded schema file.
func decode(release string) (*Schema, error) {
	if _, err := fs.Stat(data, "data/"+release+".json.gz"); err != nil || release == "index" || release == "older" {
		return nil, fmt.Errorf("no option schema for release %q", release)
	}
	s := &Schema{}
	if err := decodeEmbedded("data/"+release+".json.gz", "schema "+release, s); err != nil {
		return nil, err
	}
	s.index()
	return s, nil
}

// Releases lists the releases a schema is embedded for, in file name order
// (not index.json.gz, the names index, nor older.json.gz, the older
// releases' names: see Older).
func Releases() []string {
	entries, _ := data.ReadDir("data")
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json.gz"); ok && name != "index" && name != "older" {
			out = append(out, name)
		}
	}
	return out
}

// All returns the schema of every embedded release (in file name order).
// The ones not loaded yet are decoded in parallel, one worker per CPU
// (decoding is most of a small run's start-up: ~11 ms a release).
func All() []*Schema {
	names := Releases()
	out := make([]*Schema, len(names))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], _ = loadUnlocked(name)
		}()
	}
	wg.Wait()
	return slices.DeleteFunc(out, func(s *Schema) bool { return s == nil })
}

// loadUnlocked is Load that decodes outside the lock (two callers may
// decode the same release at once; the first one stored wins).
func loadUnlocked(release string) (*Schema, error) {
	mu.Lock()
	s, ok := loaded[release]
	mu.Unlock()
	if ok {
		return s, nil
	}
	s, err := decode(release)
	if err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	if prev, ok := loaded[release]; ok {
		return prev, nil
	}
	loaded[release] = s
	return s, nil
}

// Group normalises a section name as oslo.config looks groups up: DEFAULT
// exactly, every other name lower-cased.
func Group(section string) string {
	if section == "DEFAULT" {
		return section
	}
	return lower(section)
}

func lower(s string) string {
	return string(bytes.ToLower([]byte(s)))
}

// index builds the deprecated-alias table of every kind (the options an
// old name feeds sorted by group and name: output does not depend on map
// order).
func (s *Schema) index() {
	s.aliases = map[string]map[[2]string][]Ref{}
	for kind, k := range s.Kinds {
		a := map[[2]string][]Ref{}
		for g, opts := range k.Groups {
			for dest, o := range opts {
				for _, d := range o.Deprecated {
					key := [2]string{Group(d[0]), d[1]}
					a[key] = append(a[key], Ref{Group: g, Key: dest})
				}
			}
		}
		for key, refs := range a {
			slices.SortFunc(refs, func(x, y Ref) int { return strings.Compare(x.Group+"\x00"+x.Key, y.Group+"\x00"+y.Key) })
			a[key] = refs
		}
		s.aliases[kind] = a
	}
}

// optionNames indexes every release's options for questions asked without
// a file kind or group: which (group, name) pairs are flagged secret
// anywhere (deprecated names included; group "*" for auth plugin options,
// which go in any section), and every option name with whether some group
// flags it secret.
type optionNames struct {
	secret map[[2]string]bool
	names  map[string]bool // name -> secret in some group
	// secretNames are the names some group flags secret, sorted.
	secretNames []string
}

var names = sync.OnceValue(func() optionNames {
	out := optionNames{secret: map[[2]string]bool{}, names: map[string]bool{}}
	ix, err := LoadIndex()
	if err != nil {
		return out
	}
	add := func(group, name string, m Masks) {
		option := m[0] != 0
		secret := m[0]&m[2] != 0 && !identifier(name)
		if option {
			out.names[name] = out.names[name] || secret
		}
		if alias := m[1] &^ m[0] & m[2]; alias != 0 && !identifier(name) {
			secret = true // a deprecated name of a secret option
			out.names[name] = true
		}
		if secret {
			out.secret[[2]string{group, name}] = true
		}
	}
	for _, k := range ix.Kinds {
		for g, keys := range k.Groups {
			for name, m := range keys {
				add(g, name, m)
			}
		}
	}
	for _, n := range append([]AuthNames{ix.Auth.Common}, authNames(ix)...) {
		for name, m := range n.Options {
			add("*", name, m)
		}
		for key, m := range n.Aliases {
			add("*", key[strings.Index(key, "/")+1:], Masks{0, m[1], m[2]})
		}
	}
	for name, secret := range out.names {
		if secret {
			out.secretNames = append(out.secretNames, name)
		}
	}
	slices.Sort(out.secretNames)
	return out
})

func authNames(ix *Index) []AuthNames {
	out := make([]AuthNames, 0, len(ix.Auth.Plugins))
	for _, p := range ix.Auth.Plugins {
		out = append(out, p.AuthNames)
	}
	return out
}

// identifier reports whether an option name holds who rather than a
// credential (admin_user, admin_tenant_name, username). Stein's and Train's
// glance flag [DEFAULT] admin_user and admin_tenant_name secret; that flag
// stays with glance's own options and does not make every admin_user of
// every other file a secret (the user-name cross-checks compare them).
func identifier(name string) bool {
	for _, suffix := range []string{"user", "username", "user_name", "user_id", "tenant", "tenant_name", "tenant_id", "project_name", "project_id"} {
		if name == suffix || strings.HasSuffix(name, "_"+suffix) {
			return true
		}
	}
	return false
}

// SecretAnywhere reports whether any release flags option name of group
// secret in any file kind, or as an auth plugin's option in any group: the
// fallback for options a file's own schema does not know.
func SecretAnywhere(group, name string) bool {
	s := names().secret
	return s[[2]string{Group(group), name}] || s[[2]string{"*", name}]
}

// SecretName reports whether some release flags an option of this name
// secret in some group (or as an auth plugin's option): for an option
// written where its file's schema does not know it (a wrong section, odd
// case), its name is all there is to go by.
func SecretName(name string) bool { return names().names[name] }

// NearSecretName reports whether name (lower case) is a misspelling of
// an option name some release flags secret (metadata_proxy_shared_secrt,
// pasword): within edit distance 2 of one when both are at least 10
// characters long, 1 when at least 6; shorter names only by their words
// (secret.LooksSecret). For options the schema does not register.
func NearSecretName(name string) bool {
	if len(name) < 6 {
		return false
	}
	for _, s := range names().secretNames {
		limit := 2
		if len(name) < 10 || len(s) < 10 {
			limit = 1
		}
		if len(s) >= 6 && editdist.Distance(name, s, limit+1) <= limit {
			return true
		}
	}
	return false
}

// PlainOption reports whether name is an option some release registers and
// no release flags secret in any group: its value can be quoted without
// knowing the group it was written in.
func PlainOption(name string) bool {
	secret, known := names().names[name]
	return known && !secret
}
