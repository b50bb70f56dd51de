package schema

import (
	"sort"
	"strings"
)

// Status is how oslo.config treats a key of a file.
type Status string

// Statuses.
const (
	OK         Status = "ok"         // a registered option
	Deprecated Status = "deprecated" // an old name (or group) of one or more options
	Unknown    Status = "unknown"    // nothing reads it: the service ignores it silently
)

// Verdict is the resolution of one key.
type Verdict struct {
	Status Status
	Opt    *Opt  // the option (ok), or the first it feeds (deprecated)
	Refs   []Ref // deprecated: the options the old name feeds
	Auth   bool  // registered at run time from the section's auth_type
}

// Has reports whether the release has a schema for a file kind, and the
// kind is still read (linuxbridge_agent.ini has none once the agent is
// removed: every key of it is unknown).
func (s *Schema) Has(kind string) bool {
	_, ok := s.Kinds[kind]
	return ok
}

// Live reports whether the release still reads the kind: some namespace
// of the service itself is registered. When only library namespaces are
// left (linuxbridge_agent.ini once the agent is removed keeps oslo.log),
// no process reads the file.
func (s *Schema) Live(kind string) bool {
	k := s.Kinds[kind]
	if k == nil {
		return false
	}
	for _, ns := range k.Namespaces {
		if !isLibrary(ns) {
			return true
		}
	}
	return false
}

func isLibrary(ns string) bool {
	for _, p := range []string{"oslo.", "keystonemiddleware.", "osprofiler", "castellan.", "os_brick"} {
		if strings.HasPrefix(ns, p) {
			return true
		}
	}
	return false
}

// Resolve looks a key of a file section up as oslo.config does for the
// services: the options of the kind's namespaces, then the auth plugin's
// options registered from the section's auth_type ("" when unset), then
// deprecated names of either.
func (s *Schema) Resolve(kind, section, key, authType string) Verdict {
	k := s.Kinds[kind]
	if k == nil || !s.Live(kind) {
		return Verdict{Status: Unknown}
	}
	g := Group(section)
	if o := k.Groups[g][key]; o != nil {
		return Verdict{Status: OK, Opt: o}
	}
	if o := s.authOpt(authType, key); o != nil {
		return Verdict{Status: OK, Opt: o, Auth: true}
	}
	if refs := s.aliases[kind][[2]string{g, key}]; len(refs) > 0 {
		return Verdict{Status: Deprecated, Opt: k.Groups[refs[0].Group][refs[0].Key], Refs: refs}
	}
	if ref, o := s.authAlias(authType, g, key); o != nil {
		return Verdict{Status: Deprecated, Opt: o, Refs: []Ref{ref}, Auth: true}
	}
	return Verdict{Status: Unknown}
}

func (s *Schema) authOpt(authType, key string) *Opt {
	if _, ok := s.Auth.Plugins[authType]; !ok {
		return nil // no such plugin: keystoneauth registers nothing
	}
	if o := s.Auth.Common[key]; o != nil {
		return o
	}
	return s.Auth.Plugins[authType][key]
}

// authAlias finds an auth plugin option one of whose deprecated names is
// key (in this section, or the group the alias names).
func (s *Schema) authAlias(authType, group, key string) (Ref, *Opt) {
	if _, ok := s.Auth.Plugins[authType]; !ok {
		return Ref{}, nil
	}
	for _, opts := range []map[string]*Opt{s.Auth.Common, s.Auth.Plugins[authType]} {
		for dest, o := range opts {
			for _, d := range o.Deprecated {
				if d[1] == key && (d[0] == "" || Group(d[0]) == group) {
					return Ref{Group: group, Key: dest}, o
				}
			}
		}
	}
	return Ref{}, nil
}

// Options lists the dests of a group of a kind (for suggestions).
func (s *Schema) Options(kind, group string) map[string]*Opt {
	if k := s.Kinds[kind]; k != nil {
		return k.Groups[group]
	}
	return nil
}

// GroupsWith lists the groups of a kind that have an option key, sorted.
func (s *Schema) GroupsWith(kind, key string) []string {
	k := s.Kinds[kind]
	if k == nil {
		return nil
	}
	var out []string
	for g, opts := range k.Groups {
		if opts[key] != nil {
			out = append(out, g)
		}
	}
	sort.Strings(out)
	return out
}
