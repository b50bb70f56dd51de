// Package netif reads the addresses a node configures on its interfaces
// from the files that hold them: Debian's /etc/network/interfaces, netplan
// YAML, Red Hat/SUSE ifcfg files and NetworkManager keyfiles. Only static
// addresses are returned; DHCP-configured interfaces have none to read.
package netif

import (
	"bytes"
	"net/netip"
	"strings"

	"gopkg.in/yaml.v3"
)

// Addr is one configured address and the line that sets it.
type Addr struct {
	IP   string
	Line int
}

// Format names the dialect of a file.
type Format int

// The formats Parse understands.
const (
	Interfaces Format = iota // ifupdown: "address 10.0.0.11[/24]"
	Netplan                  // YAML: network.*.*.addresses: [10.0.0.11/24]
	Ifcfg                    // IPADDR=10.0.0.11, IPADDR1=…
	Keyfile                  // NetworkManager: address1=10.0.0.11/24,10.0.0.1
)

// Parse returns the static addresses of a file of the given format.
// Unreadable content yields no addresses: these files only add facts.
// Lines may be of any length.
func Parse(f Format, data []byte) []Addr {
	if f == Netplan {
		return parseNetplan(data)
	}
	var out []Addr
	line := 0
	for raw := range bytes.Lines(data) {
		line++
		if ip, ok := lineAddr(f, strings.TrimSpace(string(raw))); ok {
			out = append(out, Addr{IP: ip, Line: line})
		}
	}
	return out
}

func lineAddr(f Format, s string) (string, bool) {
	switch f {
	case Interfaces:
		fields := strings.Fields(s)
		if len(fields) == 2 && fields[0] == "address" {
			return ip(fields[1])
		}
	case Ifcfg:
		k, v, ok := strings.Cut(s, "=")
		if ok && strings.HasPrefix(k, "IPADDR") {
			return ip(strings.Trim(v, `"'`))
		}
	case Keyfile:
		k, v, ok := strings.Cut(s, "=")
		if ok && strings.HasPrefix(k, "address") {
			first, _, _ := strings.Cut(v, ",")
			return ip(first)
		}
	}
	return "", false
}

// ip accepts "10.0.0.11" and "10.0.0.11/24"; loopback is not an address of
// the node for the checks that use these facts, nor is a scoped address
// ("fe80::1%eth0": its zone names a link of this host only).
func ip(s string) (string, bool) {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "/")
	a, err := netip.ParseAddr(s)
	if err != nil || a.IsLoopback() || a.Zone() != "" {
		return "", false
	}
	return a.String(), true
}

func parseNetplan(data []byte) []Addr {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil {
		return nil
	}
	var out []Addr
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "addresses" && v.Kind == yaml.SequenceNode {
					for _, item := range v.Content {
						if a, ok := ip(item.Value); ok && item.Kind == yaml.ScalarNode {
							out = append(out, Addr{IP: a, Line: item.Line})
						}
					}
					continue
				}
				walk(v)
			}
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
	return out
}
