package netif

import (
	"bytes"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Interface kinds (Link.Kind). "" means the source does not say.
const (
	KindEthernet    = "ethernet"     // a plain device (NIC, or one the source names without a kind)
	KindBridge      = "bridge"       // a Linux bridge
	KindBond        = "bond"         // a Linux bond
	KindVLAN        = "vlan"         // an 802.1Q device on Parent
	KindOVSBridge   = "ovs-bridge"   // an Open vSwitch bridge
	KindOVSPort     = "ovs-port"     // an Open vSwitch port that is not a device itself (NetworkManager, bonds)
	KindOVSInternal = "ovs-internal" // an Open vSwitch internal port (ip -d shows bridges so too)
	KindLoopback    = "loopback"
)

// Link is what one source says of one interface: its name, kind, MTU
// (0: not said), the devices it holds (bridge ports, bond slaves), the
// raw device of a VLAN, the bridge it is a port of, the bond it is a
// slave of, its static addresses (canonical, loopback and scoped ones
// left out) and the line that names it (1-based; the first line of a
// stanza, section or mapping key).
type Link struct {
	Name      string
	Kind      string
	MTU       int
	Members   []string
	Parent    string
	Bridge    string
	Bond      string
	Addresses []string
	Line      int
}

// MaxLinks bounds the interfaces one file may describe; the rest is not
// read (a real node has tens).
const MaxLinks = 4096

// ParseLinks returns the interfaces a file of the given format describes,
// in the order the file names them (one Link per name). base is the
// file's name, which names the interface of an ifcfg or keyfile that
// does not say it. Unreadable content yields what was read before it.
func ParseLinks(f Format, base string, data []byte) []Link {
	switch f {
	case Interfaces:
		return ifupdownLinks(data)
	case Netplan:
		return netplanLinks(data)
	case Ifcfg:
		return ifcfgLinks(base, data)
	case Keyfile:
		return keyfileLinks(base, data)
	}
	return nil
}

// mtu reads an MTU value (68..65536 as Linux accepts; 0 otherwise).
func mtu(s string) int {
	n, err := strconv.Atoi(strings.Trim(strings.TrimSpace(s), `"'`))
	if err != nil || n < 68 || n > 65536 {
		return 0
	}
	return n
}

// ifName accepts a Linux interface name: 1..15 bytes, no space, '/' or ':'.
func ifName(s string) bool {
	return s != "" && len(s) <= 15 && s != "." && s != ".." && !strings.ContainsAny(s, " \t/:\x00\"'")
}

// words splits a list value ("eth1 eth2", "eth1,eth2") into names,
// dropping "none" and names Linux would refuse.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
		if w != "none" && ifName(w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// vlanParent is the raw device of a VLAN named "eth0.100" ("" otherwise).
func vlanParent(name string) string {
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 {
		return ""
	}
	if _, err := strconv.Atoi(name[dot+1:]); err != nil {
		return ""
	}
	return name[:dot]
}

// linkSet keeps Links by name in first-seen order, bounded by MaxLinks.
type linkSet struct {
	order []string
	by    map[string]*Link
}

func (s *linkSet) get(name string, line int) *Link {
	if s.by == nil {
		s.by = map[string]*Link{}
	}
	if l := s.by[name]; l != nil {
		return l
	}
	if !ifName(name) || len(s.order) >= MaxLinks {
		return &Link{} // not kept
	}
	l := &Link{Name: name, Line: line}
	s.by[name] = l
	s.order = append(s.order, name)
	return l
}

func (s *linkSet) list() []Link {
	out := make([]Link, 0, len(s.order))
	for _, n := range s.order {
		out = append(out, *s.by[n])
	}
	return out
}

func addAddr(l *Link, s string) {
	if a, ok := ip(s); ok && !slices.Contains(l.Addresses, a) {
		l.Addresses = append(l.Addresses, a)
	}
}

// ifupdownLinks reads Debian's interfaces(5) stanzas: "iface NAME ...",
// then options until the next stanza (bridge_ports, bond-slaves,
// bond-master, vlan-raw-device, mtu, ovs_type, ovs_bridge, ovs_ports,
// address); option names take '-' and '_' alike, as ifupdown does.
func ifupdownLinks(data []byte) []Link {
	var set linkSet
	var cur *Link
	line := 0
	for raw := range bytes.Lines(data) {
		line++
		fields := strings.Fields(string(raw))
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		key := strings.ReplaceAll(fields[0], "_", "-")
		switch key {
		case "iface":
			cur = nil
			if len(fields) >= 2 {
				cur = set.get(fields[1], line)
				if len(fields) >= 4 && fields[3] == "loopback" {
					cur.Kind = KindLoopback
				}
				if p := vlanParent(cur.Name); p != "" && cur.Kind == "" {
					cur.Kind, cur.Parent = KindVLAN, p
				}
			}
			continue
		case "auto", "allow-hotplug", "mapping", "source", "source-directory", "no-auto-down", "no-scripts", "rename":
			cur = nil
			continue
		}
		if strings.HasPrefix(key, "allow-") {
			cur = nil
			continue
		}
		if cur == nil || cur.Name == "" {
			continue
		}
		ifupdownOption(cur, key, strings.Join(fields[1:], " "))
	}
	return set.list()
}

func ifupdownOption(l *Link, key, val string) {
	switch key {
	case "address":
		addAddr(l, val)
	case "mtu":
		l.MTU = mtu(val)
	case "bridge-ports":
		l.Kind, l.Members = KindBridge, words(val)
	case "bond-slaves":
		l.Kind, l.Members = KindBond, words(val)
	case "bond-master":
		if w := words(val); len(w) == 1 {
			l.Bond = w[0]
		}
	case "vlan-raw-device":
		if w := words(val); len(w) == 1 {
			l.Kind, l.Parent = KindVLAN, w[0]
		}
	case "ovs-type":
		l.Kind = ovsType(val)
	case "ovs-bridge":
		if w := words(val); len(w) == 1 {
			l.Bridge = w[0]
		}
	case "ovs-ports", "ovs-bonds":
		l.Members = words(val)
	}
}

// ovsType maps an ovs_type/TYPE value (OVSBridge, OVSPort, OVSIntPort,
// OVSBond, OVSUserBridge, OVSPatchPort...) to a kind.
func ovsType(v string) string {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(v), `"'`)) {
	case "ovsbridge", "ovsuserbridge":
		return KindOVSBridge
	case "ovsintport":
		return KindOVSInternal
	case "ovsport", "ovsdpdkport":
		return KindEthernet
	case "ovsbond", "ovsdpdkbond", "ovspatchport", "ovstunnel":
		return KindOVSPort
	}
	return ""
}

