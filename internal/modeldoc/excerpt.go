package modeldoc

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// excerptPaths are the parts of the example docs/model.md shows: a
// node's identity, one process, one INI file with an address, a URL with
// its password as a fingerprint and a secret option, and the release.
var excerptPaths = [][]string{
	{"model_version"},
	{"release"},
	{"nodes", "compute1", "name"},
	{"nodes", "compute1", "hostname"},
	{"nodes", "compute1", "layout"},
	{"nodes", "compute1", "roles"},
	{"nodes", "compute1", "services"},
	{"nodes", "compute1", "addresses"},
	{"nodes", "compute1", "processes", "nova-compute"},
	{"nodes", "compute1", "files", "etc/nova/nova.conf", "kind"},
	{"nodes", "compute1", "files", "etc/nova/nova.conf", "path"},
	{"nodes", "compute1", "files", "etc/nova/nova.conf", "node"},
	{"nodes", "compute1", "files", "etc/nova/nova.conf", "sections", "DEFAULT", "my_ip"},
	{"nodes", "compute1", "files", "etc/nova/nova.conf", "sections", "DEFAULT", "transport_url"},
	{"nodes", "compute1", "files", "etc/nova/nova.conf", "sections", "keystone_authtoken", "password"},
	{"owners"},
}

// Excerpt is the parts of the example document (JSON) at excerptPaths,
// as indented JSON; it fails when one is missing (the example changed).
func Excerpt(example []byte) (string, error) {
	var doc map[string]any
	if err := json.Unmarshal(example, &doc); err != nil {
		return "", err
	}
	out := map[string]any{}
	for _, p := range excerptPaths {
		v, ok := lookup(doc, p)
		if !ok {
			return "", fmt.Errorf("the example has no %v", p)
		}
		put(out, p, v)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return "", err
	}
	return b.String(), nil
}

func lookup(doc map[string]any, path []string) (any, bool) {
	var cur any = doc
	for _, k := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

func put(out map[string]any, path []string, v any) {
	for _, k := range path[:len(path)-1] {
		next, ok := out[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			out[k] = next
		}
		out = next
	}
	out[path[len(path)-1]] = v
}
