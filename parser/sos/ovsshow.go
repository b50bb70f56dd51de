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
	var r ovsReader
	r.bridge, r.iface = -1, -1
	line := 0
	for raw := range bytes.Lines(data) {
		line++
		f := strings.Fields(string(raw))
		if len(f) < 2 || len(r.out) >= netif.MaxLinks {
			continue
		}
		r.word(f[0], strings.Trim(f[1], `"`), line)
	}
	r.closePort()
	return r.out
}

// ovsReader is where ParseOVSShow is: the links so far, the current
// bridge's and interface's index (-1: none), the current port's name and
// its interfaces' indexes.
type ovsReader struct {
	out           []netif.Link
	bridge, iface int
	port          string
	portIfaces    []int
}

func (r *ovsReader) word(key, name string, line int) {
	switch key {
	case "Bridge":
		r.closePort()
		r.bridge, r.iface = -1, -1
		if validName(name) {
			r.out = append(r.out, netif.Link{Name: name, Kind: netif.KindOVSBridge, Line: line})
			r.bridge = len(r.out) - 1
		}
	case "Port":
		r.closePort()
		r.iface = -1
		if r.bridge >= 0 && validName(name) {
			r.port = name
			r.out[r.bridge].Members = appendNew(r.out[r.bridge].Members, name)
		}
	case "Interface":
		r.iface = -1
		if r.bridge >= 0 && r.port != "" && validName(name) && name != r.out[r.bridge].Name {
			r.out = append(r.out, netif.Link{Name: name, Bridge: r.out[r.bridge].Name, Line: line})
			r.iface = len(r.out) - 1
			r.portIfaces = append(r.portIfaces, r.iface)
		}
	case "type:":
		if r.iface >= 0 {
			r.out[r.iface].Kind = ovsIfaceKind(name)
		}
	}
}

// closePort ends a port: a port of several interfaces is a bond.
func (r *ovsReader) closePort() {
	if len(r.portIfaces) > 1 {
		for _, i := range r.portIfaces {
			r.out[i].Bond = r.port
		}
	}
	r.portIfaces, r.port = nil, ""
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
