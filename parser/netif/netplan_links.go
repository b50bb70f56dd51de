package netif

import (
	"gopkg.in/yaml.v3"
)

// netplanKinds maps netplan's device-type sections to kinds.
var netplanKinds = map[string]string{
	"ethernets": KindEthernet, "bridges": KindBridge, "bonds": KindBond, "vlans": KindVLAN,
}

// netplanLinks reads network.{ethernets,bridges,bonds,vlans}.<id>: the
// id (or set-name) names the device; mtu, interfaces (members), link (a
// VLAN's raw device), addresses, and a bridge with an openvswitch key is
// an Open vSwitch bridge. Members get their bridge or bond.
func netplanLinks(data []byte) []Link {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return nil
	}
	network := mapValue(root.Content[0], "network")
	if network == nil {
		return nil
	}
	var set linkSet
	var ports [][3]string // member, owner, kind of owner
	for i := 0; i+1 < len(network.Content); i += 2 {
		kind, ok := netplanKinds[network.Content[i].Value]
		devs := network.Content[i+1]
		if !ok || devs.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(devs.Content); j += 2 {
			id, body := devs.Content[j], devs.Content[j+1]
			name := id.Value
			if n := scalar(mapValue(body, "set-name")); n != "" {
				name = n
			}
			l := set.get(name, id.Line)
			if l.Name == "" {
				continue
			}
			l.Kind = kind
			if kind == KindBridge && mapValue(body, "openvswitch") != nil {
				l.Kind = KindOVSBridge
			}
			l.MTU = mtu(scalar(mapValue(body, "mtu")))
			if kind == KindVLAN {
				if p := scalar(mapValue(body, "link")); ifName(p) {
					l.Parent = p
				}
			}
			if m := mapValue(body, "interfaces"); m != nil && (kind == KindBridge || kind == KindBond) {
				for _, it := range m.Content {
					if ifName(it.Value) && it.Kind == yaml.ScalarNode {
						l.Members = append(l.Members, it.Value)
						ports = append(ports, [3]string{it.Value, name, kind})
					}
				}
			}
			if a := mapValue(body, "addresses"); a != nil {
				for _, it := range a.Content {
					if it.Kind == yaml.ScalarNode {
						addAddr(l, it.Value)
					}
				}
			}
		}
	}
	for _, p := range ports {
		if m := set.by[p[0]]; m != nil {
			if p[2] == KindBond {
				m.Bond = p[1]
			} else {
				m.Bridge = p[1]
			}
		}
	}
	return set.list()
}

// mapValue is the value of key in a YAML mapping node, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// scalar is a scalar node's text ("" for nil or any other node).
func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}
