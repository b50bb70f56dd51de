// Package config reads .stacklint.yaml: node role overrides (for when role
// inference is wrong) and the release to check against; decoding is strict, so a misspelt key
// is an error rather than a silently ignored setting.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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
}

// Node holds the settings of one node of the snapshot.
type Node struct {
	// Roles replace the inferred roles: controller, compute, network, or a
	// service name such as nova-compute or neutron-l3-agent.
	Roles []string `yaml:"roles"`
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

// Load reads and validates a config file; "" gives the empty config.
func Load(path string) (*Config, error) {
	c := &Config{Path: path}
	if path == "" {
		return c, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

func (c *Config) validate() error {
	if c.Release != "" && !release.Valid(c.Release) {
		return fmt.Errorf("release: unknown release %q (one of %s)", c.Release, strings.Join(release.Names(), ", "))
	}
	names := make([]string, 0, len(c.Nodes))
	for n := range c.Nodes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for _, r := range c.Nodes[n].Roles {
			if !known(r) {
				return fmt.Errorf("nodes.%s.roles: unknown role %q (roles: %s; services: %s)", n, r,
					strings.Join(Roles, ", "), strings.Join(Services, ", "))
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
