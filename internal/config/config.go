// Package config reads .stacklint.yaml: the release to check against, rule
// levels and parameters, rules enabled or disabled by id or category,
// ignored paths, suppressions (for files that cannot hold comments), and
// node roles and addresses for when inference is not enough. Decoding is
// strict, so a misspelt key is an error rather than a silently ignored
// setting, and every error names the file and line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/netip"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stacklint/stacklint/internal/release"
)

// FileName is the name stacklint looks for in PATH and its parents.
const FileName = ".stacklint.yaml"

// Config is the content of a .stacklint.yaml.
type Config struct {
	Path  string          `yaml:"-"`
	Nodes map[string]Node `yaml:"nodes"`
	// Release is the OpenStack release to check against (zed, 2025.1,
	// 2026.2 or auto); --release overrides it.
	Release string `yaml:"release"`
	// Rules sets a level (error, warning, info, off) and parameters per
	// rule id or category.
	Rules map[string]RuleSetting `yaml:"rules"`
	// Disable and Enable turn rules off and back on by id or category;
	// an id in Enable wins over its category in Disable.
	Disable []Name `yaml:"disable"`
	Enable  []Name `yaml:"enable"`
	// IgnorePaths are globs (path.Match, with ** for any depth) of
	// snapshot paths whose findings are dropped; the files are still read
	// for the cross-checks.
	IgnorePaths []Name `yaml:"ignore_paths"`
	// Ignores suppress single findings, for files that cannot hold a
	// stacklint:ignore comment (policy files).
	Ignores []Ignore `yaml:"ignores"`
}

// Node holds the settings of one node of the snapshot.
type Node struct {
	// Roles replace the inferred roles: controller, compute, network, or a
	// service name such as nova-compute or neutron-l3-agent.
	Roles []string `yaml:"roles"`
	// Addresses are the node's own addresses, added to those read from its
	// interface files and /etc/hosts.
	Addresses []string `yaml:"addresses"`
}

// Name is a string with the line it was written on.
type Name struct {
	Value string
	Line  int
}

// UnmarshalYAML keeps the line.
func (n *Name) UnmarshalYAML(node *yaml.Node) error {
	if node.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a string", node.Line)
	}
	n.Value, n.Line = node.Value, node.Line
	return nil
}

// RuleSetting is a rule's (or category's) level and parameters, written
// as a level alone ("SL-HYG-013: off") or as a mapping.
type RuleSetting struct {
	Level  string         `yaml:"level"`
	Params map[string]any `yaml:"params"`
	Line   int            `yaml:"-"`
}

// UnmarshalYAML accepts the short and the long form, strictly.
func (r *RuleSetting) UnmarshalYAML(node *yaml.Node) error {
	r.Line = node.Line
	if node.Kind == yaml.ScalarNode {
		r.Level = node.Value
		return nil
	}
	type plain RuleSetting
	var p plain
	if err := decodeStrict(node, &p); err != nil {
		return err
	}
	r.Level, r.Params = p.Level, p.Params
	return nil
}

// Ignore suppresses the findings of a rule at a path (and key, when set).
type Ignore struct {
	Path   string `yaml:"path"`
	Rule   string `yaml:"rule"`
	Key    string `yaml:"key"`
	Reason string `yaml:"reason"`
	Line   int    `yaml:"-"`
}

// UnmarshalYAML keeps the line and decodes strictly.
func (i *Ignore) UnmarshalYAML(node *yaml.Node) error {
	type plain Ignore
	var p plain
	if err := decodeStrict(node, &p); err != nil {
		return err
	}
	*i = Ignore(p)
	i.Line = node.Line
	return nil
}

// decodeStrict decodes a node rejecting unknown fields at their own line
// (yaml.v3's KnownFields does not reach custom unmarshalers). v points to
// a struct.
func decodeStrict(node *yaml.Node, v any) error {
	t := reflect.TypeOf(v).Elem()
	if node.Kind == yaml.MappingNode {
		known := fieldNames(t)
		for i := 0; i+1 < len(node.Content); i += 2 {
			if k := node.Content[i]; !known[k.Value] && k.Value != "<<" {
				return fmt.Errorf("line %d: field %s not found in type %s", k.Line, k.Value, t)
			}
		}
	}
	return node.Decode(v)
}

// fieldNames are the keys yaml.v3 decodes into a struct type.
func fieldNames(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch name {
		case "-":
		case "":
			out[strings.ToLower(f.Name)] = true
		default:
			out[name] = true
		}
	}
	return out
}

// Roles are the role names a node may be given besides service names.
var Roles = []string{"compute", "controller", "network"}

// Services are the service names a node may be given.
var Services = []string{
	"glance-api", "keystone", "neutron-dhcp-agent", "neutron-l3-agent", "neutron-linuxbridge-agent",
	"neutron-metadata-agent", "neutron-openvswitch-agent", "neutron-server", "nova-api", "nova-compute",
	"placement-api",
}

// Find returns the config file for a snapshot path: explicit when given,
// else .stacklint.yaml in path or the nearest parent, else "" (none).
func Find(explicit, path string) (string, error) {
	if explicit != "" {
		return explicit, nil
	}
	dir, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates a config file; "" gives the empty config. Every
// error of the file's content is "<file>:<line>: <message>".
func Load(path string) (*Config, error) {
	c := &Config{Path: path}
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read config: %w", err)
	}
	return decode(path, data)
}

// decode reads the content of the config file at path.
func decode(path string, data []byte) (*Config, error) {
	c := &Config{Path: path}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, located(path, data, err)
	}
	if err := nullEntry(data); err != nil {
		return nil, located(path, data, err)
	}
	if err := c.validate(); err != nil {
		return nil, located(path, data, err)
	}
	return c, nil
}

func (c *Config) validate() error {
	if c.Release != "" && !release.Valid(c.Release) {
		return &fieldError{keys: []string{"release"},
			msg: fmt.Sprintf("release: unknown release %q (one of %s)", c.Release, strings.Join(release.Names(), ", "))}
	}
	names := make([]string, 0, len(c.Nodes))
	for n := range c.Nodes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, g := range c.IgnorePaths {
		if _, err := path.Match(strings.ReplaceAll(g.Value, "**", "x"), ""); err != nil {
			return fmt.Errorf("line %d: ignore_paths: bad pattern %q", g.Line, g.Value)
		}
	}
	for _, n := range names {
		for _, a := range c.Nodes[n].Addresses {
			if _, err := netip.ParseAddr(a); err != nil {
				return &fieldError{keys: []string{"nodes", n, "addresses"}, item: a,
					msg: fmt.Sprintf("nodes.%s.addresses: %q is not an IP address", n, a)}
			}
		}
		for _, r := range c.Nodes[n].Roles {
			if !known(r) {
				return &fieldError{keys: []string{"nodes", n, "roles"}, item: r,
					msg: fmt.Sprintf("nodes.%s.roles: unknown role %q (roles: %s; services: %s)", n, r,
						strings.Join(Roles, ", "), strings.Join(Services, ", "))}
			}
		}
	}
	return nil
}

func known(r string) bool {
	return slices.Contains(Roles, r) || slices.Contains(Services, r)
}

// RoleOverrides returns the roles set per node name.
func (c *Config) RoleOverrides() map[string][]string {
	out := map[string][]string{}
	for n, s := range c.Nodes {
		if s.Roles != nil {
			out[n] = s.Roles
		}
	}
	return out
}
