package schema

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// chronological is every embedded schema, oldest first (the index order).
func chronological(t *testing.T, ix *Index) []*Schema {
	t.Helper()
	var out []*Schema
	for _, name := range ix.Releases {
		s, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if len(out) != len(Releases()) {
		t.Fatalf("index has %d releases, %d schemas are embedded: run go run ./tools/schema/index", len(out), len(Releases()))
	}
	return out
}

// TestIndexMatchesSchemas proves the embedded index current (rebuilt from
// the embedded schemas, it is equal) and ordered oldest first.
func TestIndexMatchesSchemas(t *testing.T) {
	ix, err := LoadIndex()
	if err != nil {
		t.Fatal(err)
	}
	built, _ := json.Marshal(BuildIndex(chronological(t, ix)))
	embedded, _ := json.Marshal(ix)
	if !bytes.Equal(built, embedded) {
		t.Fatal("data/index.json.gz is stale: run go run ./tools/schema/index")
	}
	if ix.Releases[0] != "stein" || ix.Releases[len(ix.Releases)-1] != "2026.2" {
		t.Errorf("releases %v: want stein first, 2026.2 last", ix.Releases)
	}
}

// TestIndexResolvesAsSchemas: for every key every release registers or
// reads as a deprecated name, in its own group and with each auth plugin,
// plus keys no release has, the index answers as each release's Resolve:
// read or not, deprecated or not, secret or not (a deprecated name feeding
// several options is secret in the index when any of them is).
func TestIndexResolvesAsSchemas(t *testing.T) {
	ix, _ := LoadIndex()
	all := chronological(t, ix)
	checked := 0
	var authNames []string // every auth option and deprecated name
	for _, n := range []AuthNames{ix.Auth.Common, ix.Auth.Plugins["password"].AuthNames, ix.Auth.Plugins["v3password"].AuthNames, ix.Auth.Plugins["token"].AuthNames} {
		authNames = append(authNames, slices.Collect(mapKeys(n.Options))...)
		for a := range n.Aliases {
			authNames = append(authNames, a[strings.Index(a, "/")+1:])
		}
	}
	for kind, k := range ix.Kinds {
		for g, keys := range k.Groups {
			names := slices.Collect(mapKeys(keys))
			names = append(names, "no_such_option", "Verbose")
			for _, key := range append(names, authNames...) {
				for _, auth := range []string{"", "password", "v3password", "token", "bogus"} {
					if auth != "" && !slices.Contains(authNames, key) {
						continue
					}
					got := ix.Resolve(kind, g, key, auth)
					for i, s := range all {
						checked++
						compareVerdict(t, s, got, i, kind, g, key, auth)
					}
				}
			}
		}
	}
	t.Logf("%d verdicts compared", checked)
}

func compareVerdict(t *testing.T, s *Schema, got Across, i int, kind, g, key, auth string) {
	t.Helper()
	v := Verdict{Status: Unknown}
	if s.Has(kind) {
		v = s.Resolve(kind, g, key, auth)
	}
	secret := v.Opt != nil && v.Opt.Secret != 0
	if v.Status == Deprecated && !secret {
		for _, r := range v.Refs {
			if o := s.Kinds[kind].Groups[r.Group][r.Key]; o != nil && o.Secret != 0 {
				secret = true
			}
		}
	}
	if got.Known.Has(i) != (v.Status != Unknown) || got.Deprecated.Has(i) != (v.Status == Deprecated) || got.Secret.Has(i) != secret {
		t.Errorf("%s %s [%s] %s auth=%q: index known=%v deprecated=%v secret=%v, schema %s secret=%v",
			s.Release, kind, g, key, auth, got.Known.Has(i), got.Deprecated.Has(i), got.Secret.Has(i), v.Status, secret)
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestIndexSuggestsAsSchemas: the index's suggestion in a release is the
// release's own, for misspelt and misplaced keys of every group.
func TestIndexSuggestsAsSchemas(t *testing.T) {
	ix, _ := LoadIndex()
	all := chronological(t, ix)
	for _, i := range []int{0, len(all) / 2, len(all) - 1} {
		s := all[i]
		for kind, k := range s.Kinds {
			for g, opts := range k.Groups {
				for name := range opts {
					for _, key := range []string{name + "x", name, name[:len(name)-1]} {
						wg, wo := s.Suggest(kind, g, key)
						gotGroup, gotOption := ix.Suggest(i, kind, g, key)
						if wg != gotGroup || wo != gotOption {
							t.Fatalf("%s %s [%s] %s: index suggests (%q, %q), schema (%q, %q)", s.Release, kind, g, key, gotGroup, gotOption, wg, wo)
						}
					}
				}
			}
		}
	}
}

// TestIndexPoliciesAsSchemas: registered, renamed and open-by-default
// policy names per release.
func TestIndexPoliciesAsSchemas(t *testing.T) {
	ix, _ := LoadIndex()
	for i, s := range chronological(t, ix) {
		for service, p := range ix.Policies {
			if p.Has.Has(i) != (len(s.Policies[service]) > 0) {
				t.Errorf("%s %s: has %v", s.Release, service, p.Has.Has(i))
			}
			for name, m := range p.Names {
				d := s.Policy(service, name)
				open := d != nil && (d.Check == "" || d.Check == "@")
				if m[0].Has(i) != (d != nil) || m[1].Has(i) != (len(s.RenamedTo(service, name)) > 0) || m[3].Has(i) != open {
					t.Errorf("%s %s %s: index %v", s.Release, service, name, m)
				}
			}
		}
	}
}

// TestAliasRefsSorted: the options a deprecated name feeds are in one
// order whatever the map order of the decoding (keystone's [DEFAULT]
// bind_host feeds admin_bind_host and public_bind_host, in that order).
func TestAliasRefsSorted(t *testing.T) {
	for _, s := range All() {
		for kind, a := range s.aliases {
			for key, refs := range a {
				if !slices.IsSortedFunc(refs, func(x, y Ref) int { return strings.Compare(x.Group+"\x00"+x.Key, y.Group+"\x00"+y.Key) }) {
					t.Errorf("%s %s %v: refs %v not sorted", s.Release, kind, key, refs)
				}
			}
		}
	}
}
