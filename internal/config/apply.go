package config

import (
	"path"
	"slices"
	"strings"
)

// Level returns a rule's level under the configuration: its own severity,
// then the category's level in rules, then the id's, then off when the id
// or its category is disabled (an id in enable cancels its category's
// disable).
func (c *Config) Level(r RuleInfo) string {
	level := r.Severity
	if s, ok := c.Rules.ByName[r.Category]; ok && s.Level != "" {
		level = s.Level
	}
	if s, ok := c.Rules.ByName[r.ID]; ok && s.Level != "" {
		level = s.Level
	}
	enabled := has(c.Enable, r.ID)
	if has(c.Disable, r.ID) || (has(c.Disable, r.Category) && !enabled) {
		return "off"
	}
	return level
}

func has(list []Name, v string) bool {
	return slices.ContainsFunc(list, func(n Name) bool { return n.Value == v })
}

// ParamsFor returns a rule's parameters: its defaults, overridden by the
// configuration.
func (c *Config) ParamsFor(r RuleInfo) map[string]any {
	out := map[string]any{}
	for k, v := range r.Params {
		out[k] = v
	}
	for k, v := range c.Rules.ByName[r.ID].Params {
		out[k] = v
	}
	return out
}

// IgnoredPath reports whether a snapshot path matches one of ignore_paths.
func (c *Config) IgnoredPath(p string) bool {
	for _, g := range c.IgnorePaths {
		if Glob(g.Value, p) {
			return true
		}
	}
	return false
}

// Glob matches a slash-separated path against a pattern: path.Match per
// segment, and "**" for any number of segments.
func Glob(pattern, p string) bool {
	return globSegs(strings.Split(pattern, "/"), strings.Split(p, "/"))
}

func globSegs(pat, segs []string) bool {
	if len(pat) == 0 {
		return len(segs) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if globSegs(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	ok, err := path.Match(pat[0], segs[0])
	return err == nil && ok && globSegs(pat[1:], segs[1:])
}

// AddressOverrides returns the addresses set per node name.
func (c *Config) AddressOverrides() map[string][]string {
	out := map[string][]string{}
	for n, s := range c.Nodes {
		if len(s.Addresses) > 0 {
			out[n] = s.Addresses
		}
	}
	return out
}