// ifcfgLinks reads one ifcfg-NAME file: DEVICE (else the file's name),
// TYPE, DEVICETYPE, BRIDGE, MASTER, VLAN, PHYSDEV, MTU, OVS_BRIDGE,
// BOND_IFACES, IPADDR*.
func ifcfgLinks(base string, data []byte) []Link {
	vals := map[string]string{}
	var addrs []string
	line, first := 0, 0
	for raw := range bytes.Lines(data) {
		line++
		k, v, ok := strings.Cut(strings.TrimSpace(string(raw)), "=")
		if !ok || strings.HasPrefix(k, "#") {
			continue
		}
		if first == 0 {
			first = line
		}
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		if strings.HasPrefix(k, "IPADDR") {
			addrs = append(addrs, v)
			continue
		}
		vals[k] = v
	}
	name := vals["DEVICE"]
	if name == "" {
		name = strings.TrimPrefix(base, "ifcfg-")
	}
	if !ifName(name) || first == 0 {
		return nil
	}
	l := &Link{Name: name, Line: first, MTU: mtu(vals["MTU"])}
	for _, a := range addrs {
		addAddr(l, a)
	}
	switch t := strings.ToLower(vals["TYPE"]); {
	case vals["DEVICETYPE"] == "ovs" || strings.HasPrefix(t, "ovs"):
		l.Kind = ovsType(t)
		l.Bridge = vals["OVS_BRIDGE"]
		l.Members = words(vals["BOND_IFACES"])
	case t == "bridge":
		l.Kind = KindBridge
	case t == "bond" || vals["BONDING_MASTER"] == "yes":
		l.Kind = KindBond
	case t == "vlan" || vals["VLAN"] == "yes":
		l.Kind, l.Parent = KindVLAN, vals["PHYSDEV"]
		if l.Parent == "" {
			l.Parent = vlanParent(name)
		}
	case t == "ethernet":
		l.Kind = KindEthernet
	}
	if l.Bridge == "" && ifName(vals["BRIDGE"]) {
		l.Bridge = vals["BRIDGE"]
	}
	if ifName(vals["MASTER"]) {
		l.Bond = vals["MASTER"]
	}
	if !ifName(l.Bridge) {
		l.Bridge = ""
	}
	if !ifName(l.Parent) {
		l.Parent = ""
	}
	return []Link{*l}
}

