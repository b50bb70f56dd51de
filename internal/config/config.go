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
	"maps"
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
	"github.com/stacklint/stacklint/internal/safefile"
)

// FileName is the name stacklint looks for in PATH and its parents (up to
// the top of the enclosing repository).
const FileName = ".stacklint.yaml"

// Config is the content of a .stacklint.yaml.
type Config struct {
	Path  string          `yaml:"-"`
	Nodes map[string]Node `yaml:"nodes"`
	// Release is the OpenStack release to check against (zed, 2025.1,
	// 2026.2 or auto), with SERVICE=RELEASE items for single services
	// ("auto,nova=2023.2"); --release overrides it item by item.
	Release string `yaml:"release"`
	// Rules sets a level (error, warning, info, off) and parameters per
	// rule id or category, and names folders of custom rules (Paths).
	Rules RuleSettings `yaml:"rules"`
	// RuleTimeout bounds each custom rule's evaluation ("30s");
	// --rule-timeout overrides it. Unset: 10s.
	RuleTimeout Duration `yaml:"rule_timeout"`
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
	// MaxFileSize is the size limit of a snapshot file ("64MiB");
	// --max-file-size overrides it. Unset: 8 MiB.
	MaxFileSize Size `yaml:"max_file_size"`
}

// Size is a number of bytes written as "64MiB", "512KiB" or "1048576"
// (safefile.ParseSize), with the line it was written on.
type Size struct {
	Bytes int64
	Line  int
}

// UnmarshalYAML parses the size strictly.
func (s *Size) UnmarshalYAML(node *yaml.Node) error {
	n, err := safefile.ParseSize(node.Value)
	if node.Kind != yaml.ScalarNode || err != nil {
		return fmt.Errorf("line %d: max_file_size: want a size such as 64MiB, not %q", node.Line, node.Value)
	}
	s.Bytes, s.Line = n, node.Line
	return nil
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
	if err := decodeStrict(node, &p, "a rule setting"); err != nil {
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
	if err := decodeStrict(node, &p, "an ignore"); err != nil {
		return err
	}
	*i = Ignore(p)
	i.Line = node.Line
	return nil
}

// decodeStrict decodes a node rejecting unknown fields at their own line
// (yaml.v3's KnownFields does not reach custom unmarshalers). v points to
// a struct; what names it in messages ("a rule setting"), never a Go type.
func decodeStrict(node *yaml.Node, v any, what string) error {
	t := reflect.TypeOf(v).Elem()
	known := fieldNames(t)
	if node.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(node.Content); i += 2 {
			if k := node.Content[i]; !known[k.Value] && k.Value != "<<" {
				return fmt.Errorf("line %d: unknown key %s in %s (known: %s)", k.Line, k.Value, what, strings.Join(slices.Sorted(maps.Keys(known)), ", "))
			}
		}
	}
	if err := node.Decode(v); err != nil {
		return fmt.Errorf("%s", strings.ReplaceAll(err.Error(), "into "+t.String(), "into "+what))
	}
	return nil
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
var Roles = []string{"compute", "controller", "network", "storage"}

// Services are the service names a node may be given.
var Services = []string{
	"cinder-api", "cinder-backup", "cinder-scheduler", "cinder-volume", "glance-api", "keystone", "neutron-dhcp-agent", "neutron-l3-agent", "neutron-linuxbridge-agent",
	"neutron-metadata-agent", "neutron-openvswitch-agent", "neutron-server", "nova-api", "nova-compute",
	"placement-api",
}

// None is the --config value that turns configuration off.
const None = "none"

// maxConfigSize bounds a .stacklint.yaml: 1 MiB is thousands of ignores.
const maxConfigSize = 1 << 20

// Find returns the configuration file for a snapshot path, or "" for none:
//   - explicit None: none; any other explicit path: that file;
//   - else .stacklint.yaml in PATH or its nearest parent, searching no
//     higher than the top of the repository that encloses PATH (the
//     nearest folder holding .git, a folder or a file); when no repository
//     encloses PATH, PATH alone. A file in some parent folder outside the
//     repository (a home directory, /tmp) cannot silently configure a run.
//
// A .stacklint.yaml found that way that is a symbolic link is followed
// only when it leads inside the repository (PATH when there is none); the
// error names it otherwise. The path returned is relative to the current
// directory when it is below it, else absolute; a found link is returned
// resolved: the file that is read.
func Find(explicit, path string) (string, error) {
	switch explicit {
	case None:
		return "", nil
	case "":
	default:
		return explicit, nil
	}
	dir, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	top := repositoryTop(dir)
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		st, err := os.Lstat(p)
		switch {
		case err == nil && st.Mode()&fs.ModeSymlink != 0:
			return inside(p, top)
		case err == nil:
			return relative(p), nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		if d == top || filepath.Dir(d) == d {
			return "", nil
		}
	}
}

// repositoryTop is the nearest folder from dir upward that holds .git, or
// dir itself when there is none.
func repositoryTop(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

// inside resolves a configuration file that is a symbolic link and accepts
// it only when it leads inside top.
func inside(p, top string) (string, error) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", fmt.Errorf("%s: symbolic link cannot be followed: %w", relative(p), err)
	}
	realTop, err := filepath.EvalSymlinks(top)
	if err != nil {
		return "", err
	}
	if real != realTop && !strings.HasPrefix(real, realTop+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is a symbolic link to %s, outside %s; not read (name it with --config to use it)", relative(p), real, realTop)
	}
	return relative(real), nil
}

// relative shortens an absolute path below the current directory.
func relative(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return p
}

// Load reads and validates a config file; "" gives the empty config. The
// file is read through internal/safefile: a named pipe or device is an
// error naming it (never a hang), and so is a file over 1 MiB. Every error
// of the file's content is "<file>:<line>: <message>".
func Load(path string) (*Config, error) {
	c := &Config{Path: path}
	if path == "" {
		return c, nil
	}
	data, err := safefile.Follow(path, maxConfigSize)
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
	if err := c.checkRulePaths(); err != nil {
		return err
	}
	if err := release.Check(c.Release); err != nil {
		return &fieldError{keys: []string{"release"}, msg: "release: " + err.Error()}
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
