package sos

import (
	"bytes"
	"strings"

	"github.com/stacklint/stacklint/parser/netif"
)

// ParseOVSShow reads `ovs-vsctl show` output: every "Bridge NAME" is an
// Open vSwitch bridge whose Members are its ports; every "Interface NAME"
// below a "Port" is a port of that bridge (Bridge set), of the kind its
// "type:" line gives (internal: an internal port, the bridge's own
// interface when it has the bridge's name; patch, vxlan, geneve, gre...:
// "ovs-" and the type, not a kernel device; no type: a system device,
// whose kind ip -d address tells). A port holding several interfaces is
// a bond: its interfaces get Bond set to the port's name. Names may be
// quoted (older releases quote them). Line is where each is named.
func ParseOVSShow(data []byte) []netif.Link {
	var out []netif.Link
	bridge, port := -1, ""
	var portIfaces []int
	iface := -1
	closePort := func() {
		if len(portIfaces) > 1 {
			for _, i := range portIfaces {
				out[i].Bond = port
			}
		}
		portIfaces, port = nil, ""
	}
	line := 0
	for raw := range bytes.Lines(data) {
		line++
		f := strings.Fields(string(raw))
		if len(f) < 2 || len(out) >= netif.MaxLinks {
			continue
		}
		name := strings.Trim(f[1], `"`)
		switch f[0] {
		case "Bridge":
			closePort()
			bridge, iface = -1, -1
			if validName(name) {
				out = append(out, netif.Link{Name: name, Kind: netif.KindOVSBridge, Line: line})
				bridge = len(out) - 1
			}
		case "Port":
			closePort()
			iface = -1
			if bridge >= 0 && validName(name) {
				port = name
				out[bridge].Members = appendNew(out[bridge].Members, name)
			}
		case "Interface":
			iface = -1
			if bridge >= 0 && port != "" && validName(name) && name != out[bridge].Name {
				out = append(out, netif.Link{Name: name, Bridge: out[bridge].Name, Line: line})
				iface = len(out) - 1
				portIfaces = append(portIfaces, iface)
			}
		case "type:":
			if iface >= 0 {
				out[iface].Kind = ovsIfaceKind(name)
			}
		}
	}
	closePort()
	return out
}

// ovsIfaceKind is the kind of an OVS interface type ("" for system).
func ovsIfaceKind(t string) string {
	switch t {
	case "", "system":
		return ""
	case "internal":
		return netif.KindOVSInternal
	}
	return "ovs-" + t
}
