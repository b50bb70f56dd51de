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
	vals, addrs, first := assignments(data, "", func(section, k string) bool { return strings.HasPrefix(k, "IPADDR") })
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
	ifcfgKind(l, vals)
	if l.Bridge == "" {
		l.Bridge = vals["BRIDGE"]
	}
	l.Bond = vals["MASTER"]
	clean(l)
	return []Link{*l}
}

// ifcfgKind sets the kind (and what comes with it) an ifcfg file's TYPE,
// DEVICETYPE, BONDING_MASTER and VLAN say.
func ifcfgKind(l *Link, vals map[string]string) {
	switch t := strings.ToLower(vals["TYPE"]); {
	case vals["DEVICETYPE"] == "ovs" || strings.HasPrefix(t, "ovs"):
		l.Kind, l.Bridge, l.Members = ovsType(t), vals["OVS_BRIDGE"], words(vals["BOND_IFACES"])
	case t == "bridge":
		l.Kind = KindBridge
	case t == "bond" || vals["BONDING_MASTER"] == "yes":
		l.Kind = KindBond
	case t == "vlan" || vals["VLAN"] == "yes":
		l.Kind, l.Parent = KindVLAN, vals["PHYSDEV"]
		if l.Parent == "" {
			l.Parent = vlanParent(l.Name)
		}
	case t == "ethernet":
		l.Kind = KindEthernet
	}
}

// clean drops related names Linux would refuse.
func clean(l *Link) {
	for _, p := range []*string{&l.Bridge, &l.Bond, &l.Parent} {
		if !ifName(*p) {
			*p = ""
		}
	}
}

// assignments reads "key=value" lines (in "[section]"s for keyfiles: keys
// become "section.key"), values unquoted (ifcfg) and trimmed. Values of
// keys listed(section, key) are returned in order instead; first is the
// first assignment's line, or with sections the first [connection]'s.
func assignments(data []byte, need string, listed func(section, key string) bool) (vals map[string]string, list []string, first int) {
	vals = map[string]string{}
	section, line := "", 0
	for raw := range bytes.Lines(data) {
		line++
		s := strings.TrimSpace(string(raw))
		if need != "" && strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
			section = strings.ToLower(s[1 : len(s)-1])
			if section == need && first == 0 {
				first = line
			}
			continue
		}
		k, v, ok := strings.Cut(s, "=")
		if !ok || strings.HasPrefix(s, "#") {
			continue
		}
		if need == "" && first == 0 {
			first = line
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if need == "" {
			v = strings.Trim(v, `"'`)
		}
		if listed(section, k) {
			list = append(list, v)
			continue
		}
		if need != "" {
			k = section + "." + k
		}
		vals[k] = v
	}
	return vals, list, first
}

// keyfileLinks reads one NetworkManager keyfile: [connection] type,
// interface-name (else the file's name without .nmconnection),
// master/controller with slave-type/port-type, [ethernet] mtu (and the
// other settings' mtu), [vlan] parent, [ipv4]/[ipv6] addressN.
func keyfileLinks(base string, data []byte) []Link {
	vals, addrs, first := assignments(data, "connection", func(section, k string) bool {
		return (section == "ipv4" || section == "ipv6") && strings.HasPrefix(k, "address")
	})
	name := vals["connection.interface-name"]
	if name == "" {
		name = strings.TrimSuffix(path.Base(base), ".nmconnection")
	}
	if !ifName(name) || first == 0 {
		return nil
	}
	l := &Link{Name: name, Line: first}
	for _, a := range addrs {
		first, _, _ := strings.Cut(a, ",")
		addAddr(l, first)
	}
	for _, k := range []string{"ethernet.mtu", "802-3-ethernet.mtu", "bond.mtu", "bridge.mtu", "vlan.mtu", "ovs-interface.mtu", "wired.mtu"} {
		if n := mtu(vals[k]); n > 0 {
			l.MTU = n
		}
	}
	l.Kind = keyfileKinds[vals["connection.type"]]
	switch {
	case l.Kind == KindVLAN:
		l.Parent = vals["vlan.parent"]
	case l.Kind == KindOVSInternal && vals["ovs-interface.type"] == "system":
		l.Kind = KindEthernet
	}
	keyfileController(l, vals)
	clean(l)
	return []Link{*l}
}

// keyfileKinds maps [connection] type to kinds.
var keyfileKinds = map[string]string{
	"ethernet": KindEthernet, "802-3-ethernet": KindEthernet, "bridge": KindBridge, "bond": KindBond,
	"vlan": KindVLAN, "ovs-bridge": KindOVSBridge, "ovs-port": KindOVSPort, "ovs-interface": KindOVSInternal,
}

// keyfileController sets the bridge or bond a keyfile's controller (or
// master) names, by its port type (or slave type).
func keyfileController(l *Link, vals map[string]string) {
	master, slave := vals["connection.master"], vals["connection.slave-type"]
	if c := vals["connection.controller"]; c != "" {
		master = c
	}
	if p := vals["connection.port-type"]; p != "" {
		slave = p
	}
	switch slave {
	case "bridge", "ovs-bridge", "ovs-port":
		l.Bridge = master
	case "bond":
		l.Bond = master
	}
}
