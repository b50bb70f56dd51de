package model

import (
	"slices"

	"github.com/stacklint/stacklint/parser/netif"
)

// maxMTUHops bounds the walk from a device to the devices its packets
// leave by (a loop in hostile interface files ends there).
const maxMTUHops = 8

// pathMTU is the smallest known MTU a device's packets meet on their way
// out of the node, and the device that has it: the device's own, a VLAN's
// raw device (the kernel refuses a VLAN larger than it), and the ports of
// the bridge it is (a Linux bridge) or is an internal port of (an Open
// vSwitch bridge): its physical ports, bonds and VLANs, not its internal,
// patch or tunnel ports. A bond's own MTU is its slaves'. 0 when no MTU
// along the way is known (an unwritten MTU is not taken as 1500).
func pathMTU(all map[string]*ifaceFacts, name string, hops int) (mtu int, via string) {
	f := all[name]
	if f == nil || hops > maxMTUHops {
		return 0, ""
	}
	mtu, via = f.link.MTU, name
	if mtu == 0 {
		via = ""
	}
	for _, next := range outward(all, f.link, name) {
		if m, v := pathMTU(all, next, hops+1); m > 0 && (mtu == 0 || m < mtu) {
			mtu, via = m, v
		}
	}
	return mtu, via
}

// outward are the devices a device's packets leave by, one step on.
func outward(all map[string]*ifaceFacts, l netif.Link, name string) []string {
	var out []string
	if l.Parent != "" && l.Parent != name {
		out = append(out, l.Parent)
	}
	bridge := ""
	switch {
	case l.Kind == netif.KindBridge || l.Kind == netif.KindOVSBridge:
		bridge = name
	case l.Kind == netif.KindOVSInternal && l.Bridge != "":
		bridge = l.Bridge
	}
	if b := all[bridge]; b != nil {
		for _, m := range b.link.Members {
			if p := all[m]; p != nil && m != name && slices.Contains([]string{netif.KindEthernet, netif.KindBond, netif.KindVLAN}, p.link.Kind) {
				out = append(out, m)
			}
		}
	}
	return out
}
