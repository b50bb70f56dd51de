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
	for i := 0; i+1 < len(network.Content); i += 2 {
		kind, ok := netplanKinds[network.Content[i].Value]
		devs := network.Content[i+1]
		if !ok || devs.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(devs.Content); j += 2 {
			netplanDevice(&set, kind, devs.Content[j], devs.Content[j+1])
		}
	}
	for _, n := range set.order {
		owner := set.by[n]
		for _, m := range owner.Members {
			if l := set.by[m]; l != nil && owner.Kind == KindBond {
				l.Bond = n
			} else if l != nil {
				l.Bridge = n
			}
		}
	}
	return set.list()
}

// netplanDevice reads one device definition of the given kind.
func netplanDevice(set *linkSet, kind string, id, body *yaml.Node) {
	name := id.Value
	if n := scalar(mapValue(body, "set-name")); n != "" {
		name = n
	}
	l := set.get(name, id.Line)
	if l.Name == "" {
		return
	}
	l.Kind, l.MTU = kind, mtu(scalar(mapValue(body, "mtu")))
	if kind == KindBridge && mapValue(body, "openvswitch") != nil {
		l.Kind = KindOVSBridge
	}
	if kind == KindVLAN {
		l.Parent = scalar(mapValue(body, "link"))
	}
	if m := mapValue(body, "interfaces"); m != nil && kind != KindEthernet && kind != KindVLAN {
		for _, it := range m.Content {
			if ifName(it.Value) && it.Kind == yaml.ScalarNode {
				l.Members = append(l.Members, it.Value)
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
	clean(l)
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
