package schema

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sync"
)

// Mask is a set of releases: bit i stands for Index.Releases[i].
type Mask uint32

// Has reports whether the set holds release i.
func (m Mask) Has(i int) bool { return i >= 0 && m&(1<<i) != 0 }

// Masks are what every release says of one name: [0] the releases
// registering it as an option (or policy), [1] the releases reading it as
// a deprecated name only, [2] the releases where the option it resolves to
// is secret, [3] for policies, the releases whose default allows everyone.
type Masks [4]Mask

// Index is a names-only view of every embedded release, oldest first: for
// each file kind, group and key, which releases register it, read it as a
// deprecated name, and flag it secret; keystoneauth1's plugin options; and
// which releases register each policy name. Release detection and the
// questions asked across releases (secret anywhere, removed in, last read
// in) need only this, so a run decodes it (a few milliseconds) and the
// full schema only of the releases it picks. Generated from data/*.json.gz
// by `make schema` (tools/schema/index); TestIndexMatchesSchemas proves it
// equal to the schemas.
type Index struct {
	Releases []string              `json:"releases"`
	Kinds    map[string]*KindIndex `json:"kinds"`
	Auth     AuthIndex             `json:"auth"`
	// Policies are by service: its names with [registered, renamed (an
	// old name some registered policy replaces), -, open by default].
	Policies map[string]*PolicyIndex `json:"policies"`
}

// KindIndex is one file kind across releases.
type KindIndex struct {
	Has    Mask                        `json:"has"`  // releases with a schema of the kind
	Live   Mask                        `json:"live"` // releases whose service still reads it (Schema.Live)
	Groups map[string]map[string]Masks `json:"groups"`
}

// AuthIndex is keystoneauth1's options across releases.
type AuthIndex struct {
	Common  AuthNames              `json:"common"`
	Plugins map[string]*AuthPlugin `json:"plugins"`
}

// AuthPlugin is one auth plugin across releases.
type AuthPlugin struct {
	Has Mask `json:"has"`
	AuthNames
}

// AuthNames are auth options by name, and their deprecated names by
// "group/name" ("/name": in any group).
type AuthNames struct {
	Options map[string]Masks `json:"options"`
	Aliases map[string]Masks `json:"aliases,omitempty"`
}

// PolicyIndex is one service's policy names across releases.
type PolicyIndex struct {
	Has   Mask             `json:"has"` // releases registering defaults for the service
	Names map[string]Masks `json:"names"`
}

// Across is how every release resolves one key of a file.
type Across struct {
	Known      Mask // releases that read it (an option or a deprecated name)
	Deprecated Mask // releases that read it as a deprecated name only
	Secret     Mask // releases where the option it resolves to is secret
}

// LoadIndex returns the embedded index, decoded on first use and kept.
// The error says the data is missing or corrupt.
func LoadIndex() (*Index, error) { return embeddedIndex() }

var embeddedIndex = sync.OnceValues(decodeIndex)

func decodeIndex() (*Index, error) {
	ix := &Index{}
	return ix, decodeEmbedded("data/index.json.gz", "release index", ix)
}

// decodeEmbedded gunzips and decodes one embedded JSON file into v; what
// names the data in the error.
func decodeEmbedded(path, what string, v any) error {
	raw, err := data.ReadFile(path)
	if err != nil {
		return fmt.Errorf("no %s embedded: %w", what, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// Prefetch decodes the index and the older releases' names, which every
// auto run and most old snapshots need, so that a caller can have it done
// while it does something else (the rules compile on one core). Errors
// are left for LoadIndex and Older to return.
func Prefetch() {
	_, _ = LoadIndex()
	_, _ = Older()
}

// Bit is a release's position in the index (-1 when it has no schema).
func (ix *Index) Bit(release string) int {
	for i, r := range ix.Releases {
		if r == release {
			return i
		}
	}
	return -1
}

// Has is the set of releases with a schema of the kind.
func (ix *Index) Has(kind string) Mask {
	if k := ix.Kinds[kind]; k != nil {
		return k.Has
	}
	return 0
}

// Resolve is Schema.Resolve in every release at once: the kind's options
// of the section's group, the auth plugin's options of the section's
// auth_type, then deprecated names of either; nothing in a release that no
// longer reads the kind.
func (ix *Index) Resolve(kind, section, key, authType string) Across {
	k := ix.Kinds[kind]
	if k == nil {
		return Across{}
	}
	g := Group(section)
	m := k.Groups[g][key]
	var plugin AuthPlugin
	if p := ix.Auth.Plugins[authType]; p != nil {
		plugin = *p
	}
	common, own := ix.Auth.Common.Options[key], plugin.Options[key]
	authOK := plugin.Has & (common[0] | own[0])
	authSecret := plugin.Has & (common[0]&common[2] | own[0]&^common[0]&own[2])
	ca := ix.Auth.Common.Aliases["/"+key]
	ca = or(ca, ix.Auth.Common.Aliases[g+"/"+key])
	pa := or(plugin.Aliases["/"+key], plugin.Aliases[g+"/"+key])
	authAlias := plugin.Has & (ca[1] | pa[1])
	authAliasSecret := plugin.Has & (ca[1]&ca[2] | pa[1]&^ca[1]&pa[2])

	ok := m[0] | authOK
	known := k.Live & (ok | m[1] | authAlias)
	secret := m[0]&m[2] | authOK&^m[0]&authSecret |
		m[1]&^ok&m[2] | authAlias&^ok&^m[1]&authAliasSecret
	return Across{Known: known, Deprecated: known &^ ok, Secret: k.Live & secret}
}

func or(a, b Masks) Masks {
	for i := range a {
		a[i] |= b[i]
	}
	return a
}

// GroupMask is the set of releases registering some option in a group of
// a kind.
func (ix *Index) GroupMask(kind, group string) Mask {
	var m Mask
	if k := ix.Kinds[kind]; k != nil {
		for _, ms := range k.Groups[group] {
			m |= ms[0]
		}
	}
	return m
}

// Suggest is Schema.Suggest in release i: the one other group of the kind
// that has the key, else the closest option of its group.
func (ix *Index) Suggest(i int, kind, section, key string) (group, option string) {
	k := ix.Kinds[kind]
	if k == nil {
		return "", ""
	}
	var groups, names []string
	for g, opts := range k.Groups {
		if opts[key][0].Has(i) {
			groups = append(groups, g)
		}
	}
	for name, ms := range k.Groups[Group(section)] {
		if ms[0].Has(i) {
			names = append(names, name)
		}
	}
	return suggest(groups, names, key)
}

// GroupsWith lists the groups of a kind in which some release registers
// an option key, sorted.
func (ix *Index) GroupsWith(kind, key string) []string {
	k := ix.Kinds[kind]
	if k == nil {
		return nil
	}
	var out []string
	for g, opts := range k.Groups {
		if opts[key][0] != 0 {
			out = append(out, g)
		}
	}
	slices.Sort(out)
	return out
}

// Policy is what every release says of a policy name of a service.
func (ix *Index) Policy(service, name string) Masks {
	if p := ix.Policies[service]; p != nil {
		return p.Names[name]
	}
	return Masks{}
}

// PolicyHas is the set of releases registering policy defaults for the
// service.
func (ix *Index) PolicyHas(service string) Mask {
	if p := ix.Policies[service]; p != nil {
		return p.Has
	}
	return 0
}
