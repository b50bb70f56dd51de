package schema

import (
	"slices"
	"sync"
)

// AnyGroup is the group of a name the static reading could not place in a
// group: it matches a key of any section.
const AnyGroup = "*"

// OlderNames are the option names the releases older than Stein read, by a
// static reading of their sources (tools/schema/older_names.py; method,
// recall and limits in docs/schema.md): names only, no types or defaults.
// Embedded as data/older.json.gz.
type OlderNames struct {
	// Releases are the releases covered, oldest first (icehouse .. rocky).
	Releases []string `json:"releases"`
	// Versions are release -> project (service or library distribution) ->
	// the version (git tag) read.
	Versions map[string]map[string]string `json:"versions"`
	// Services are release -> service (nova, neutron, keystone, glance,
	// cinder; placement was nova's) -> group (lower case but DEFAULT, or
	// AnyGroup) -> sorted option dests, deprecated names included.
	Services map[string]map[string]map[string][]string `json:"services"`
}

// Older returns the embedded older releases' names, decoded on first use
// and kept. The error says the data is missing or corrupt.
func Older() (*OlderNames, error) { return embeddedOlder() }

var embeddedOlder = sync.OnceValues(decodeOlder)

func decodeOlder() (*OlderNames, error) {
	o := &OlderNames{}
	return o, decodeEmbedded("data/older.json.gz", "older releases' names", o)
}

// ReadIn lists the older releases, oldest first, in which some process of
// the service reads the option (or deprecated) name in the section's group
// (compared as Group does; a name in AnyGroup matches every group). Nil
// when no older release reads it, or for a service not covered.
func (o *OlderNames) ReadIn(service, group, name string) []string {
	g := Group(group)
	var out []string
	for _, r := range o.Releases {
		groups := o.Services[r][service]
		if sortedHas(groups[g], name) || sortedHas(groups[AnyGroup], name) {
			out = append(out, r)
		}
	}
	return out
}

// sortedHas reports whether a sorted list holds name.
func sortedHas(sorted []string, name string) bool {
	_, ok := slices.BinarySearch(sorted, name)
	return ok
}