// keyfileLinks reads one NetworkManager keyfile: [connection] type,
// interface-name (else the file's name without .nmconnection),
// master/controller with slave-type/port-type, [ethernet] mtu (and the
// other settings' mtu), [vlan] parent, [ipv4]/[ipv6] addressN.
func keyfileLinks(base string, data []byte) []Link {
	vals := map[string]string{}
	var addrs []string
	section := ""
	line, first := 0, 0
	for raw := range bytes.Lines(data) {
		line++
		s := strings.TrimSpace(string(raw))
		if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
			section = strings.ToLower(s[1 : len(s)-1])
			if section == "connection" && first == 0 {
				first = line
			}
			continue
		}
		k, v, ok := strings.Cut(s, "=")
		if !ok || strings.HasPrefix(s, "#") {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if (section == "ipv4" || section == "ipv6") && strings.HasPrefix(k, "address") {
			first, _, _ := strings.Cut(v, ",")
			addrs = append(addrs, first)
			continue
		}
		vals[section+"."+k] = v
	}
	name := vals["connection.interface-name"]
	if name == "" {
		name = strings.TrimSuffix(path.Base(base), ".nmconnection")
	}
	if !ifName(name) || first == 0 {
		return nil
	}
	l := &Link{Name: name, Line: first}
	for _, a := range addrs {
		addAddr(l, a)
	}
	for _, k := range []string{"ethernet.mtu", "802-3-ethernet.mtu", "bond.mtu", "bridge.mtu", "vlan.mtu", "ovs-interface.mtu", "wired.mtu"} {
		if n := mtu(vals[k]); n > 0 {
			l.MTU = n
		}
	}
	switch vals["connection.type"] {
	case "ethernet", "802-3-ethernet":
		l.Kind = KindEthernet
	case "bridge":
		l.Kind = KindBridge
	case "bond":
		l.Kind = KindBond
	case "vlan":
		l.Kind, l.Parent = KindVLAN, vals["vlan.parent"]
	case "ovs-bridge":
		l.Kind = KindOVSBridge
	case "ovs-port":
		l.Kind = KindOVSPort
	case "ovs-interface":
		l.Kind = KindOVSInternal
		if vals["ovs-interface.type"] == "system" {
			l.Kind = KindEthernet
		}
	}
	master := vals["connection.master"]
	if c := vals["connection.controller"]; c != "" {
		master = c
	}
	slave := vals["connection.slave-type"]
	if p := vals["connection.port-type"]; p != "" {
		slave = p
	}
	if ifName(master) {
		switch slave {
		case "bridge", "ovs-bridge", "ovs-port":
			l.Bridge = master
		case "bond":
			l.Bond = master
		}
	}
	if !ifName(l.Parent) {
		l.Parent = ""
	}
	return []Link{*l}
}
