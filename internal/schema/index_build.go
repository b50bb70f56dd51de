package schema

// BuildIndex builds the names-only index of the given releases' schemas
// (oldest first; at most 32). tools/schema/index writes it as
// data/index.json.gz; TestIndexMatchesSchemas rebuilds it to prove the
// embedded copy current.
func BuildIndex(schemas []*Schema) *Index {
	ix := &Index{Kinds: map[string]*KindIndex{}, Policies: map[string]*PolicyIndex{},
		Auth: AuthIndex{Common: newAuthNames(), Plugins: map[string]*AuthPlugin{}}}
	for i, s := range schemas {
		ix.Releases = append(ix.Releases, s.Release)
		bit := Mask(1) << i
		for kind, k := range s.Kinds {
			ix.addKind(s, kind, k, bit)
		}
		addAuth(&ix.Auth.Common, s.Auth.Common, bit)
		for name, opts := range s.Auth.Plugins {
			p := ix.Auth.Plugins[name]
			if p == nil {
				p = &AuthPlugin{AuthNames: newAuthNames()}
				ix.Auth.Plugins[name] = p
			}
			p.Has |= bit
			addAuth(&p.AuthNames, opts, bit)
		}
		for service, defaults := range s.Policies {
			ix.addPolicies(service, defaults, bit)
		}
	}
	return ix
}

func newAuthNames() AuthNames {
	return AuthNames{Options: map[string]Masks{}, Aliases: map[string]Masks{}}
}

// addKind adds one release's options of a kind: an option's own secret
// flag; a deprecated name (where no option of the name exists) is secret
// when an option it feeds is.
func (ix *Index) addKind(s *Schema, kind string, k *Kind, bit Mask) {
	ki := ix.Kinds[kind]
	if ki == nil {
		ki = &KindIndex{Groups: map[string]map[string]Masks{}}
		ix.Kinds[kind] = ki
	}
	ki.Has |= bit
	if s.Live(kind) {
		ki.Live |= bit
	}
	set := func(g, key string, f func(*Masks)) {
		if ki.Groups[g] == nil {
			ki.Groups[g] = map[string]Masks{}
		}
		m := ki.Groups[g][key]
		f(&m)
		ki.Groups[g][key] = m
	}
	for g, opts := range k.Groups {
		for name, o := range opts {
			set(g, name, func(m *Masks) {
				m[0] |= bit
				if o.Secret != 0 {
					m[2] |= bit
				}
			})
		}
	}
	for key, refs := range s.aliases[kind] {
		if k.Groups[key[0]][key[1]] != nil {
			continue // the option itself: what it is wins
		}
		set(key[0], key[1], func(m *Masks) {
			m[1] |= bit
			for _, r := range refs {
				if k.Groups[r.Group][r.Key].Secret != 0 {
					m[2] |= bit
				}
			}
		})
	}
}

// addAuth adds one release's auth options and their deprecated names.
func addAuth(n *AuthNames, opts map[string]*Opt, bit Mask) {
	for name, o := range opts {
		m := n.Options[name]
		m[0] |= bit
		if o.Secret != 0 {
			m[2] |= bit
		}
		n.Options[name] = m
		for _, d := range o.Deprecated {
			key := "/" + d[1]
			if d[0] != "" {
				key = Group(d[0]) + "/" + d[1]
			}
			a := n.Aliases[key]
			a[1] |= bit
			if o.Secret != 0 {
				a[2] |= bit
			}
			n.Aliases[key] = a
		}
	}
}

// addPolicies adds one release's policy defaults of a service.
func (ix *Index) addPolicies(service string, defaults map[string]*PolicyDefault, bit Mask) {
	p := ix.Policies[service]
	if p == nil {
		p = &PolicyIndex{Names: map[string]Masks{}}
		ix.Policies[service] = p
	}
	if len(defaults) > 0 {
		p.Has |= bit
	}
	for name, d := range defaults {
		m := p.Names[name]
		m[0] |= bit
		if d.Check == "" || d.Check == "@" {
			m[3] |= bit
		}
		p.Names[name] = m
		if d.OldName != "" && d.OldName != name {
			old := p.Names[d.OldName]
			old[1] |= bit
			p.Names[d.OldName] = old
		}
	}
}
